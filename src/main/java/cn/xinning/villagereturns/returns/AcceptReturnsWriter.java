package cn.xinning.villagereturns.returns;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IntSummaryStatistics;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import cn.xinning.villagereturns.intake.ClaimedFile;
import cn.xinning.villagereturns.support.BulkLoader;
import cn.xinning.villagereturns.support.DatabaseDialect;
import cn.xinning.villagereturns.support.GroupedUpdate;
import cn.xinning.villagereturns.support.PeriodLocks;

/**
 * Accepts the STAGED returns of a chunk of files, in the run's order (file name, then
 * line), as spec section 5 says: a file whose content was accepted before changes nothing
 * (DUPLICATE); a later return for a village and period replaces the one in force (which
 * becomes SUPERSEDED, never deleted); "later" compares the business time received, then
 * the run, the file order and the line. The chunk's reads and writes are a handful of
 * set-based statements, not one per return.
 */
public class AcceptReturnsWriter implements ItemWriter<ClaimedFile> {

	private static final Comparator<Order> LATER = Comparator.comparing(Order::receivedAt)
		.thenComparingLong(Order::runId)
		.thenComparingInt(Order::seq)
		.thenComparingInt(Order::line);

	private final JdbcTemplate jdbc;

	private final NamedParameterJdbcTemplate named;

	private final String straightJoin;

	private final PeriodLocks periodLocks;

	private final DatabaseDialect dialect;

	private final BulkLoader bulk;

	public AcceptReturnsWriter(JdbcTemplate jdbc, DatabaseDialect dialect, PeriodLocks periodLocks, BulkLoader bulk) {
		this.jdbc = jdbc;
		this.bulk = bulk;
		this.periodLocks = periodLocks;
		this.named = new NamedParameterJdbcTemplate(jdbc);
		this.dialect = dialect;
		this.straightJoin = dialect.straightJoin();
	}

	/** Where a return stands in the order of receipt. */
	private record Order(LocalDateTime receivedAt, long runId, int seq, int line) {
	}

	private record Staged(long submissionId, long fileId, String village, String period, Order order,
			String valuesText) {
	}

	/** The return in force for a village and period. */
	private record Current(long submissionId, LocalDateTime firstReceivedAt, Order order, String valuesText) {
	}

	private record Key(String village, String period) {
	}

	@Override
	public void write(Chunk<? extends ClaimedFile> chunk) {
		List<? extends ClaimedFile> files = chunk.getItems();
		Map<Long, ClaimedFile> byId = files.stream().collect(Collectors.toMap(ClaimedFile::fileId, (f) -> f));
		Map<String, Object> chunkFiles = chunkFiles(files);
		Integer inRange = this.named.queryForObject("select count(*) from inbox_file cf where " + CHUNK_FILES,
				chunkFiles, Integer.class);
		if (inRange == null || inRange != files.size()) {
			// the range queries below would take in files of another chunk
			throw new IllegalStateException("Acceptance chunk of " + files.size() + " files, but " + inRange
					+ " VALIDATED files in its range " + chunkFiles);
		}
		Map<Long, List<Staged>> staged = staged(byId, chunkFiles);
		// another process may be accepting into, aggregating or flagging these periods:
		// the returns in force are read once they are ours until commit
		this.periodLocks
			.lockAll(staged.values().stream().flatMap(List::stream).map(Staged::period).collect(Collectors.toSet()));
		Map<String, Long> acceptedBefore = acceptedBefore(chunkFiles);
		Map<Key, Current> currents = currents(chunkFiles);
		Map<Key, Current> original = new HashMap<>(currents);

		Map<Long, Object[]> stateUpdates = new HashMap<>();
		Map<Long, Long> duplicateOf = new HashMap<>();
		Map<Long, Integer> acceptedCount = new HashMap<>();
		Set<String> periods = new LinkedHashSet<>();
		for (ClaimedFile file : files.stream().sorted(Comparator.comparingInt(ClaimedFile::seq)).toList()) {
			List<Staged> returns = staged.getOrDefault(file.fileId(), List.of());
			Long original_ = acceptedBefore.get(file.sha256());
			if (original_ != null) {
				duplicateOf.put(file.fileId(), original_);
				returns.forEach((s) -> stateUpdates.put(s.submissionId(), new Object[] { "DUPLICATE", null }));
				continue;
			}
			for (Staged s : returns) {
				Key key = new Key(s.village(), s.period());
				Current current = currents.get(key);
				if (current == null) {
					currents.put(key, new Current(s.submissionId(), s.order().receivedAt(), s.order(), s.valuesText()));
					stateUpdates.put(s.submissionId(), new Object[] { "CURRENT", null });
				}
				else {
					LocalDateTime first = min(current.firstReceivedAt(), s.order().receivedAt());
					if (LATER.compare(s.order(), current.order()) > 0) {
						stateUpdates.put(current.submissionId(), new Object[] { "SUPERSEDED", s.submissionId() });
						stateUpdates.put(s.submissionId(), new Object[] { "CURRENT", null });
						currents.put(key, new Current(s.submissionId(), first, s.order(), s.valuesText()));
					}
					else {
						// received before the one in force (a backfill run with an
						// earlier business time)
						stateUpdates.put(s.submissionId(), new Object[] { "SUPERSEDED", current.submissionId() });
						currents.put(key,
								new Current(current.submissionId(), first, current.order(), current.valuesText()));
					}
				}
				periods.add(s.period());
			}
			acceptedCount.put(file.fileId(), returns.size());
			if (!returns.isEmpty()) {
				acceptedBefore.putIfAbsent(file.sha256(), file.fileId());
			}
		}
		updateStates(stateUpdates);
		storeCurrents(currents, original);
		recordPeriods(files.get(0).runId(), periods);
		updateFiles(files, duplicateOf, acceptedCount);
	}

