package cn.xinning.villagereturns.ledger;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import cn.xinning.villagereturns.reference.ReferenceData;
import cn.xinning.villagereturns.reference.Village;

/** Reads issues in force with every accepted state they had, for {@code issues}. */
@Repository
public class IssueHistory {

	private final JdbcTemplate jdbc;

	private final ReferenceData referenceData;

	public IssueHistory(JdbcTemplate jdbc, ReferenceData referenceData) {
		this.jdbc = jdbc;
		this.referenceData = referenceData;
	}

	/**
	 * One accepted row of an issue.
	 *
	 * @param receivedAt business time of the run that took it
	 * @param runId that run
	 * @param file the file's name
	 * @param line its line
	 * @param issue the state it gave
	 * @param inForce whether it is the state in force
	 */
	public record State(LocalDateTime receivedAt, long runId, String file, int line, LedgerIssue issue,
			boolean inForce) {
	}

	/**
	 * An issue in force, its village's name, and its states in the order received.
	 */
	public record Entry(LedgerIssue issue, String villageName, List<State> history) {
	}

	/**
	 * @param village only this village
	 * @param status only this status (label or code)
	 * @param period only issues raised in this month
	 */
	public List<Entry> list(Optional<String> village, Optional<IssueStatus> status, Optional<String> period) {
		StringBuilder where = new StringBuilder(" where 1 = 1");
		List<Object> arguments = new ArrayList<>();
		village.ifPresent((v) -> {
			where.append(" and c.village_code = ?");
			arguments.add(v);
		});
		status.ifPresent((s) -> {
			where.append(" and c.status = ?");
			arguments.add(s.name());
		});
		period.ifPresent((p) -> {
			where.append(" and c.period = ?");
			arguments.add(p);
		});
		Map<List<String>, List<State>> histories = new LinkedHashMap<>();
		Map<List<String>, LedgerIssue> current = new LinkedHashMap<>();
		this.jdbc.query("select r.village_code, r.issue_no, r.raised_on, r.category, r.status,"
				+ " r.escalated_township_on, r.escalated_county_on, r.resolved_on, r.received_at, r.run_id, r.line_no,"
				+ " f.file_name, r.state from ledger_issue c"
				+ " join ledger_row r on r.village_code = c.village_code and r.issue_no = c.issue_no"
				+ " and r.state in ('CURRENT', 'SUPERSEDED') join inbox_file f on f.file_id = r.file_id" + where
				+ " order by c.period, c.village_code, c.issue_no, r.received_at, r.run_id, f.seq, r.line_no", (rs) -> {
					LedgerIssue issue = AcceptLedgerRowsWriter.issue(rs);
					List<String> key = List.of(issue.villageCode(), issue.issueNo());
					boolean inForce = "CURRENT".equals(rs.getString("state"));
					histories.computeIfAbsent(key, (k) -> new ArrayList<>())
						.add(new State(rs.getObject("received_at", LocalDateTime.class), rs.getLong("run_id"),
								rs.getString("file_name"), rs.getInt("line_no"), issue, inForce));
					if (inForce) {
						current.put(key, issue);
					}
				}, arguments.toArray());
		List<Entry> entries = new ArrayList<>();
		for (Map.Entry<List<String>, LedgerIssue> issue : current.entrySet()) {
			entries.add(new Entry(issue.getValue(), villageName(issue.getValue()), histories.get(issue.getKey())));
		}
		return entries;
	}

	private String villageName(LedgerIssue issue) {
		return this.referenceData.recent().registry().anyLine(issue.villageCode()).map(Village::name).orElse("");
	}

	static String date(Optional<LocalDate> date) {
		return date.map(LocalDate::toString).orElse("-");
	}

}
