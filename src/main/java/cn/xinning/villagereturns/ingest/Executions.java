package cn.xinning.villagereturns.ingest;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The run history for administrators: runs with their counts, and a run's executions and
 * steps.
 */
@Service
public class Executions {

	private final JdbcTemplate jdbc;

	private final JobRepository jobRepository;

	private final IngestRuns runs;

	private final IngestSummaries summaries;

	public Executions(JdbcTemplate jdbc, JobRepository jobRepository, IngestRuns runs, IngestSummaries summaries) {
		this.jdbc = jdbc;
		this.jobRepository = jobRepository;
		this.runs = runs;
		this.summaries = summaries;
	}

	/**
	 * One run as the history shows it.
	 *
	 * @param summary its counts (files, returns, flags) and latest status
	 * @param started when its first execution started, if it did
	 * @param ended when its last execution ended, if it has
	 * @param executions how many times it was started or restarted
	 */
	public record Run(IngestSummary summary, Optional<LocalDateTime> started, Optional<LocalDateTime> ended,
			int executions) {
	}

	/**
	 * One step of one execution.
	 *
	 * @param executionId the job execution
	 * @param name step name
	 * @param status its status
	 * @param read items read
	 * @param written items written
	 * @param skipped items skipped
	 * @param commits commits
	 * @param rollbacks rollbacks
	 * @param exitMessage exit description (the failure, when it failed)
	 * @param started when it started (the job repository's clock: this JVM's zone)
	 * @param ended when it ended, if it has
	 * @param worker {@code host:pid} of the process(es) that executed a partition, empty
	 * for other steps
	 */
	public record Step(long executionId, String name, String status, long read, long written, long skipped,
			long commits, long rollbacks, String exitMessage, Optional<LocalDateTime> started,
			Optional<LocalDateTime> ended, String worker) {

		/**
		 * The exit message's first line (a failed step's is a whole stack trace; the rest
		 * is in the job repository and the log), at most 300 characters.
		 */
		public String exitSummary() {
			int newline = this.exitMessage.indexOf('\n');
			String first = ((newline < 0) ? this.exitMessage : this.exitMessage.substring(0, newline)).strip();
			return (first.length() <= 300) ? first : first.substring(0, 300) + "…";
		}

		/** How long it ran, if it has ended. */
		public Optional<java.time.Duration> duration() {
			return this.started.flatMap((s) -> this.ended.map((e) -> java.time.Duration.between(s, e)));
		}

	}

	/**
	 * One line of the run list, read in a few set-based queries per page.
	 *
	 * @param runId the run
	 * @param status its latest execution's status, NOT_STARTED when it has none
	 * @param asOf business time
	 * @param started its first execution's start (the job repository's clock)
	 * @param ended its latest execution's end
	 * @param executions how many times it was started or restarted
	 * @param files files claimed
	 * @param archived files archived
	 * @param rejectedFiles files rejected
	 * @param returnsAccepted returns accepted (in force or superseded since)
	 * @param returnsRejected returns rejected
	 * @param returnsDuplicate returns of duplicate files
	 * @param flagsRaised flags raised by the run
	 * @param exitMessage the latest execution's exit description
	 */
	public record RunRow(long runId, String status, LocalDateTime asOf, Optional<LocalDateTime> started,
			Optional<LocalDateTime> ended, int executions, int files, int archived, int rejectedFiles,
			int returnsAccepted, int returnsRejected, int returnsDuplicate, int flagsRaised, String exitMessage) {
	}

	/**
	 * A page of the run list and how many runs match.
	 *
	 * @param rows the runs of the page, latest first
	 * @param total runs matching the filter
	 */
	public record RunPage(List<RunRow> rows, long total) {
	}

	/**
	 * The runs matching the filter, latest first, a page at a time: filtered, counted and
	 * paged in SQL.
	 * @param status only runs whose latest execution has this status (NOT_STARTED for
	 * none)
	 * @param from only runs with a business date on or after this
	 * @param to only runs with a business date on or before this
	 */
	public RunPage page(Optional<String> status, Optional<java.time.LocalDate> from, Optional<java.time.LocalDate> to,
			int offset, int limit) {
		return page(Optional.empty(), status, from, to, offset, limit);
	}

