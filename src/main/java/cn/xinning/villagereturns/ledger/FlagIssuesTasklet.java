package cn.xinning.villagereturns.ledger;

import java.time.LocalDateTime;

import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * The ingest job's step for the ladder's flags: re-evaluates the months whose issues the
 * run changed, and ages the OPEN issues of every month to the run's business time. One
 * transaction; idempotent, so a restart simply does it again.
 */
public class FlagIssuesTasklet implements Tasklet {

	private final long runId;

	private final LocalDateTime businessTime;

	private final IssueFlagEvaluator evaluator;

	public FlagIssuesTasklet(long runId, LocalDateTime businessTime, IssueFlagEvaluator evaluator) {
		this.runId = runId;
		this.businessTime = businessTime;
		this.evaluator = evaluator;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		contribution.incrementWriteCount(this.evaluator
			.evaluate(this.evaluator.plan(this.evaluator.changedBy(this.runId)), this.businessTime, this.runId));
		return RepeatStatus.FINISHED;
	}

}
