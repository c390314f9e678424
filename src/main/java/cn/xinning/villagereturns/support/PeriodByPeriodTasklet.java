package cn.xinning.villagereturns.support;

import java.time.YearMonth;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A step that recomputes, one period per transaction, the periods a run's accepted
 * returns made stale: each call of {@link #execute} is one transaction, so what readers
 * see is a period either before or after, never half. A restart works the whole list
 * again; the work is idempotent.
 */
public abstract class PeriodByPeriodTasklet implements Tasklet {

	private final long runId;

	private final JdbcTemplate jdbc;

	private Deque<YearMonth> remaining;

	protected PeriodByPeriodTasklet(long runId, JdbcTemplate jdbc) {
		this.runId = runId;
		this.jdbc = jdbc;
	}

	/** Every period to recompute, in order, given those the run accepted returns for. */
	protected abstract List<YearMonth> plan(List<YearMonth> touched);

	/** Recomputes one period; returns how many rows it changed. */
	protected abstract int recompute(YearMonth period);

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		if (this.remaining == null) {
			List<YearMonth> touched = this.jdbc
				.queryForList("select period from run_period where run_id = ? order by period", String.class,
						this.runId)
				.stream()
				.map(YearMonth::parse)
				.toList();
			this.remaining = new ArrayDeque<>(plan(touched));
		}
		YearMonth period = this.remaining.poll();
		if (period != null) {
			contribution.incrementWriteCount(recompute(period));
		}
		return this.remaining.isEmpty() ? RepeatStatus.FINISHED : RepeatStatus.CONTINUABLE;
	}

	protected long runId() {
		return this.runId;
	}

}
