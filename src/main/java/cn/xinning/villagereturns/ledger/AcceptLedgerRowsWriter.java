package cn.xinning.villagereturns.ledger;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IntSummaryStatistics;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import cn.xinning.villagereturns.intake.ClaimedFile;
import cn.xinning.villagereturns.support.BulkLoader;
import cn.xinning.villagereturns.support.PeriodLocks;
import cn.xinning.villagereturns.support.DatabaseDialect;
import cn.xinning.villagereturns.support.GroupedUpdate;

/**
 * Accepts the STAGED ledger rows of a chunk of files, in the run's order, as returns are
 * accepted (spec sections 5 and 12): a file whose content was accepted before changes
 * nothing (its rows are DUPLICATE); a later row for a village and issue number replaces
 * the issue's state in force (the row it replaces becomes SUPERSEDED, never deleted);
 * "later" compares the business time received, then the run, the file order and the line.
 * It runs after the returns' acceptance in the same chunk transaction, and records the
 * months whose issues changed for the flag step.
 */
public class AcceptLedgerRowsWriter implements ItemWriter<ClaimedFile> {

	private static final Comparator<Order> LATER = Comparator.comparing(Order::receivedAt)
		.thenComparingLong(Order::runId)
		.thenComparingInt(Order::seq)
		.thenComparingInt(Order::line);

	/**
	 * The chunk's files as a range of the run's order, on the index (run_id, state, seq):
	 * the returns' writer, which runs first in the same transaction, has just made them
	 * ACCEPTED; VALIDATED too, so the range holds whichever writer runs first. Without
	 * the state, MariaDB could use only the index's first column and read all of the
	 * run's files for every chunk: at a province (50,000 files, 50 chunks) that was most
	 * of the ledger's acceptance.
	 */
	private static final String CHUNK_FILES = "cf.run_id = :run and cf.state in ('VALIDATED', 'ACCEPTED')"
			+ " and cf.seq between :first and :last";

	private final JdbcTemplate jdbc;

	private final NamedParameterJdbcTemplate named;

	private final String straightJoin;

	private final BulkLoader bulk;

	/** The lock of the issues in force: after the periods' locks in their order. */
	static final String ISSUES_LOCK = "ISSUES";

	private final PeriodLocks locks;

	private final DatabaseDialect dialect;

	public AcceptLedgerRowsWriter(JdbcTemplate jdbc, DatabaseDialect dialect, BulkLoader bulk, PeriodLocks locks) {
		this.locks = locks;
		this.jdbc = jdbc;
		this.bulk = bulk;
		this.named = new NamedParameterJdbcTemplate(jdbc);
		this.dialect = dialect;
		this.straightJoin = dialect.straightJoin();
	}

	private record Order(LocalDateTime receivedAt, long runId, int seq, int line) {
	}

	private record Key(String village, String issueNo) {
	}

	private record Staged(long rowId, long fileId, Key key, Order order, LedgerIssue issue) {
	}

	/** The row in force for an issue, and the month it counted in. */
	private record Current(long rowId, Order order, String period, LedgerIssue issue) {
	}

