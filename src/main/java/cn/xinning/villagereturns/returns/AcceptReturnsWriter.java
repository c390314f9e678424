package cn.xinning.villagereturns.returns;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
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

	public AcceptReturnsWriter(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
		this.named = new NamedParameterJdbcTemplate(jdbc);
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
		Map<Long, List<Staged>> staged = staged(byId);
		Map<String, Long> acceptedBefore = acceptedBefore(files);
		Map<Key, Current> currents = currents(staged.values().stream().flatMap(List::stream).toList());
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

	private Map<Long, List<Staged>> staged(Map<Long, ClaimedFile> files) {
		Map<Long, List<Staged>> staged = new HashMap<>();
		this.named.query(
				"select submission_id, file_id, line_no, village_code, period, received_at, run_id, values_text"
						+ " from submission where file_id in (:files) and state = 'STAGED' order by file_id, line_no",
				Map.of("files", files.keySet()), (rs) -> {
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
	private Map<String, Long> acceptedBefore(List<? extends ClaimedFile> files) {
		Map<String, Long> found = new HashMap<>();
		Set<Long> ids = files.stream().map(ClaimedFile::fileId).collect(Collectors.toSet());
		this.named.query("select f.sha256, min(f.file_id) as file_id from inbox_file f where f.sha256 in (:shas)"
				+ " and f.file_id not in (:ids) and exists (select 1 from submission s where s.file_id = f.file_id"
				+ " and s.state in ('CURRENT', 'SUPERSEDED')) group by f.sha256",
				Map.of("shas", files.stream().map(ClaimedFile::sha256).collect(Collectors.toSet()), "ids", ids),
				(rs) -> {
					found.put(rs.getString("sha256"), rs.getLong("file_id"));
				});
		return found;
	}

	private Map<Key, Current> currents(List<Staged> staged) {
		Map<Key, Current> currents = new HashMap<>();
		if (staged.isEmpty()) {
			return currents;
		}
		Set<Key> wanted = staged.stream().map((s) -> new Key(s.village(), s.period())).collect(Collectors.toSet());
		Set<String> villages = wanted.stream().map(Key::village).collect(Collectors.toSet());

		this.named
			.query("select c.village_code, c.period, c.submission_id, c.first_received_at, c.values_text, s.received_at,"
					+ " s.run_id, f.seq, s.line_no from current_return c"
					+ " join submission s on s.submission_id = c.submission_id join inbox_file f on f.file_id = s.file_id"
					+ " where c.village_code in (:villages)", Map.of("villages", villages), (rs) -> {
						Key key = new Key(rs.getString("village_code"), rs.getString("period"));
						if (wanted.contains(key)) {
							currents.put(key,
									new Current(rs.getLong("submission_id"),
											rs.getObject("first_received_at", LocalDateTime.class),
											new Order(rs.getObject("received_at", LocalDateTime.class),
													rs.getLong("run_id"), rs.getInt("seq"), rs.getInt("line_no")),
											rs.getString("values_text")));
						}
					});
		return currents;
	}

	private void updateStates(Map<Long, Object[]> updates) {
		List<Map.Entry<Long, Object[]>> rows = new ArrayList<>(updates.entrySet());
		this.jdbc.batchUpdate("update submission set state = ?, superseded_by = ? where submission_id = ?", rows, 1000,
				(ps, e) -> {
					ps.setString(1, (String) e.getValue()[0]);
					ps.setObject(2, e.getValue()[1]);
					ps.setLong(3, e.getKey());
				});
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
		this.jdbc.batchUpdate("insert into current_return (village_code, period, submission_id, first_received_at,"
				+ " values_text) values (?, ?, ?, ?, ?)", fresh, 1000, (ps, e) -> {
					ps.setString(1, e.getKey().village());
					ps.setString(2, e.getKey().period());
					ps.setLong(3, e.getValue().submissionId());
					ps.setObject(4, e.getValue().firstReceivedAt());
					ps.setString(5, e.getValue().valuesText());
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
		this.jdbc.batchUpdate("update inbox_file set state = 'ACCEPTED', duplicate_of = ?, returns_accepted = ?"
				+ " where file_id = ?", files, 500, (ps, f) -> {
					ps.setObject(1, duplicateOf.get(f.fileId()));
					ps.setInt(2, accepted.getOrDefault(f.fileId(), 0));
					ps.setLong(3, f.fileId());
				});
	}

	private static LocalDateTime min(LocalDateTime a, LocalDateTime b) {
		return a.isBefore(b) ? a : b;
	}

}
