package cn.xinning.villagereturns.ingest;

import java.time.Duration;
import java.util.List;
import java.time.YearMonth;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.FlowBuilder;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.flow.Flow;
import org.springframework.batch.core.job.flow.support.SimpleFlow;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.database.JdbcPagingItemReader;
import org.springframework.batch.infrastructure.item.support.CompositeItemWriter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import cn.xinning.villagereturns.VillageReturnsProperties;
import cn.xinning.villagereturns.aggregation.AggregateTasklet;
import cn.xinning.villagereturns.aggregation.AggregationPlan;
import cn.xinning.villagereturns.aggregation.Aggregator;
import cn.xinning.villagereturns.anomaly.AnomalyEvaluator;
import cn.xinning.villagereturns.anomaly.FlagPeriodPartitioner;
import cn.xinning.villagereturns.anomaly.FlagPeriodTasklet;
import cn.xinning.villagereturns.cluster.PartitionHandlers;
import cn.xinning.villagereturns.cluster.PartitionWorkers;
import cn.xinning.villagereturns.cluster.PartitionsProperties;
import cn.xinning.villagereturns.intake.ClaimFilesTasklet;
import cn.xinning.villagereturns.intake.ClaimedFile;
import cn.xinning.villagereturns.intake.FileAwayWriter;
import cn.xinning.villagereturns.intake.FileRangePartitioner;
import cn.xinning.villagereturns.intake.FiledNames;
import cn.xinning.villagereturns.intake.InboxFiles;
import cn.xinning.villagereturns.intake.InboxLeftovers;
import cn.xinning.villagereturns.intake.RootFolders;
import cn.xinning.villagereturns.ledger.AcceptLedgerRowsWriter;
import cn.xinning.villagereturns.ledger.FlagIssuesTasklet;
import cn.xinning.villagereturns.ledger.IssueFlagEvaluator;
import cn.xinning.villagereturns.ledger.LedgerFileReader;
import cn.xinning.villagereturns.ledger.StageLedgerRowsWriter;
import cn.xinning.villagereturns.reference.ReferenceData;
import cn.xinning.villagereturns.reference.ValueCodeTable;
import cn.xinning.villagereturns.returns.AcceptReturnsWriter;
import cn.xinning.villagereturns.returns.FileValidator;
import cn.xinning.villagereturns.returns.StageReturnsWriter;
import cn.xinning.villagereturns.returns.ValidateFilesProcessor;
import cn.xinning.villagereturns.returns.ValidatedFile;
import cn.xinning.villagereturns.returns.ValidationContext;
import cn.xinning.villagereturns.support.IdBlocks;
import cn.xinning.villagereturns.support.BulkLoader;
import cn.xinning.villagereturns.support.DatabaseDialect;
import cn.xinning.villagereturns.support.PeriodLocks;
import cn.xinning.villagereturns.validation.Messages;

/**
 * The ingest job: claim, validate, accept, then aggregate, flag and flag issues beside
 * filing away. A run is identified by its run number ({@value #RUN_ID}), never by a
 * timestamp, so a failed run restarts as itself. Every step reads its work from the
 * database by state, so a restart carries on where the last commit left off.
 *
 * <p>
 * Validating and filing away work on each file alone, so they run as partitions:
 * contiguous ranges of the run's files, on this process's threads or on worker processes
 * ({@link PartitionHandlers}). Acceptance stays in file order, one chunk after another,
 * because a later file may correct an earlier one.
 */
@Configuration(proxyBeanMethods = false)
public class IngestJobConfiguration {

	public static final String JOB_NAME = "ingestJob";

	public static final String RUN_ID = "run.id";

	public static final String CLAIM_FILES_STEP = "claimFilesStep";

	public static final String VALIDATE_FILES_STEP = "validateFilesStep";

	public static final String ACCEPT_RETURNS_STEP = "acceptReturnsStep";

	public static final String AGGREGATE_INDICATORS_STEP = "aggregateIndicatorsStep";

	public static final String FLAG_ANOMALIES_STEP = "flagAnomaliesStep";

