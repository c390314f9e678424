package cn.xinning.villagereturns.ingest;

import java.io.IOException;
import java.net.InetAddress;
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
import cn.xinning.villagereturns.intake.RootFolders;
import cn.xinning.villagereturns.reference.ReferenceData;
import cn.xinning.villagereturns.support.BusinessTime;

/** Starts ingest runs and reports what they did. */
@Service
public class IngestService {

	private static final Logger log = LoggerFactory.getLogger(IngestService.class);

	private final JobOperator jobOperator;

	private final Job ingestJob;

	private final IngestRuns runs;

	private final AggregationPlan aggregationPlan;

	private final JobRepository jobRepository;

	private final IngestSummaries summaries;

	private final ReferenceData referenceData;

	private final RootFolders folders;

	private final VillageReturnsProperties properties;

	public IngestService(JobOperator jobOperator, JobRepository jobRepository, Job ingestJob, IngestRuns runs,
			AggregationPlan aggregationPlan, IngestSummaries summaries, ReferenceData referenceData,
			RootFolders folders, VillageReturnsProperties properties) {
		this.aggregationPlan = aggregationPlan;
		this.jobOperator = jobOperator;
		this.jobRepository = jobRepository;
		this.ingestJob = ingestJob;
		this.runs = runs;
		this.summaries = summaries;
		this.referenceData = referenceData;
		this.folders = folders;
		this.properties = properties;
	}

	/** One run over the inbox, at the given business time (now when empty). */
	public IngestSummary ingest(Optional<LocalDateTime> asOf) throws Exception {
		this.folders.createAll();
		ReferenceData.Synchronization reference = this.referenceData.synchronize();
		LocalDateTime now = BusinessTime.now(this.properties.timeZone());
		IngestRun run = this.runs.create(this.folders.root(), asOf.orElse(now), now, host(), pid());
		if (reference.registryChanged()) {
			// expected counts change in every period the new registry applies to
			this.runs.touch(run.runId(), this.aggregationPlan.periodsWithData());
		}
		log.info("Run {} starts at business time {}", run.runId(), run.asOf());
		JobExecution execution = this.jobOperator.start(this.ingestJob, parameters(run.runId()));
		return finish(run, execution);
	}

	/**
	 * Restarts a FAILED or STOPPED run where it stopped: its completed steps are skipped
	 * and each step's readers pick up the files still in the state it left them.
	 */
	public IngestSummary restart(long runId) throws Exception {
		IngestRun run = this.runs.find(runId)
			.orElseThrow(() -> new IllegalArgumentException("没有第 " + runId + " 次运行 / there is no run " + runId));
		JobExecution last = this.jobRepository.getLastJobExecution(IngestJobConfiguration.JOB_NAME, parameters(runId));
		if (last == null) {
			throw new IllegalArgumentException("Run " + runId + " was never started");
		}
		if (last.getStatus() == BatchStatus.COMPLETED) {
			throw new IllegalArgumentException("第 " + runId + " 次运行已完成，无需重跑 / run " + runId + " has completed");
		}
		this.folders.createAll();
		this.referenceData.synchronize();
		log.info("Run {} restarts (last execution {} was {})", runId, last.getId(), last.getStatus());
		return finish(run, this.jobOperator.restart(last));
	}

	public static JobParameters parameters(long runId) {
		return new JobParametersBuilder().addLong(IngestJobConfiguration.RUN_ID, runId).toJobParameters();
	}

	IngestSummary finish(IngestRun run, JobExecution execution) {
		if (execution.getStatus() == BatchStatus.COMPLETED) {
			removeWorkFolder(this.folders.workOf(run.runId()));
		}
		String exitMessage = execution.getExitStatus().getExitDescription();
		return this.summaries.of(run, execution.getStatus().name(), (exitMessage != null) ? exitMessage : "",
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

	static String host() {
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (IOException ex) {
			return "localhost";
		}
	}

	static long pid() {
		return ProcessHandle.current().pid();
	}

}
