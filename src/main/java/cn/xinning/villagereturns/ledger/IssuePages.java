package cn.xinning.villagereturns.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import cn.xinning.villagereturns.reference.ReferenceData;
import cn.xinning.villagereturns.reference.Village;

/**
 * The ledger as the console pages through it: the issues in force filtered and paged in
 * SQL, the late escalations (the ladder's LATE_* flags, which {@link IssueFlagEvaluator}
 * keeps equal to {@link IssueLadder}'s rules, so the deadline rule has one
 * implementation), and every row an issue was ever sent as.
 */
@Repository
public class IssuePages {

	private final JdbcTemplate jdbc;

	private final ReferenceData referenceData;

	public IssuePages(JdbcTemplate jdbc, ReferenceData referenceData) {
		this.jdbc = jdbc;
		this.referenceData = referenceData;
	}

	/**
	 * What to show.
	 *
	 * @param period issues raised in this month
	 * @param county only this county's townships (the county shown of an installation of
	 * several)
	 * @param township only this township
	 * @param status only this status
	 * @param townshipLimit the reader sees only this township (a township clerk)
	 */
	public record Filter(Optional<YearMonth> period, Optional<String> county, Optional<String> township,
			Optional<IssueStatus> status, Optional<String> townshipLimit) {

		/** Everything the reader may see. */
		static Filter seenBy(Optional<String> townshipLimit) {
			return new Filter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), townshipLimit);
		}

		void where(StringBuilder sql, List<Object> arguments, String alias) {
			this.period.ifPresent((p) -> {
				sql.append(" and ").append(alias).append(".period = ?");
				arguments.add(p.toString());
			});
			// a township code begins with its county's six digits
			this.county.ifPresent((c) -> {
				sql.append(" and ").append(alias).append(".township_code like ?");
				arguments.add(c + "%");
			});
			this.township.ifPresent((t) -> {
				sql.append(" and ").append(alias).append(".township_code = ?");
				arguments.add(t);
			});
			this.townshipLimit.ifPresent((t) -> {
				sql.append(" and ").append(alias).append(".township_code = ?");
				arguments.add(t);
			});
			this.status.ifPresent((s) -> {
				sql.append(" and ").append(alias).append(".status = ?");
				arguments.add(s.name());
			});
		}

	}

	/**
	 * An issue in force with its village's names.
	 *
	 * @param issue the state in force
	 * @param villageName the village's name ("" when not in the registry)
	 * @param townshipName its township's name
	 */
	public record Issue(LedgerIssue issue, String villageName, String townshipName) {

		public Optional<Long> townshipDaysLate() {
			return IssueLadder.townshipDaysLate(this.issue);
		}

		public Optional<Long> countyDaysLate() {
			return IssueLadder.countyDaysLate(this.issue);
		}

	}

	/**
	 * A page of issues.
	 *
	 * @param issues the issues, by period, village and issue number
	 * @param total issues matching
	 */
	public record IssuePage(List<Issue> issues, long total) {
	}

	/**
	 * An issue that reached a level after its deadline.
	 *
	 * @param issue the issue in force
	 * @param level TOWNSHIP or COUNTY
	 * @param deadline the last day on time
	 * @param reachedOn the day it reached the level
	 * @param daysLate days after the deadline (the flag's observed value)
	 * @param flagId the flag that says so
	 * @param flagStatus its review status (OPEN, CONFIRMED, DISMISSED)
	 */
	public record LateEscalation(Issue issue, String level, LocalDate deadline, LocalDate reachedOn, long daysLate,
			long flagId, String flagStatus) {
	}

	/**
	 * A page of late escalations.
	 *
	 * @param escalations by village, issue number, township before county
	 * @param total matching
	 */
	public record LatePage(List<LateEscalation> escalations, long total) {
	}

	/**
	 * One row the ledger received for an issue, whatever became of it.
	 *
	 * @param state CURRENT (in force), SUPERSEDED, DUPLICATE or REJECTED
	 * @param receivedAt business time of the run that read it
	 * @param runId that run
	 * @param fileId the file
	 * @param fileName its name
	 * @param line its line
	 * @param raisedOn as read (empty when unreadable)
	 * @param category as read
	 * @param status as read
	 * @param summary the free text
	 * @param escalatedTownshipOn as read
	 * @param escalatedCountyOn as read
	 * @param resolvedOn as read
	 */
	public record Row(String state, LocalDateTime receivedAt, long runId, long fileId, String fileName, int line,
			Optional<LocalDate> raisedOn, Optional<IssueCategory> category, Optional<IssueStatus> status,
			String summary, Optional<LocalDate> escalatedTownshipOn, Optional<LocalDate> escalatedCountyOn,
			Optional<LocalDate> resolvedOn) {
	}

	private static final String ISSUE_COLUMNS = "i.village_code, i.issue_no, i.raised_on, i.category, i.status,"
			+ " i.escalated_township_on, i.escalated_county_on, i.resolved_on";

	public IssuePage issues(Filter filter, int offset, int limit) {
		StringBuilder where = new StringBuilder(" where 1 = 1");
		List<Object> arguments = new ArrayList<>();
		filter.where(where, arguments, "i");
		long total = this.jdbc.queryForObject("select count(*) from ledger_issue i" + where, Long.class,
				arguments.toArray());
		arguments.add(limit);
		arguments.add(offset);
		// the same order either way; with the month fixed by the filter, ordering by it
		// too
		// made MariaDB sort the month's 250,000 issues of a province (1.7 s) instead of
		// reading them in key order
		String order = filter.period().isPresent() ? "i.village_code, i.issue_no"
				: "i.period, i.village_code, i.issue_no";
		List<Issue> issues = this.jdbc.query(
				"select " + ISSUE_COLUMNS + " from ledger_issue i" + where + " order by " + order + " limit ? offset ?",
				(rs, n) -> named(AcceptLedgerRowsWriter.issue(rs)), arguments.toArray());
		return new IssuePage(issues, total);
	}

	/**
	 * The issues escalated after a deadline: the LATE_* flags not CLOSED (a review does
	 * not change that the dates are late, as in {@code escalated_late}).
	 */
	public LatePage lateEscalations(Filter filter, int offset, int limit) {
		StringBuilder where = new StringBuilder(" where f.rule_code in (?, ?) and f.status <> 'CLOSED'");
		List<Object> arguments = new ArrayList<>(
				List.of(IssueFlagRules.LATE_ESCALATION_TOWNSHIP, IssueFlagRules.LATE_ESCALATION_COUNTY));
		filter.where(where, arguments, "i");
		String from = " from anomaly_flag f join ledger_issue i on i.village_code = f.org_code and i.issue_no = f.subject"
				+ " and i.period = f.period";
		long total = this.jdbc.queryForObject("select count(*)" + from + where, Long.class, arguments.toArray());
		arguments.add(limit);
		arguments.add(offset);
		List<LateEscalation> late = this.jdbc.query(
				"select " + ISSUE_COLUMNS + ", f.flag_id, f.rule_code, f.observed, f.status as flag_status" + from
						+ where + " order by i.period, i.village_code, i.issue_no, f.rule_code desc limit ? offset ?",
				(rs, n) -> {
					LedgerIssue issue = AcceptLedgerRowsWriter.issue(rs);
					boolean township = IssueFlagRules.LATE_ESCALATION_TOWNSHIP.equals(rs.getString("rule_code"));
					BigDecimal observed = rs.getBigDecimal("observed");
					return township ? new LateEscalation(named(issue), "TOWNSHIP",
							IssueLadder.townshipDeadline(issue.raisedOn()), issue.escalatedTownshipOn().orElseThrow(),
							observed.longValue(), rs.getLong("flag_id"), rs.getString("flag_status"))
							: new LateEscalation(named(issue), "COUNTY",
									IssueLadder.countyDeadline(issue.escalatedTownshipOn().orElseThrow()),
									issue.escalatedCountyOn().orElseThrow(), observed.longValue(),
									rs.getLong("flag_id"), rs.getString("flag_status"));
				}, arguments.toArray());
		return new LatePage(late, total);
	}

	/** The issue in force, if the reader may see it. */
	public Optional<Issue> issue(String village, String issueNo, Optional<String> townshipLimit) {
		StringBuilder where = new StringBuilder(" where i.village_code = ? and i.issue_no = ?");
		List<Object> arguments = new ArrayList<>(List.of(village, issueNo));
		Filter.seenBy(townshipLimit).where(where, arguments, "i");
		return this.jdbc
			.query("select " + ISSUE_COLUMNS + " from ledger_issue i" + where,
					(rs, n) -> named(AcceptLedgerRowsWriter.issue(rs)), arguments.toArray())
			.stream()
			.findFirst();
	}

	/**
	 * Every row received for the issue, in the order received (business time, run, file
	 * order, line): the states it went through, and the rows that were duplicates or
	 * refused.
	 */
	public List<Row> rows(String village, String issueNo) {
		return this.jdbc.query("select r.state, r.received_at, r.run_id, r.file_id, f.file_name, r.line_no,"
				+ " r.raised_on, r.category, r.status, r.summary, r.escalated_township_on, r.escalated_county_on,"
				+ " r.resolved_on from ledger_row r join inbox_file f on f.file_id = r.file_id"
				+ " where r.village_code = ? and r.issue_no = ? and r.state <> 'STAGED'"
				+ " order by r.received_at, r.run_id, f.seq, r.line_no", (rs, n) -> {
					return new Row(rs.getString("state"), rs.getObject("received_at", LocalDateTime.class),
							rs.getLong("run_id"), rs.getLong("file_id"), rs.getString("file_name"),
							rs.getInt("line_no"), date(rs.getObject("raised_on", LocalDate.class)),
							Optional.ofNullable(rs.getString("category")).flatMap(IssueCategory::of),
							Optional.ofNullable(rs.getString("status")).flatMap(IssueStatus::of),
							Optional.ofNullable(rs.getString("summary")).orElse(""),
							date(rs.getObject("escalated_township_on", LocalDate.class)),
							date(rs.getObject("escalated_county_on", LocalDate.class)),
							date(rs.getObject("resolved_on", LocalDate.class)));
				}, village, issueNo);
	}

	/** The latest month with issues, the page's default. */
	public Optional<YearMonth> latestPeriod() {
		return Optional.ofNullable(this.jdbc.queryForObject("select max(period) from ledger_issue", String.class))
			.map(YearMonth::parse);
	}

	private Issue named(LedgerIssue issue) {
		Optional<Village> village = this.referenceData.recent()
			.registry()
			.validIn(issue.villageCode(), issue.period())
			.or(() -> this.referenceData.recent().registry().anyLine(issue.villageCode()));
		return new Issue(issue, village.map(Village::name).orElse(""), village.map(Village::townshipName).orElse(""));
	}

	private static Optional<LocalDate> date(LocalDate date) {
		return Optional.ofNullable(date);
	}

}