	@Override
	public void write(Chunk<? extends ClaimedFile> chunk) {
		List<? extends ClaimedFile> files = chunk.getItems();
		if (files.isEmpty()) {
			return;
		}
		// two processes (two managers) replacing the same issue's state would race on
		// which row is "later": one chunk at a time changes the issues in force
		this.locks.lockAll(List.of(ISSUES_LOCK));
		Map<Long, ClaimedFile> byId = files.stream().collect(Collectors.toMap(ClaimedFile::fileId, (f) -> f));
		IntSummaryStatistics seqs = files.stream().mapToInt(ClaimedFile::seq).summaryStatistics();
		Map<String, Object> range = Map.of("run", files.get(0).runId(), "first", seqs.getMin(), "last", seqs.getMax());
		Map<Long, List<Staged>> staged = staged(byId, range);
		if (staged.isEmpty()) {
			return;
		}
		Map<String, Long> acceptedBefore = acceptedBefore(range);
		Map<Key, Current> currents = currents(range);
		Map<Key, Current> original = new HashMap<>(currents);
		Map<Long, Object[]> states = new HashMap<>();
		Map<Long, Long> duplicateOf = new HashMap<>();
		Map<Long, Integer> accepted = new HashMap<>();
		Set<String> periods = new LinkedHashSet<>();
		for (ClaimedFile file : files.stream().sorted(Comparator.comparingInt(ClaimedFile::seq)).toList()) {
			List<Staged> rows = staged.get(file.fileId());
			if (rows == null) {
				continue;
			}
			Long earlier = acceptedBefore.get(file.sha256());
			if (earlier != null) {
				duplicateOf.put(file.fileId(), earlier);
				rows.forEach((s) -> states.put(s.rowId(), new Object[] { "DUPLICATE", null }));
				accepted.put(file.fileId(), 0);
				continue;
			}
			for (Staged s : rows) {
				Current current = currents.get(s.key());
				periods.add(s.issue().period().toString());
				if (current == null || LATER.compare(s.order(), current.order()) > 0) {
					if (current != null) {
						states.put(current.rowId(), new Object[] { "SUPERSEDED", s.rowId() });
						periods.add(current.period());
					}
					states.put(s.rowId(), new Object[] { "CURRENT", null });
					currents.put(s.key(), new Current(s.rowId(), s.order(), s.issue().period().toString(), s.issue()));
				}
				else {
					// received before the state in force (a backfill run with an earlier
					// business time): history only
					states.put(s.rowId(), new Object[] { "SUPERSEDED", current.rowId() });
				}
			}
			accepted.put(file.fileId(), rows.size());
			acceptedBefore.putIfAbsent(file.sha256(), file.fileId());
		}
		GroupedUpdate.update(this.jdbc, this.dialect, "ledger_row", "ledger_row_id", List.of("state", "superseded_by"),
				new ArrayList<>(states.entrySet()), Map.Entry::getKey, Map.Entry::getValue);
		storeIssues(currents, original);
		recordPeriods(files.get(0).runId(), periods);
		GroupedUpdate.update(this.jdbc, this.dialect, "inbox_file", "file_id",
				List.of("duplicate_of", "ledger_rows_accepted"), new ArrayList<>(accepted.entrySet()),
				Map.Entry::getKey, (e) -> new Object[] { duplicateOf.get(e.getKey()), e.getValue() });
	}

	private Map<Long, List<Staged>> staged(Map<Long, ClaimedFile> files, Map<String, Object> range) {
		Map<Long, List<Staged>> staged = new HashMap<>();
		this.named.query("select " + this.straightJoin + "r.ledger_row_id, r.file_id, r.line_no, r.village_code,"
				+ " r.issue_no, r.raised_on, r.category, r.status, r.escalated_township_on, r.escalated_county_on,"
				+ " r.resolved_on, r.received_at, r.run_id from inbox_file cf join ledger_row r on r.file_id = cf.file_id"
				+ " where " + CHUNK_FILES + " and r.state = 'STAGED' order by r.file_id, r.line_no", range, (rs) -> {
					long fileId = rs.getLong("file_id");
					ClaimedFile file = files.get(fileId);
					if (file == null) {
						return;
					}
					Key key = new Key(rs.getString("village_code"), rs.getString("issue_no"));
					Order order = new Order(rs.getObject("received_at", LocalDateTime.class), rs.getLong("run_id"),
							file.seq(), rs.getInt("line_no"));
					staged.computeIfAbsent(fileId, (id) -> new ArrayList<>())
						.add(new Staged(rs.getLong("ledger_row_id"), fileId, key, order, issue(rs)));
				});
		return staged;
	}

	static LedgerIssue issue(ResultSet rs) throws SQLException {
		String village = rs.getString("village_code");
		return new LedgerIssue(village, rs.getString("issue_no"), village.substring(0, 9),
				rs.getObject("raised_on", LocalDate.class), IssueCategory.valueOf(rs.getString("category")),
				IssueStatus.valueOf(rs.getString("status")), date(rs, "escalated_township_on"),
				date(rs, "escalated_county_on"), date(rs, "resolved_on"));
	}

	private static Optional<LocalDate> date(ResultSet rs, String column) throws SQLException {
		return Optional.ofNullable(rs.getObject(column, LocalDate.class));
	}

	/**
	 * Content hash to the earliest other file with that content whose rows were accepted.
	 */
	private Map<String, Long> acceptedBefore(Map<String, Object> range) {
		Map<String, Long> found = new HashMap<>();
		this.named.query("select " + this.straightJoin + "f.sha256, min(f.file_id) as file_id from inbox_file cf"
				+ " join file_content f on f.sha256 = cf.sha256 and f.file_id <> cf.file_id"
				+ " join ledger_row r on r.file_id = f.file_id and r.state in ('CURRENT', 'SUPERSEDED') where "
				+ CHUNK_FILES + " group by f.sha256", range, (rs) -> {
					found.put(rs.getString("sha256"), rs.getLong("file_id"));
				});
		return found;
	}

