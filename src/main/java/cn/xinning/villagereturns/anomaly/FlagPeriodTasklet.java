package cn.xinning.villagereturns.anomaly;

import java.time.LocalDateTime;
import java.time.YearMonth;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * A partition of the flagging step: re-evaluates its period at the run's business time,
 * in the step's transaction (all or nothing; the period's lock is held until it commits).
 */
public class FlagPeriodTasklet implements Tasklet {

	private final long runId;

	private final YearMonth period;

	private final LocalDateTime businessTime;

	private final AnomalyEvaluator evaluator;

	public FlagPeriodTasklet(long runId, YearMonth period, LocalDateTime businessTime, AnomalyEvaluator evaluator) {
		this.runId = runId;
		this.period = period;
		this.businessTime = businessTime;
		this.evaluator = evaluator;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		FlagStore.Changes changes = this.evaluator.evaluate(this.period, this.businessTime, this.runId);
		contribution.incrementWriteCount(changes.raised() + changes.updated() + changes.closed());
		return RepeatStatus.FINISHED;
	}

}