	public static final String FLAG_ISSUES_STEP = "flagIssuesStep";

	public static final String FILE_AWAY_STEP = "fileAwayStep";

	static final String FIGURES_FLOW = "figuresFlow";

	static final String FILING_FLOW = "filingFlow";

	static final String AFTER_ACCEPTANCE_FLOW = "afterAcceptanceFlow";

	static final String VALIDATE_FILES_PARTITION_STEP = "validateFilesPartitionStep";

	static final String FILE_AWAY_PARTITION_STEP = "fileAwayPartitionStep";

	static final String FLAG_ANOMALIES_PARTITION_STEP = "flagAnomaliesPartitionStep";

	@Bean
	Job ingestJob(JobRepository jobRepository, Step claimFilesStep, Step validateFilesStep, Step acceptReturnsStep,
			Step aggregateIndicatorsStep, Step flagAnomaliesStep, Step flagIssuesStep, Step fileAwayStep,
			RunningJobs runningJobs, RunProgress progress) {
		// Once the returns are accepted, the figures (totals, then flags on them) and the
		// files' final places depend on nothing of each other: they share no table and no
		// period lock, and filing away is mostly system calls and this process's work
		// where aggregating is mostly the database server's. Run one after the other, the
		// two cores were half idle for the 1.7 s a province takes to file away (README,
		// Benchmarks). Each step keeps its own state, so a stop, a failure or a crash
		// leaves each branch restartable from where it was; the split waits for both.
		Flow figures = new FlowBuilder<SimpleFlow>(FIGURES_FLOW).start(aggregateIndicatorsStep)
			.next(flagAnomaliesStep)
			.next(flagIssuesStep)
			.build();
		Flow filing = new FlowBuilder<SimpleFlow>(FILING_FLOW).start(fileAwayStep).build();
		// a flow of its own: a split added to a chain would run beside the chain's last
		// step, not after it
		Flow afterAcceptance = new FlowBuilder<SimpleFlow>(AFTER_ACCEPTANCE_FLOW)
			.split(new SimpleAsyncTaskExecutor("flow-"))
			.add(figures, filing)
			.build();
		return new JobBuilder(JOB_NAME, jobRepository).listener(runningJobs)
			.listener(progress)
			.flow(claimFilesStep)
			.next(validateFilesStep)
			.next(acceptReturnsStep)
			.next(afterAcceptance)
			.end()
			.build();
	}

