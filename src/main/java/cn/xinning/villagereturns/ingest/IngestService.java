package cn.xinning.villagereturns.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Service;

import cn.xinning.villagereturns.VillageReturnsProperties;
import cn.xinning.villagereturns.aggregation.AggregationPlan;
import cn.xinning.villagereturns.cluster.LostPartitions;
import cn.xinning.villagereturns.intake.RootFolders;
import cn.xinning.villagereturns.reference.ReferenceData;
import cn.xinning.villagereturns.support.BusinessTime;
import cn.xinning.villagereturns.support.ProcessIdentity;

/**
 * Starts and restarts ingest runs, and reports what they did.
 */
@Service
public class IngestService {

	private static final Logger log = LoggerFactory.getLogger(IngestService.class);

	private final JobOperator jobOperator;

	private final JobRepository jobRepository;

	private final Job ingestJob;

	private final IngestRuns runs;

	private final AggregationPlan aggregationPlan;

	private final IngestSummaries summaries;

	private final ReferenceData referenceData;

	private final RootFolders folders;

	private final RunHeartbeat heartbeat;

	private final VillageReturnsProperties properties;

	private final LostPartitions lostPartitions;

	public IngestService(JobOperator jobOperator, JobRepository jobRepository, Job ingestJob, IngestRuns runs,
			AggregationPlan aggregationPlan, IngestSummaries summaries, ReferenceData referenceData,
			RootFolders folders, RunHeartbeat heartbeat, VillageReturnsProperties properties,
			LostPartitions lostPartitions) {
		this.jobOperator = jobOperator;
		this.jobRepository = jobRepository;
		this.ingestJob = ingestJob;
		this.runs = runs;
		this.aggregationPlan = aggregationPlan;
		this.summaries = summaries;
		this.referenceData = referenceData;
		this.folders = folders;
		this.heartbeat = heartbeat;
		this.properties = properties;
		this.lostPartitions = lostPartitions;
	}

	/**
	 * One run over the inbox, at the given business time (now when empty). Other
	 * processes may run at the same time on the same root and database: each run claims
	 * its own files, and the writers of a period's figures take its lock
	 * ({@link cn.xinning.villagereturns.support.PeriodLocks}).
	 */
	public IngestSummary ingest(Optional<LocalDateTime> asOf) throws Exception {
		this.folders.createAll();
		ReferenceData.Synchronization reference = this.referenceData.synchronize();
		LocalDateTime now = BusinessTime.now(this.properties.timeZone());
		IngestRun run = this.runs.create(this.folders.root(), asOf.orElse(now), now, ProcessIdentity.current());
		if (reference.registryChanged()) {
			// expected counts change in every period the new registry applies to
			this.runs.touch(run.runId(), this.aggregationPlan.periodsWithData());
		}
		log.info("Run {} starts at business time {}", run.runId(), run.asOf());
		return execute(run, () -> this.jobOperator.start(this.ingestJob, parameters(run.runId())));
	}

	/**
	 * Restarts a FAILED or STOPPED run where it stopped: its completed steps are skipped
	 * and each step picks up the files in the state it left them. A run still marked
	 * running whose process is gone (killed) is recovered first; one whose process is
	 * alive is refused.
	 */
	public IngestSummary restart(long runId) throws Exception {
		IngestRun run = this.runs.find(runId)
			.orElseThrow(() -> new IllegalArgumentException("没有第 " + runId + " 次运行 / there is no run " + runId));
		JobExecution last = checkRestartable(runId);
		this.folders.createAll();
		if (last.getStatus().isRunning()) {
			log.warn("Run {} was left {} by a process that is gone: recovering it", runId, last.getStatus());
			this.jobOperator.recover(last);
		}
		this.lostPartitions.markFailed(last);
		this.referenceData.synchronize();
		this.runs.takeOver(runId, ProcessIdentity.current(), BusinessTime.now(this.properties.timeZone()));
		JobExecution recovered = lastExecution(runId);
		log.info("Run {} restarts (last execution {} was {})", runId, recovered.getId(), recovered.getStatus());
		return execute(run, () -> this.jobOperator.restart(recovered));
	}

