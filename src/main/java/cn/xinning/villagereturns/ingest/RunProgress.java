package cn.xinning.villagereturns.ingest;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Shows a long run's progress (files, returns, percentage) on the standard error stream:
 * one line rewritten in place on a terminal, plain lines every few seconds otherwise (a
 * log, a service journal). Off unless the command line turns it on
 * ({@code village-returns.progress}).
 */
@Component
public class RunProgress implements StepExecutionListener, ChunkListener<Object, Object> {

	private static final long QUIET_MILLIS = 5000;

	private static final Map<String, String> LABELS = Map.of(IngestJobConfiguration.CLAIM_FILES_STEP, "1/6 认领 claim",
			IngestJobConfiguration.VALIDATE_FILES_STEP, "2/6 校验 validate", IngestJobConfiguration.ACCEPT_RETURNS_STEP,
			"3/6 接收 accept", IngestJobConfiguration.AGGREGATE_INDICATORS_STEP, "4/6 汇总 aggregate",
			IngestJobConfiguration.FLAG_ANOMALIES_STEP, "5/6 预警 flag", IngestJobConfiguration.FILE_AWAY_STEP,
			"6/6 归档 file away");

	private final boolean enabled;

	private final boolean terminal = System.console() != null;

	private final PrintStream out = new PrintStream(System.err, true, StandardCharsets.UTF_8);

	private final JdbcTemplate jdbc;

	private StepExecution step;

	private long runId;

	private long totalFiles;

	private long lastPrinted;

	public RunProgress(JdbcTemplate jdbc, @Value("${village-returns.progress:false}") boolean enabled) {
		this.jdbc = jdbc;
		this.enabled = enabled;
	}

	@Override
	public void beforeStep(StepExecution stepExecution) {
		this.step = stepExecution;
		Long run = stepExecution.getJobExecution().getJobParameters().getLong(IngestJobConfiguration.RUN_ID);
		this.runId = (run != null) ? run : 0;
		this.totalFiles = countFiles();
		this.lastPrinted = 0;
		show(false);
	}

	@Override
	public ExitStatus afterStep(StepExecution stepExecution) {
		show(true);
		return null;
	}

	@Override
	public void afterChunk(ChunkContext context) {
		show(false);
	}

	@Override
	public void afterChunk(Chunk<Object> chunk) {
		show(false);
	}

	private void show(boolean last) {
		if (!this.enabled || this.step == null) {
			return;
		}
		long now = System.currentTimeMillis();
		if (!last && !this.terminal && now - this.lastPrinted < QUIET_MILLIS && this.lastPrinted != 0) {
			return;
		}
		this.lastPrinted = now;
		String label = LABELS.getOrDefault(this.step.getStepName(), this.step.getStepName());
		long done = this.step.getReadCount() + this.step.getWriteCount();
		String line;
		if (isFileStep()) {
			long files = Math.min(this.step.getReadCount(), this.totalFiles);
			long percent = (this.totalFiles == 0) ? 100 : files * 100 / this.totalFiles;
			line = String.format("运行 run #%d  %s  文件 files %d/%d (%d%%)  报表 returns %d", this.runId, label, files,
					this.totalFiles, percent, countReturns());
		}
		else {
			line = String.format("运行 run #%d  %s  %d", this.runId, label, done);
		}
		if (this.terminal) {
			this.out.print("\r" + line + "        " + (last ? "\n" : ""));
		}
		else {
			this.out.println(line + (last ? "  " + this.step.getStatus() : ""));
		}
	}

	private boolean isFileStep() {
		String name = this.step.getStepName();
		return name.equals(IngestJobConfiguration.VALIDATE_FILES_STEP)
				|| name.equals(IngestJobConfiguration.ACCEPT_RETURNS_STEP)
				|| name.equals(IngestJobConfiguration.FILE_AWAY_STEP);
	}

	private long countFiles() {
		if (!this.enabled) {
			return 0;
		}
		Long count = this.jdbc.queryForObject("select count(*) from inbox_file where run_id = ?", Long.class,
				this.runId);
		return (count != null) ? count : 0;
	}

	private long countReturns() {
		Long count = this.jdbc.queryForObject("select count(*) from submission where run_id = ?", Long.class,
				this.runId);
		return (count != null) ? count : 0;
	}

}
