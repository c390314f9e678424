package cn.xinning.villagereturns.aggregation;

import java.time.YearMonth;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The aggregation step of the ingest job: recomputes the periods the run touched (and the
 * rest of their year), one period per transaction, so that the exports never show half a
 * period. A restart recomputes them all again, which gives the same figures.
 */
public class AggregateTasklet implements Tasklet {

	private static final Logger log = LoggerFactory.getLogger(AggregateTasklet.class);

	private final long runId;

	private final JdbcTemplate jdbc;

	private final AggregationPlan plan;

	private final Aggregator aggregator;

	private Deque<YearMonth> remaining;

	public AggregateTasklet(long runId, JdbcTemplate jdbc, AggregationPlan plan, Aggregator aggregator) {
		this.runId = runId;
		this.jdbc = jdbc;
		this.plan = plan;
		this.aggregator = aggregator;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		if (this.remaining == null) {
			List<YearMonth> touched = this.jdbc
				.queryForList("select period from run_period where run_id = ?", String.class, this.runId)
				.stream()
				.map(YearMonth::parse)
				.toList();
			this.remaining = new ArrayDeque<>(this.plan.periodsToRecompute(touched));
			log.info("Run {} recomputes {}", this.runId, this.remaining);
		}
		YearMonth period = this.remaining.poll();
		if (period != null) {
			this.aggregator.recompute(period);
			contribution.incrementWriteCount(1);
		}
		return this.remaining.isEmpty() ? RepeatStatus.FINISHED : RepeatStatus.CONTINUABLE;
	}

}
