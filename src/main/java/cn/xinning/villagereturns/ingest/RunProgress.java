package cn.xinning.villagereturns.ingest;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import cn.xinning.villagereturns.support.DaemonScheduler;

/**
 * Shows a long run's progress (step, files done of all, returns read) on the standard
 * error stream: one line rewritten in place on a terminal, a plain line every few seconds
 * otherwise (a log, a service journal), and a line with the time each step took. It reads
 * the progress from the database, so partitions working in parallel count too. Off unless
 * the command line turns it on ({@code village-returns.progress}).
 */
@Component
public class RunProgress implements JobExecutionListener, StepExecutionListener, DisposableBean {

	private static final Map<String, String> LABELS = Map.of(IngestJobConfiguration.CLAIM_FILES_STEP, "1/7 认领 claim",
			IngestJobConfiguration.VALIDATE_FILES_STEP, "2/7 校验 validate", IngestJobConfiguration.ACCEPT_RETURNS_STEP,
			"3/7 接收 accept", IngestJobConfiguration.AGGREGATE_INDICATORS_STEP, "4/7 汇总 aggregate",
			IngestJobConfiguration.FLAG_ANOMALIES_STEP, "5/7 预警 flag", IngestJobConfiguration.FLAG_ISSUES_STEP,
			"6/7 问题预警 issues", IngestJobConfiguration.FILE_AWAY_STEP, "7/7 归档 file away");

	/** Which file state a step moves files out of. */
	private static final Map<String, String> FROM_STATE = Map.of(IngestJobConfiguration.VALIDATE_FILES_STEP, "CLAIMED",
			IngestJobConfiguration.ACCEPT_RETURNS_STEP, "VALIDATED", IngestJobConfiguration.FILE_AWAY_STEP, "ACCEPTED");

	private final boolean enabled;

	private final boolean terminal = System.console() != null;

	private final PrintStream out = new PrintStream(System.err, true, StandardCharsets.UTF_8);

	private final JdbcTemplate jdbc;

	private final ScheduledExecutorService ticker = DaemonScheduler.single("run-progress");

	private volatile long runId;

	/**
	 * The steps running now, in the order they started: after acceptance, aggregating and
	 * flagging run beside filing away.
	 */
	private final Map<Long, StepExecution> running = new ConcurrentSkipListMap<>();

	private volatile long totalFiles;

	private ScheduledFuture<?> ticking;

	public RunProgress(JdbcTemplate jdbc, @Value("${village-returns.progress:false}") boolean enabled) {
		this.jdbc = jdbc;
		this.enabled = enabled;
	}

	@Override
	public void beforeJob(JobExecution jobExecution) {
		Long run = jobExecution.getJobParameters().getLong(IngestJobConfiguration.RUN_ID);
		this.runId = (run != null) ? run : 0;
		if (this.enabled) {
			long period = this.terminal ? 500 : 5000;
			this.ticking = this.ticker.scheduleAtFixedRate(this::tick, period, period, TimeUnit.MILLISECONDS);
		}
	}

	@Override
	public void afterJob(JobExecution jobExecution) {
		if (this.ticking != null) {
			this.ticking.cancel(false);
		}
		if (this.enabled) {
			// the steps after acceptance overlap: the job's own time is not their sum
			String line = String.format("运行 run #%d  作业 job  %s  %s", this.runId, jobExecution.getStatus(),
					elapsed(jobExecution.getStartTime()));
			synchronized (this) {
				this.out.print(this.terminal ? "\r" + line + "\n" : line + "\n");
			}
		}
	}

	@Override
	public void beforeStep(StepExecution stepExecution) {
		if (LABELS.containsKey(stepExecution.getStepName())) {
			// the run's files are all claimed before the steps that count them start
			if (this.enabled && FROM_STATE.containsKey(stepExecution.getStepName())) {
				this.totalFiles = count("select count(*) from inbox_file where run_id = ?");
			}
			this.running.put(stepExecution.getId(), stepExecution);
		}
	}

	@Override
	public ExitStatus afterStep(StepExecution stepExecution) {
		if (LABELS.containsKey(stepExecution.getStepName())) {
			this.running.remove(stepExecution.getId());
			if (this.enabled) {
				String line = line(stepExecution) + "  " + stepExecution.getStatus() + "  " + elapsed(stepExecution);
				synchronized (this) {
					this.out.print(this.terminal ? "\r" + line + "\n" : line + "\n");
				}
			}
		}
		return null;
	}

	private synchronized void tick() {
		if (this.running.isEmpty()) {
			return;
		}
		try {
			List<String> lines = this.running.values().stream().map(this::line).toList();
			// one line rewritten in place on a terminal, whatever runs beside what
			this.out.print(
					this.terminal ? "\r" + String.join("  |  ", lines) + "        " : String.join("\n", lines) + "\n");
		}
		catch (RuntimeException ex) {
			// progress is a courtesy: a failed look at the database must not disturb the
			// run
		}
	}

	private String line(StepExecution stepExecution) {
		String name = stepExecution.getStepName();
		String label = LABELS.get(name);
		String from = FROM_STATE.get(name);
		if (from == null) {
			return String.format("运行 run #%d  %s", this.runId, label);
		}
		long total = this.totalFiles;
		long waiting = count("select count(*) from inbox_file where run_id = ? and state = '" + from + "'");
		long done = total - waiting;
		long percent = (total == 0) ? 100 : done * 100 / total;
		return String.format("运行 run #%d  %s  文件 files %d/%d (%d%%)  报表 returns %d", this.runId, label, done, total,
				percent, count("select count(*) from submission where run_id = ?"));
	}

	private long count(String sql) {
		Long count = this.jdbc.queryForObject(sql, Long.class, this.runId);
		return (count != null) ? count : 0;
	}

	/** Seconds since the step started, e.g. {@code 3.25s}. */
	private static String elapsed(StepExecution stepExecution) {
		return elapsed(stepExecution.getStartTime());
	}

	/** Seconds since {@code start}, e.g. {@code 3.25s}. */
	private static String elapsed(LocalDateTime start) {
		long millis = (start != null) ? Duration.between(start, LocalDateTime.now()).toMillis() : 0;
		// a dot whatever the locale: the bench reads these times
		return String.format(Locale.ROOT, "%.2fs", millis / 1000.0);
	}

	@Override
	public void destroy() {
		this.ticker.shutdownNow();
	}

}