	/**
	 * The chunk's files as a range of the run's order: the reader hands them over in that
	 * order, so the chunk is every VALIDATED file of the run from its first to its last.
	 * A range, unlike a list of a thousand ids, keeps every query below on an index.
	 */
	private static Map<String, Object> chunkFiles(List<? extends ClaimedFile> files) {
		IntSummaryStatistics seqs = files.stream().mapToInt(ClaimedFile::seq).summaryStatistics();
		return Map.of("run", files.get(0).runId(), "first", seqs.getMin(), "last", seqs.getMax());
	}

	private static final String CHUNK_FILES = "cf.run_id = :run and cf.state = 'VALIDATED'"
			+ " and cf.seq between :first and :last";

	private Map<Long, List<Staged>> staged(Map<Long, ClaimedFile> files, Map<String, Object> chunkFiles) {
		Map<Long, List<Staged>> staged = new HashMap<>();
		this.named.query(
				"select " + this.straightJoin
						+ "s.submission_id, s.file_id, s.line_no, s.village_code, s.period, s.received_at,"
						+ " s.run_id, s.values_text from inbox_file cf join submission s on s.file_id = cf.file_id"
						+ " where " + CHUNK_FILES + " and s.state = 'STAGED' order by s.file_id, s.line_no",
				chunkFiles, (rs) -> {
					long fileId = rs.getLong("file_id");
					Order order = new Order(rs.getObject("received_at", LocalDateTime.class), rs.getLong("run_id"),
							files.get(fileId).seq(), rs.getInt("line_no"));
					staged.computeIfAbsent(fileId, (id) -> new ArrayList<>())
						.add(new Staged(rs.getLong("submission_id"), fileId, rs.getString("village_code"),
								rs.getString("period"), order, rs.getString("values_text")));
				});
		return staged;
	}

	/**
	 * Content hash to the earliest other file with that content whose returns were
	 * accepted.
	 */
	private Map<String, Long> acceptedBefore(Map<String, Object> chunkFiles) {
		Map<String, Long> found = new HashMap<>();
		// a file of this chunk has nothing accepted yet, so it never matches; a join, not
		// exists: MariaDB materializes that subquery over the whole submission table
		this.named.query("select " + this.straightJoin + "f.sha256, min(f.file_id) as file_id from inbox_file cf"
				+ " join file_content f on f.sha256 = cf.sha256 and f.file_id <> cf.file_id"
				+ " join submission s on s.file_id = f.file_id and s.state in ('CURRENT', 'SUPERSEDED')" + " where "
				+ CHUNK_FILES + " group by f.sha256", chunkFiles, (rs) -> {
					found.put(rs.getString("sha256"), rs.getLong("file_id"));
				});
		return found;
	}