	/** One run as the list shows it. */
	public Optional<RunRow> row(long runId) {
		return page(Optional.of(runId), Optional.empty(), Optional.empty(), Optional.empty(), 0, 1).rows()
			.stream()
			.findFirst();
	}

	private RunPage page(Optional<Long> runId, Optional<String> status, Optional<java.time.LocalDate> from,
			Optional<java.time.LocalDate> to, int offset, int limit) {
		StringBuilder where = new StringBuilder(" where 1 = 1");
		List<Object> args = new ArrayList<>();
		runId.ifPresent((id) -> {
			where.append(" and r.run_id = ?");
			args.add(id);
		});
		status.map((st) -> st.toUpperCase(Locale.ROOT)).ifPresent((st) -> {
			where.append(" and coalesce(e.STATUS, 'NOT_STARTED') = ?");
			args.add(st);
		});
		from.ifPresent((d) -> {
			where.append(" and r.as_of >= ?");
			args.add(d.atStartOfDay());
		});
		to.ifPresent((d) -> {
			where.append(" and r.as_of < ?");
			args.add(d.plusDays(1).atStartOfDay());
		});
		String latest = "from ingest_run r left join (select p.PARAMETER_VALUE as run_key,"
				+ " max(x.JOB_EXECUTION_ID) as last_id, min(x.START_TIME) as first_start, count(*) as executions"
				+ " from BATCH_JOB_EXECUTION_PARAMS p join BATCH_JOB_EXECUTION x on x.JOB_EXECUTION_ID = p.JOB_EXECUTION_ID"
				+ " join BATCH_JOB_INSTANCE i on i.JOB_INSTANCE_ID = x.JOB_INSTANCE_ID where i.JOB_NAME = '"
				+ IngestJobConfiguration.JOB_NAME + "' and p.PARAMETER_NAME = '" + IngestJobConfiguration.RUN_ID
				+ "' group by p.PARAMETER_VALUE) l on l.run_key = concat(r.run_id, '')"
				+ " left join BATCH_JOB_EXECUTION e on e.JOB_EXECUTION_ID = l.last_id";
		Long total = this.jdbc.queryForObject("select count(*) " + latest + where, Long.class, args.toArray());
		List<Object> pageArgs = new ArrayList<>(args);
		pageArgs.add(limit);
		pageArgs.add(offset);
		List<Object[]> heads = this.jdbc.query(
				"select r.run_id, coalesce(e.STATUS, 'NOT_STARTED'), r.as_of, l.first_start, e.END_TIME,"
						+ " coalesce(l.executions, 0), e.EXIT_MESSAGE " + latest + where
						+ " order by r.run_id desc limit ? offset ?",
				(rs, n) -> new Object[] { rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDateTime.class),
						rs.getObject(4, LocalDateTime.class), rs.getObject(5, LocalDateTime.class), rs.getInt(6),
						rs.getString(7) },
				pageArgs.toArray());
		if (heads.isEmpty()) {
			return new RunPage(List.of(), (total != null) ? total : 0);
		}
		String ids = String.join(",", heads.stream().map((h) -> String.valueOf(h[0])).toList());
		java.util.Map<Long, int[]> files = new java.util.HashMap<>();
		this.jdbc.query("select run_id, count(*), sum(case when outcome = 'ARCHIVED' then 1 else 0 end),"
				+ " sum(case when outcome = 'REJECTED' then 1 else 0 end) from inbox_file where run_id in (" + ids
				+ ") group by run_id", (rs) -> {
					files.put(rs.getLong(1), new int[] { rs.getInt(2), rs.getInt(3), rs.getInt(4) });
				});
		java.util.Map<Long, int[]> returns = new java.util.HashMap<>();
		this.jdbc.query(
				"select run_id, state, count(*) from submission where run_id in (" + ids + ") group by run_id, state",
				(rs) -> {
					int[] counts = returns.computeIfAbsent(rs.getLong(1), (k) -> new int[3]);
					switch (rs.getString(2)) {
						case "CURRENT", "SUPERSEDED" -> counts[0] += rs.getInt(3);
						case "REJECTED" -> counts[1] += rs.getInt(3);
						case "DUPLICATE" -> counts[2] += rs.getInt(3);
						default -> {
						}
					}
				});
		java.util.Map<Long, Integer> flags = new java.util.HashMap<>();
		this.jdbc.query("select raised_run_id, count(*) from anomaly_flag where raised_run_id in (" + ids
				+ ") group by raised_run_id", (rs) -> {
					flags.put(rs.getLong(1), rs.getInt(2));
				});
		List<RunRow> rows = new ArrayList<>();
		for (Object[] h : heads) {
			long id = (Long) h[0];
			int[] f = files.getOrDefault(id, new int[3]);
			int[] r = returns.getOrDefault(id, new int[3]);
			rows.add(new RunRow(id, (String) h[1], (LocalDateTime) h[2], Optional.ofNullable((LocalDateTime) h[3]),
					Optional.ofNullable((LocalDateTime) h[4]), (Integer) h[5], f[0], f[1], f[2], r[0], r[1], r[2],
					flags.getOrDefault(id, 0), (h[6] != null) ? (String) h[6] : ""));
		}
		return new RunPage(rows, (total != null) ? total : 0);
	}

	/**
	 * The latest runs first, optionally only those whose latest execution has the status.
	 */
	public List<Run> list(Optional<String> status, int limit) {
		List<Long> ids = this.jdbc.queryForList("select run_id from ingest_run order by run_id desc", Long.class);
		List<Run> runs = new ArrayList<>();
		for (long id : ids) {
			Run run = run(id);
			if (status.map((s) -> s.toUpperCase(Locale.ROOT).equals(run.summary().status())).orElse(true)) {
				runs.add(run);
				if (runs.size() >= limit) {
					break;
				}
			}
		}
		return runs;
	}

	public Run run(long runId) {
		IngestRun run = this.runs.find(runId)
			.orElseThrow(() -> new IllegalArgumentException("没有第 " + runId + " 次运行 / there is no run " + runId));
		List<JobExecution> executions = executions(runId);
		JobExecution last = executions.isEmpty() ? null : executions.get(executions.size() - 1);
		String status = (last != null) ? last.getStatus().name() : "NOT_STARTED";
		JobExecution full = (last != null) ? this.jobRepository.getJobExecution(last.getId()) : null;
		String exit = (full != null) ? OperatorMessages.explain(full, runId) : "";
		return new Run(this.summaries.of(run, status, exit, false),
				executions.isEmpty() ? Optional.empty() : Optional.ofNullable(executions.get(0).getStartTime()),
				(last != null) ? Optional.ofNullable(last.getEndTime()) : Optional.empty(), executions.size());
	}

	/** Every step of every execution of the run, in order. */
	public List<Step> steps(long runId) {
		List<Step> steps = new ArrayList<>();
		for (JobExecution execution : executions(runId)) {
			JobExecution full = this.jobRepository.getJobExecution(execution.getId());
			List<StepExecution> stepExecutions = new ArrayList<>((full != null) ? full.getStepExecutions() : List.of());
			stepExecutions.sort(Comparator.comparingLong(StepExecution::getId));
			for (StepExecution step : stepExecutions) {
				String exit = step.getExitStatus().getExitDescription();
				steps.add(new Step(execution.getId(), step.getStepName(), step.getStatus().name(), step.getReadCount(),
						step.getWriteCount(),
						step.getReadSkipCount() + step.getProcessSkipCount() + step.getWriteSkipCount(),
						step.getCommitCount(), step.getRollbackCount(), (exit != null) ? exit : "",
						Optional.ofNullable(step.getStartTime()), Optional.ofNullable(step.getEndTime()),
						cn.xinning.villagereturns.cluster.PartitionWorkers.of(step)));
			}
		}
		return steps;
	}

	private List<JobExecution> executions(long runId) {
		JobInstance instance = this.jobRepository.getJobInstance(IngestJobConfiguration.JOB_NAME,
				IngestService.parameters(runId));
		if (instance == null) {
			return List.of();
		}
		List<JobExecution> executions = new ArrayList<>(this.jobRepository.getJobExecutions(instance));
		executions.sort(Comparator.comparingLong(JobExecution::getId));
		return executions;
	}

}
