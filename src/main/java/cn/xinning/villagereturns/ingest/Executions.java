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
	 * @param worker {@code host:pid} of the process(es) that executed a partition, empty
	 * for other steps
	 */
	public record Step(long executionId, String name, String status, long read, long written, long skipped,
			long commits, long rollbacks, String exitMessage, String worker) {
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
		String exit = (last != null && last.getExitStatus().getExitDescription() != null)
				? last.getExitStatus().getExitDescription() : "";
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