	private Map<Key, Current> currents(Map<String, Object> chunkFiles) {
		Map<Key, Current> currents = new HashMap<>();
		this.named.query("select " + this.straightJoin
				+ "c.village_code, c.period, c.submission_id, c.first_received_at, c.values_text,"
				+ " s.received_at, s.run_id, f.seq, s.line_no from inbox_file cf"
				+ " join submission st on st.file_id = cf.file_id and st.state = 'STAGED'"
				+ " join current_return c on c.village_code = st.village_code and c.period = st.period"
				+ " join submission s on s.submission_id = c.submission_id join inbox_file f on f.file_id = s.file_id"
				+ " where " + CHUNK_FILES, chunkFiles, (rs) -> {
					currents
						.put(new Key(rs.getString("village_code"), rs.getString("period")),
								new Current(rs.getLong("submission_id"),
										rs.getObject("first_received_at", LocalDateTime.class),
										new Order(rs.getObject("received_at", LocalDateTime.class),
												rs.getLong("run_id"), rs.getInt("seq"), rs.getInt("line_no")),
										rs.getString("values_text")));
				});
		return currents;
	}

	private void updateStates(Map<Long, Object[]> updates) {
		GroupedUpdate.update(this.jdbc, this.dialect, "submission", "submission_id", List.of("state", "superseded_by"),
				new ArrayList<>(updates.entrySet()), Map.Entry::getKey, Map.Entry::getValue);
	}

	private void storeCurrents(Map<Key, Current> currents, Map<Key, Current> original) {
		List<Map.Entry<Key, Current>> changed = currents.entrySet()
			.stream()
			.filter((e) -> !e.getValue().equals(original.get(e.getKey())))
			.toList();
		List<Map.Entry<Key, Current>> existing = changed.stream()
			.filter((e) -> original.containsKey(e.getKey()))
			.toList();
		List<Map.Entry<Key, Current>> fresh = changed.stream()
			.filter((e) -> !original.containsKey(e.getKey()))
			.toList();
		this.jdbc.batchUpdate("update current_return set submission_id = ?, first_received_at = ?, values_text = ?"
				+ " where village_code = ? and period = ?", existing, 1000, (ps, e) -> {
					ps.setLong(1, e.getValue().submissionId());
					ps.setObject(2, e.getValue().firstReceivedAt());
					ps.setString(3, e.getValue().valuesText());
					ps.setString(4, e.getKey().village());
					ps.setString(5, e.getKey().period());
				});
		// a month's first returns: every village's, 25,000 rows at a province
		this.bulk.insert(this.jdbc, "current_return",
				List.of("village_code", "period", "submission_id", "first_received_at", "values_text"), fresh,
				(e, cells) -> {
					cells[0] = e.getKey().village();
					cells[1] = e.getKey().period();
					cells[2] = e.getValue().submissionId();
					cells[3] = e.getValue().firstReceivedAt();
					cells[4] = e.getValue().valuesText();
				});
	}

	private void recordPeriods(long runId, Set<String> periods) {
		Set<String> known = new HashSet<>(
				this.jdbc.queryForList("select period from run_period where run_id = ?", String.class, runId));
		List<String> fresh = periods.stream().filter((p) -> !known.contains(p)).toList();
		this.jdbc.batchUpdate("insert into run_period (run_id, period) values (?, ?)", fresh, 100, (ps, p) -> {
			ps.setLong(1, runId);
			ps.setString(2, p);
		});
	}

	private void updateFiles(List<? extends ClaimedFile> files, Map<Long, Long> duplicateOf,
			Map<Long, Integer> accepted) {
		GroupedUpdate.update(this.jdbc, this.dialect, "inbox_file", "file_id",
				List.of("state", "duplicate_of", "returns_accepted"), files, ClaimedFile::fileId,
				(f) -> new Object[] { "ACCEPTED", duplicateOf.get(f.fileId()), accepted.getOrDefault(f.fileId(), 0) });
	}

	private static LocalDateTime min(LocalDateTime a, LocalDateTime b) {
		return a.isBefore(b) ? a : b;
	}

}
