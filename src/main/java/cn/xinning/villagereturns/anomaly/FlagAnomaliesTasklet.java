package cn.xinning.villagereturns.anomaly;

import java.time.LocalDateTime;
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
 * The flagging step of the ingest job: re-evaluates every period the run made stale, one
 * period per transaction. A restart evaluates them again, which changes nothing that
 * already holds.
 */
public class FlagAnomaliesTasklet implements Tasklet {

	private final long runId;

	private final LocalDateTime businessTime;

	private final JdbcTemplate jdbc;

	private final AnomalyEvaluator evaluator;

	private Deque<YearMonth> remaining;

	public FlagAnomaliesTasklet(long runId, LocalDateTime businessTime, JdbcTemplate jdbc, AnomalyEvaluator evaluator) {
		this.runId = runId;
		this.businessTime = businessTime;
		this.jdbc = jdbc;
		this.evaluator = evaluator;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		if (this.remaining == null) {
			List<YearMonth> touched = this.jdbc
				.queryForList("select period from run_period where run_id = ?", String.class, this.runId)
				.stream()
				.map(YearMonth::parse)
				.toList();
			this.remaining = new ArrayDeque<>(this.evaluator.periodsToEvaluate(touched, this.businessTime));
		}
		YearMonth period = this.remaining.poll();
		if (period != null) {
			FlagStore.Changes changes = this.evaluator.evaluate(period, this.businessTime, this.runId);
			contribution.incrementWriteCount(changes.raised() + changes.updated() + changes.closed());
		}
		return this.remaining.isEmpty() ? RepeatStatus.FINISHED : RepeatStatus.CONTINUABLE;
	}

}