	/**
	 * Says whether a run can be restarted now, before anything is done (the console asks
	 * before it restarts in the background).
	 * @return its last execution
	 * @throws IllegalArgumentException why it cannot: it completed, was abandoned, never
	 * started, or its process is still alive
	 */
	public JobExecution checkRestartable(long runId) {
		if (this.runs.find(runId).isEmpty()) {
			throw new IllegalArgumentException("没有第 " + runId + " 次运行 / there is no run " + runId);
		}
		JobExecution last = lastExecution(runId);
		if (last.getStatus() == BatchStatus.COMPLETED) {
			throw new IllegalArgumentException("第 " + runId + " 次运行已完成，无需重跑 / run " + runId + " has completed");
		}
		if (last.getStatus() == BatchStatus.ABANDONED) {
			throw new IllegalArgumentException("第 " + runId + " 次运行已放弃，不能重跑 / run " + runId + " was abandoned");
		}
		if (last.getStatus().isRunning()) {
			IngestRuns.Owner owner = this.runs.owner(runId);
			if (owner.process()
				.isAlive(owner.heartbeat(), BusinessTime.now(this.properties.timeZone()), RunHeartbeat.STALE)) {
				throw new IllegalArgumentException("第 " + runId + " 次运行仍在进行（" + owner.process() + "），不能重跑 / run "
						+ runId + " is still running (" + owner.process() + ")");
			}
		}
		return last;
	}

	/**
	 * Asks a running run to stop at its next commit (it ends STOPPED, restartable),
	 * whichever process runs it: the request goes through the job repository.
	 * @throws IllegalArgumentException when the run is not running
	 */
	public void stop(long runId) throws Exception {
		if (this.runs.find(runId).isEmpty()) {
			throw new IllegalArgumentException("没有第 " + runId + " 次运行 / there is no run " + runId);
		}
		JobExecution last = lastExecution(runId);
		if (!last.getStatus().isRunning()) {
			throw new IllegalArgumentException("第 " + runId + " 次运行没有在进行（" + last.getStatus() + "），无需停止 / run " + runId
					+ " is not running (" + last.getStatus() + ")");
		}
		IngestRuns.Owner owner = this.runs.owner(runId);
		if (!owner.process()
			.isAlive(owner.heartbeat(), BusinessTime.now(this.properties.timeZone()), RunHeartbeat.STALE)) {
			throw new IllegalArgumentException(
					"第 " + runId + " 次运行的进程已不在，请直接重跑 / the process of run " + runId + " is gone: restart it");
		}
		log.info("Run {}: stop requested (execution {})", runId, last.getId());
		this.jobOperator.stop(last);
	}

	public static JobParameters parameters(long runId) {
		return new JobParametersBuilder().addLong(IngestJobConfiguration.RUN_ID, runId).toJobParameters();
	}

	private JobExecution lastExecution(long runId) {
		JobExecution last = this.jobRepository.getLastJobExecution(IngestJobConfiguration.JOB_NAME, parameters(runId));
		if (last == null) {
			throw new IllegalArgumentException("第 " + runId + " 次运行从未开始 / run " + runId + " was never started");
		}
		return last;
	}

	@FunctionalInterface
	private interface Launch {

		JobExecution launch() throws Exception;

	}

	private IngestSummary execute(IngestRun run, Launch launch) throws Exception {
		JobExecution execution;
		try (AutoCloseable beating = this.heartbeat.start(run.runId())) {
			execution = launch.launch();
		}
		if (execution.getStatus() == BatchStatus.COMPLETED) {
			removeWorkFolder(this.folders.workOf(run.runId()));
		}
		if (execution.getStatus() != BatchStatus.COMPLETED) {
			log.warn("Run {} ended {}: {}", run.runId(), execution.getStatus(),
					execution.getExitStatus().getExitDescription());
		}
		return this.summaries.of(run, execution.getStatus().name(), OperatorMessages.explain(execution, run.runId()),
				"en".equalsIgnoreCase(this.properties.language()));
	}

	/** Only empty folders go: a file left there would be a bug, and must not be lost. */
	private static void removeWorkFolder(Path work) {
		if (!Files.isDirectory(work)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(work)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				if (Files.isDirectory(path)) {
					try (Stream<Path> children = Files.list(path)) {
						if (children.findAny().isEmpty()) {
							Files.delete(path);
						}
					}
				}
			}
		}
		catch (IOException ex) {
			log.warn("Could not tidy the work folder {}", work, ex);
		}
	}

}