	@Bean
	Step claimFilesStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			ClaimFilesTasklet claimFilesTasklet, RestartableSteps restartable, RunProgress progress) {
		return new StepBuilder(CLAIM_FILES_STEP, jobRepository).tasklet(claimFilesTasklet, transactionManager)
			.listener(restartable)
			.listener(progress)
			.build();
	}

	@Bean
	@StepScope
	ClaimFilesTasklet claimFilesTasklet(@Value("#{jobParameters['" + RUN_ID + "']}") Long runId, RootFolders folders,
			InboxFiles inboxFiles, InboxLeftovers leftovers, VillageReturnsProperties properties) {
		return new ClaimFilesTasklet(runId, folders, inboxFiles, Duration.ofSeconds(properties.inbox().quietSeconds()),
				leftovers);
	}

	@Bean
	@StepScope
	FileRangePartitioner fileRangePartitioner(@Value("#{jobParameters['" + RUN_ID + "']}") Long runId,
			JdbcTemplate jdbcTemplate, PartitionsProperties partitions) {
		return new FileRangePartitioner(runId, jdbcTemplate, partitions.maxFilesPerPartition());
	}

	@Bean
	Step validateFilesStep(JobRepository jobRepository, FileRangePartitioner fileRangePartitioner,
			Step validateFilesPartitionStep, PartitionHandlers partitionHandlers, RestartableSteps restartable,
			RunProgress progress) {
		return partitioned(VALIDATE_FILES_STEP, VALIDATE_FILES_PARTITION_STEP, validateFilesPartitionStep,
				jobRepository, fileRangePartitioner, partitionHandlers, restartable, progress);
	}

	/**
	 * A step whose files are cut into contiguous ranges; where the partitions run
	 * (threads or worker processes) is the partition handler's business.
	 */
	private static Step partitioned(String name, String partitionName, Step partitionStep, JobRepository jobRepository,
			FileRangePartitioner fileRangePartitioner, PartitionHandlers partitionHandlers,
			RestartableSteps restartable, RunProgress progress) {
		return new StepBuilder(name, jobRepository).partitioner(partitionName, fileRangePartitioner)
			.partitionHandler(partitionHandlers.handler(partitionStep))
			.listener(restartable)
			.listener(progress)
			.build();
	}

	@Bean
	Step validateFilesPartitionStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			JdbcPagingItemReader<ClaimedFile> validateFilesReader, ValidateFilesProcessor validateFilesProcessor,
			StageReturnsWriter validateFilesWriter, StageLedgerRowsWriter stageLedgerRowsWriter,
			RestartableSteps restartable, PartitionWorkers workers, VillageReturnsProperties properties) {
		return new StepBuilder(VALIDATE_FILES_PARTITION_STEP, jobRepository)
			.<ClaimedFile, ValidatedFile>chunk(properties.batch().filesPerChunk())
			.transactionManager(transactionManager)
			.reader(validateFilesReader)
			.processor(validateFilesProcessor)
			.writer(new CompositeItemWriter<>(List.of(validateFilesWriter, stageLedgerRowsWriter)))
			.listener(restartable)
			.listener(workers)
			.build();
	}

	@Bean
	@StepScope
	JdbcPagingItemReader<ClaimedFile> validateFilesReader(@Value("#{jobParameters['" + RUN_ID + "']}") Long runId,
			@Value("#{stepExecutionContext['" + FileRangePartitioner.FIRST_SEQ + "']}") Integer firstSeq,
			@Value("#{stepExecutionContext['" + FileRangePartitioner.LAST_SEQ + "']}") Integer lastSeq,
			InboxFiles inboxFiles, VillageReturnsProperties properties) throws Exception {
		return inboxFiles.reader("validateFilesReader", runId, InboxFiles.State.CLAIMED, firstSeq, lastSeq,
				properties.batch().filesPerChunk());
	}

	@Bean
	@StepScope
	ValidateFilesProcessor validateFilesProcessor(@Value("#{jobParameters['" + RUN_ID + "']}") Long runId,
			IngestRuns runs, ReferenceData referenceData, RootFolders folders, VillageReturnsProperties properties) {
		IngestRun run = runs.get(runId);
		// one processor per partition (ten at a province, about two hundred at a nation):
		// reading, hashing and parsing the 25,000-line registry for each was a tenth of
		// validation's processor time; the files are read again only when they changed
		ReferenceData.Snapshot reference = referenceData.recent();
		ValidationContext context = new ValidationContext(reference.catalogue(), reference.registry(),
				run.businessMonth(), properties.reportingStart(), properties.rules());
		long maxBytes = properties.inbox().maxFileMegabytes() * 1024L * 1024L;
		return new ValidateFilesProcessor(folders.workOf(runId), new FileValidator(context, maxBytes,
				new LedgerFileReader(reference.registry(), run.asOf().toLocalDate())));
	}

	@Bean
	@StepScope
	StageReturnsWriter validateFilesWriter(@Value("#{jobParameters['" + RUN_ID + "']}") Long runId, IngestRuns runs,
			JdbcTemplate jdbcTemplate, BulkLoader bulkLoader, IdBlocks ids, Messages messages,
			ValueCodeTable valueCodes) {
		// read at each partition's start: a worker's too, after the run's catalogue load
		return new StageReturnsWriter(jdbcTemplate, bulkLoader, ids, messages, runs.get(runId).asOf(),
				valueCodes.load());
	}

	@Bean
	@StepScope
	StageLedgerRowsWriter stageLedgerRowsWriter(@Value("#{jobParameters['" + RUN_ID + "']}") Long runId,
			IngestRuns runs, JdbcTemplate jdbcTemplate, BulkLoader bulkLoader, IdBlocks ids) {
		return new StageLedgerRowsWriter(jdbcTemplate, bulkLoader, ids, runs.get(runId).asOf());
	}

	@Bean
	Step acceptReturnsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			JdbcPagingItemReader<ClaimedFile> acceptReturnsReader, AcceptReturnsWriter acceptReturnsWriter,
			AcceptLedgerRowsWriter acceptLedgerRowsWriter, RestartableSteps restartable, RunProgress progress,
			VillageReturnsProperties properties) {
		// acceptance is a few set-based statements per chunk whatever its size, and the
		// chunks run one after another: fewer, larger chunks
		return new StepBuilder(ACCEPT_RETURNS_STEP, jobRepository)
			.<ClaimedFile, ClaimedFile>chunk(properties.batch().acceptFilesPerChunk())
			.transactionManager(transactionManager)
			.reader(acceptReturnsReader)
			// the ledger's after the returns': it sets the duplicate_of of ledger files
			.writer(new CompositeItemWriter<>(List.of(acceptReturnsWriter, acceptLedgerRowsWriter)))
			.listener(restartable)
			.listener(progress)
			.build();
	}

	@Bean
	@StepScope
	JdbcPagingItemReader<ClaimedFile> acceptReturnsReader(@Value("#{jobParameters['" + RUN_ID + "']}") Long runId,
			InboxFiles inboxFiles, VillageReturnsProperties properties) throws Exception {
		return inboxFiles.reader("acceptReturnsReader", runId, InboxFiles.State.VALIDATED,
				properties.batch().acceptFilesPerChunk());
	}

	@Bean
	AcceptReturnsWriter acceptReturnsWriter(JdbcTemplate jdbcTemplate, DatabaseDialect dialect, PeriodLocks periodLocks,
			BulkLoader bulkLoader) {
		return new AcceptReturnsWriter(jdbcTemplate, dialect, periodLocks, bulkLoader);
	}

	@Bean
	AcceptLedgerRowsWriter acceptLedgerRowsWriter(JdbcTemplate jdbcTemplate, DatabaseDialect dialect,
			BulkLoader bulkLoader, PeriodLocks periodLocks) {
		return new AcceptLedgerRowsWriter(jdbcTemplate, dialect, bulkLoader, periodLocks);
	}

	@Bean
	Step aggregateIndicatorsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			AggregateTasklet aggregateTasklet, RestartableSteps restartable, RunProgress progress) {
		return new StepBuilder(AGGREGATE_INDICATORS_STEP, jobRepository).tasklet(aggregateTasklet, transactionManager)
			.listener(restartable)
			.listener(progress)
			.build();
	}

	@Bean
	@StepScope
	AggregateTasklet aggregateTasklet(@Value("#{jobParameters['" + RUN_ID + "']}") Long runId,
			JdbcTemplate jdbcTemplate, AggregationPlan aggregationPlan, Aggregator aggregator) {
		return new AggregateTasklet(runId, jdbcTemplate, aggregationPlan, aggregator);
	}

	@Bean
	Step flagAnomaliesStep(JobRepository jobRepository, FlagPeriodPartitioner flagPeriodPartitioner,
			Step flagAnomaliesPartitionStep, PartitionHandlers partitionHandlers, RestartableSteps restartable,
			RunProgress progress) {
		return new StepBuilder(FLAG_ANOMALIES_STEP, jobRepository)
			.partitioner(FLAG_ANOMALIES_PARTITION_STEP, flagPeriodPartitioner)
			.partitionHandler(partitionHandlers.handler(flagAnomaliesPartitionStep))
			.listener(restartable)
			.listener(progress)
			.build();
	}

	@Bean
	@StepScope
	FlagPeriodPartitioner flagPeriodPartitioner(@Value("#{jobParameters['" + RUN_ID + "']}") Long runId,
			IngestRuns runs, JdbcTemplate jdbcTemplate, AnomalyEvaluator anomalyEvaluator) {
		return new FlagPeriodPartitioner(runId, runs.get(runId).asOf(), jdbcTemplate, anomalyEvaluator);
	}

	@Bean
	Step flagAnomaliesPartitionStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			FlagPeriodTasklet flagPeriodTasklet, RestartableSteps restartable, PartitionWorkers workers) {
		return new StepBuilder(FLAG_ANOMALIES_PARTITION_STEP, jobRepository)
			.tasklet(flagPeriodTasklet, transactionManager)
			.listener(restartable)
			.listener(workers)
			.build();
	}

	@Bean
	@StepScope
	FlagPeriodTasklet flagPeriodTasklet(@Value("#{jobParameters['" + RUN_ID + "']}") Long runId,
			@Value("#{stepExecutionContext['" + FlagPeriodPartitioner.PERIOD + "']}") String period, IngestRuns runs,
			AnomalyEvaluator anomalyEvaluator) {
		return new FlagPeriodTasklet(runId, YearMonth.parse(period), runs.get(runId).asOf(), anomalyEvaluator);
	}

	@Bean
	Step flagIssuesStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			FlagIssuesTasklet flagIssuesTasklet, RestartableSteps restartable, RunProgress progress) {
		return new StepBuilder(FLAG_ISSUES_STEP, jobRepository).tasklet(flagIssuesTasklet, transactionManager)
			.listener(restartable)
			.listener(progress)
			.build();
	}

	@Bean
	@StepScope
	FlagIssuesTasklet flagIssuesTasklet(@Value("#{jobParameters['" + RUN_ID + "']}") Long runId, IngestRuns runs,
			IssueFlagEvaluator issueFlagEvaluator) {
		return new FlagIssuesTasklet(runId, runs.get(runId).asOf(), issueFlagEvaluator);
	}

	@Bean
	Step fileAwayStep(JobRepository jobRepository, FileRangePartitioner fileRangePartitioner,
			Step fileAwayPartitionStep, PartitionHandlers partitionHandlers, RestartableSteps restartable,
			RunProgress progress) {
		return partitioned(FILE_AWAY_STEP, FILE_AWAY_PARTITION_STEP, fileAwayPartitionStep, jobRepository,
				fileRangePartitioner, partitionHandlers, restartable, progress);
	}

	@Bean
	Step fileAwayPartitionStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			JdbcPagingItemReader<ClaimedFile> fileAwayReader, FileAwayWriter fileAwayWriter,
			RestartableSteps restartable, PartitionWorkers workers, VillageReturnsProperties properties) {
		return new StepBuilder(FILE_AWAY_PARTITION_STEP, jobRepository)
			.<ClaimedFile, ClaimedFile>chunk(properties.batch().filesPerChunk())
			.transactionManager(transactionManager)
			.reader(fileAwayReader)
			.writer(fileAwayWriter)
			.listener(restartable)
			.listener(workers)
			.build();
	}

	@Bean
	@StepScope
	JdbcPagingItemReader<ClaimedFile> fileAwayReader(@Value("#{jobParameters['" + RUN_ID + "']}") Long runId,
			@Value("#{stepExecutionContext['" + FileRangePartitioner.FIRST_SEQ + "']}") Integer firstSeq,
			@Value("#{stepExecutionContext['" + FileRangePartitioner.LAST_SEQ + "']}") Integer lastSeq,
			InboxFiles inboxFiles, VillageReturnsProperties properties) throws Exception {
		return inboxFiles.reader("fileAwayReader", runId, InboxFiles.State.ACCEPTED, firstSeq, lastSeq,
				properties.batch().filesPerChunk());
	}

	@Bean
	@StepScope
	FileAwayWriter fileAwayWriter(@Value("#{jobParameters['" + RUN_ID + "']}") Long runId, IngestRuns runs,
			JdbcTemplate jdbcTemplate, BulkLoader bulkLoader, RootFolders folders, FiledNames filedNames,
			VillageReturnsProperties properties) {
		return new FileAwayWriter(jdbcTemplate, bulkLoader, folders, runs.get(runId).asOf().toLocalDate(),
				"en".equalsIgnoreCase(properties.language()), filedNames);
	}

}
