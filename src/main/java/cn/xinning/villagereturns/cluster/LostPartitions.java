package cn.xinning.villagereturns.cluster;

import java.time.LocalDateTime;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;

/**
 * Before a failed run restarts: a partition whose request was lost with its worker (the
 * manager timed out waiting for it) is still marked running, and Batch refuses to restart
 * a step with a running partition. It is marked FAILED, so that the restart re-runs it
 * from its last commit, with the other unfinished ones, and skips the completed ones.
 */
@Component
public class LostPartitions {

	private static final Logger log = LoggerFactory.getLogger(LostPartitions.class);

	private final JobRepository jobRepository;

	public LostPartitions(JobRepository jobRepository) {
		this.jobRepository = jobRepository;
	}

	/** Marks the execution's partitions still marked running FAILED; returns how many. */
	public int markFailed(JobExecution execution) {
		JobExecution full = this.jobRepository.getJobExecution(execution.getId());
		if (full == null || full.getStatus().isRunning()) {
			return 0;
		}
		int marked = 0;
		for (StepExecution step : full.getStepExecutions()) {
			if (step.getStatus().isRunning()) {
				log.warn("Partition {} ({}) of job execution {} never reported its end (worker {}): marked FAILED",
						step.getStepName(), step.getId(), full.getId(), PartitionWorkers.of(step));
				step.setStatus(BatchStatus.FAILED);
				step.setExitStatus(ExitStatus.FAILED.addExitDescription("lost: no worker reported its end"));
				step.setEndTime(LocalDateTime.now());
				this.jobRepository.update(step);
				marked++;
			}
		}
		return marked;
	}

}
