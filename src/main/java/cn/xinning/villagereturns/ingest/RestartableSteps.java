package cn.xinning.villagereturns.ingest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;

/**
 * Keeps a step that lost its database connection restartable. Spring Batch marks a step
 * UNKNOWN when the rollback after a failure fails too (the connection is gone), and
 * refuses to restart UNKNOWN runs because it cannot tell whether the last chunk
 * committed. Every step of the ingest job reads its work by state and writes
 * idempotently, so either answer is safe: whatever the last transaction did, the
 * restarted step carries on from what the database says. The server rolls back an open
 * transaction whose connection died, so no half-written chunk remains.
 */
@Component
public class RestartableSteps implements StepExecutionListener {

	private static final Logger log = LoggerFactory.getLogger(RestartableSteps.class);

	@Override
	public ExitStatus afterStep(StepExecution stepExecution) {
		if (stepExecution.getStatus() == BatchStatus.UNKNOWN) {
			log.warn(
					"Step {} of job execution {} lost its transaction's outcome ({}); marked FAILED: it restarts from the"
							+ " state in the database",
					stepExecution.getStepName(), stepExecution.getJobExecutionId(),
					stepExecution.getFailureExceptions());
			stepExecution.setStatus(BatchStatus.FAILED);
			return ExitStatus.FAILED;
		}
		return null;
	}

}