	private Map<Key, Current> currents(Map<String, Object> range) {
		Map<Key, Current> currents = new HashMap<>();
		this.named.query("select distinct " + this.straightJoin
				+ "c.village_code, c.issue_no, c.ledger_row_id, c.period, s.received_at, s.run_id, f.seq, s.line_no"
				+ " from inbox_file cf join ledger_row st on st.file_id = cf.file_id and st.state = 'STAGED'"
				+ " join ledger_issue c on c.village_code = st.village_code and c.issue_no = st.issue_no"
				+ " join ledger_row s on s.ledger_row_id = c.ledger_row_id join inbox_file f on f.file_id = s.file_id"
				+ " where " + CHUNK_FILES, range, (rs) -> {
					currents
						.put(new Key(rs.getString("village_code"), rs.getString("issue_no")),
								new Current(rs.getLong("ledger_row_id"),
										new Order(rs.getObject("received_at", LocalDateTime.class),
												rs.getLong("run_id"), rs.getInt("seq"), rs.getInt("line_no")),
										rs.getString("period"), null));
				});
		return currents;
	}

	private void storeIssues(Map<Key, Current> currents, Map<Key, Current> original) {
		// in key order, the table's order: in the hash map's order each row of a
		// load went to another page of the primary key
		List<Current> changed = currents.entrySet()
			.stream()
			.filter((e) -> e.getValue().issue() != null && !e.getValue().equals(original.get(e.getKey())))
			.map(Map.Entry::getValue)
			.sorted(Comparator.comparing((Current c) -> c.issue().villageCode())
				.thenComparing((c) -> c.issue().issueNo()))
			.toList();
		List<Current> existing = changed.stream()
			.filter((c) -> original.containsKey(new Key(c.issue().villageCode(), c.issue().issueNo())))
			.toList();
		List<Current> fresh = changed.stream()
			.filter((c) -> !original.containsKey(new Key(c.issue().villageCode(), c.issue().issueNo())))
			.toList();
		this.jdbc.batchUpdate("update ledger_issue set ledger_row_id = ?, township_code = ?, period = ?, raised_on = ?,"
				+ " category = ?, status = ?, escalated_township_on = ?, escalated_county_on = ?, resolved_on = ?"
				+ " where village_code = ? and issue_no = ?", existing, 1000, AcceptLedgerRowsWriter::setIssue);
		// new issues go in as the values of returns do (LOAD DATA when allowed): a batch
		// of
		// inserts cost a second for a county's 3,000 rows
		this.bulk.insert(this.jdbc, "ledger_issue",
				List.of("ledger_row_id", "township_code", "period", "raised_on", "category", "status",
						"escalated_township_on", "escalated_county_on", "resolved_on", "village_code", "issue_no"),
				fresh, (c, cells) -> {
					LedgerIssue issue = c.issue();
					cells[0] = c.rowId();
					cells[1] = issue.townshipCode();
					cells[2] = c.period();
					cells[3] = issue.raisedOn();
					cells[4] = issue.category().name();
					cells[5] = issue.status().name();
					cells[6] = issue.escalatedTownshipOn().orElse(null);
					cells[7] = issue.escalatedCountyOn().orElse(null);
					cells[8] = issue.resolvedOn().orElse(null);
					cells[9] = issue.villageCode();
					cells[10] = issue.issueNo();
				});
	}

	private static void setIssue(java.sql.PreparedStatement ps, Current c) throws SQLException {
		LedgerIssue issue = c.issue();
		ps.setLong(1, c.rowId());
		ps.setString(2, issue.townshipCode());
		ps.setString(3, c.period());
		ps.setDate(4, Date.valueOf(issue.raisedOn()));
		ps.setString(5, issue.category().name());
		ps.setString(6, issue.status().name());
		ps.setDate(7, issue.escalatedTownshipOn().map(Date::valueOf).orElse(null));
		ps.setDate(8, issue.escalatedCountyOn().map(Date::valueOf).orElse(null));
		ps.setDate(9, issue.resolvedOn().map(Date::valueOf).orElse(null));
		ps.setString(10, issue.villageCode());
		ps.setString(11, issue.issueNo());
	}

	private void recordPeriods(long runId, Set<String> periods) {
		Set<String> known = new HashSet<>(
				this.jdbc.queryForList("select period from ledger_run_period where run_id = ?", String.class, runId));
		List<String> fresh = periods.stream().filter((p) -> !known.contains(p)).sorted().toList();
		this.jdbc.batchUpdate("insert into ledger_run_period (run_id, period) values (?, ?)", fresh, 100, (ps, p) -> {
			ps.setLong(1, runId);
			ps.setString(2, p);
		});
	}

}
