package cn.xinning.villagereturns.cluster;

import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;

import cn.xinning.villagereturns.support.ProcessIdentity;

/**
 * Records in each partition's execution context the {@code host:pid} of the process that
 * executed it (several, comma-separated, when a partition was continued elsewhere): the
 * same code in every mode, so that {@code executions show ID} can say where each
 * partition ran.
 */
@Component
public class PartitionWorkers implements StepExecutionListener {

	public static final String WORKER = "worker";

	@Override
	public void beforeStep(StepExecution stepExecution) {
		ProcessIdentity me = ProcessIdentity.current();
		String here = me.host() + ":" + me.pid();
		String before = stepExecution.getExecutionContext().getString(WORKER, "");
		if (!before.equals(here) && !before.endsWith("," + here)) {
			stepExecution.getExecutionContext().putString(WORKER, before.isEmpty() ? here : before + "," + here);
		}
	}

	/**
	 * Who executed the step, or empty when not recorded (steps that are not partitions).
	 */
	public static String of(StepExecution stepExecution) {
		return stepExecution.getExecutionContext().getString(WORKER, "");
	}

}
