package cn.xinning.villagereturns.ingest;

import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.xinning.villagereturns.intake.InboxLeftovers;

/** Reads a run's summary back from what its steps stored. */
@Repository
public class IngestSummaries {

	private final JdbcClient jdbc;

	private final InboxLeftovers leftovers;

	public IngestSummaries(JdbcClient jdbc, InboxLeftovers leftovers) {
		this.jdbc = jdbc;
		this.leftovers = leftovers;
	}

	public IngestSummary of(IngestRun run, String status, String exitMessage, boolean english) {
		long runId = run.runId();
		Map<String, Object> files = this.jdbc
			.sql("select count(*) as files,"
					+ " coalesce(sum(case when outcome = 'ARCHIVED' then 1 else 0 end), 0) as archived,"
					+ " coalesce(sum(case when outcome = 'REJECTED' then 1 else 0 end), 0) as rejected,"
					+ " coalesce(sum(case when duplicate_of is not null then 1 else 0 end), 0) as duplicates"
					+ " from inbox_file where run_id = ?")
			.param(runId)
			.query()
			.singleRow();
		Map<String, Integer> states = new java.util.HashMap<>();
		this.jdbc.sql("select state, count(*) from submission where run_id = ? group by state")
			.param(runId)
			.query((rs, n) -> Map.entry(rs.getString(1), rs.getInt(2)))
			.list()
			.forEach((e) -> states.put(e.getKey(), e.getValue()));
		int warnings = this.jdbc
			.sql("select count(*) from problem p join submission s on s.submission_id = p.submission_id"
					+ " where s.run_id = ? and p.severity = 'WARNING' and s.state in ('CURRENT', 'SUPERSEDED')")
			.param(runId)
			.query(Integer.class)
			.single();
		List<String> periods = this.jdbc.sql("select period from run_period where run_id = ? order by period")
			.param(runId)
			.query(String.class)
			.list();
		List<IngestSummary.RejectedFile> rejected = this.jdbc
			.sql("select f.final_path, (select count(*) from problem p where p.file_id = f.file_id"
					+ " and p.severity = 'ERROR') as errors, (select min(p.problem_id) from problem p"
					+ " where p.file_id = f.file_id and p.severity = 'ERROR') as first_problem"
					+ " from inbox_file f where f.run_id = ? and f.outcome = 'REJECTED' order by f.seq")
			.param(runId)
			.query((rs, n) -> new IngestSummary.RejectedFile(rs.getString(1), rs.getInt(2),
					firstError(rs.getLong(3), english)))
			.list();
		List<IngestSummary.QuarantinedFile> quarantined = this.jdbc
			.sql("select coalesce(final_path, relative_path), set_aside_reason from inbox_file"
					+ " where run_id = ? and set_aside_reason is not null order by seq")
			.param(runId)
			.query((rs, n) -> new IngestSummary.QuarantinedFile(rs.getString(1), rs.getString(2)))
			.list();
		return new IngestSummary(runId, status, run.asOf(), number(files.get("files")), number(files.get("archived")),
				number(files.get("rejected")), number(files.get("duplicates")),
				states.getOrDefault("CURRENT", 0) + states.getOrDefault("SUPERSEDED", 0),
				states.getOrDefault("REJECTED", 0), states.getOrDefault("DUPLICATE", 0), warnings, periods,
				flagsRaised(runId), rejected, exitMessage, ledgerRows(runId), quarantined, this.leftovers.count(runId),
				this.leftovers.of(runId));
	}

	private IngestSummary.LedgerRows ledgerRows(long runId) {
		Map<String, Integer> states = new java.util.HashMap<>();
		// through the run's files: ledger_row has no index on its run (V73)
		this.jdbc
			.sql("select r.state, count(*) from inbox_file f join ledger_row r on r.file_id = f.file_id"
					+ " where f.run_id = ? group by r.state")
			.param(runId)
			.query((rs, n) -> Map.entry(rs.getString(1), rs.getInt(2)))
			.list()
			.forEach((e) -> states.put(e.getKey(), e.getValue()));
		return new IngestSummary.LedgerRows(states.getOrDefault("CURRENT", 0) + states.getOrDefault("SUPERSEDED", 0),
				states.getOrDefault("REJECTED", 0), states.getOrDefault("DUPLICATE", 0));
	}

	private String firstError(long problemId, boolean english) {
		return this.jdbc.sql("select " + (english ? "message_en" : "message_zh") + " from problem where problem_id = ?")
			.param(problemId)
			.query(String.class)
			.optional()
			.orElse("");
	}

	private int flagsRaised(long runId) {
		return this.jdbc.sql("select count(*) from anomaly_flag where raised_run_id = ?")
			.param(runId)
			.query(Integer.class)
			.single();
	}

	private static int number(Object value) {
		return (value instanceof Number n) ? n.intValue() : 0;
	}

}
