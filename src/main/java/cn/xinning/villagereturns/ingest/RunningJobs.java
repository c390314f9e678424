package cn.xinning.villagereturns.ingest;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * The job executions running in this process, so that a shutdown (SIGTERM, Ctrl-C, a
 * service stop) can ask them to stop: each ends STOPPED at its next commit, restartable,
 * with every file still in the run's work folder or already filed away.
 */
@Component
public class RunningJobs implements JobExecutionListener {

	private static final Logger log = LoggerFactory.getLogger(RunningJobs.class);

	private final Set<JobExecution> running = ConcurrentHashMap.newKeySet();

	private final JobRepository jobRepository;

	public RunningJobs(@Lazy JobRepository jobRepository) {
		this.jobRepository = jobRepository;
	}

	@Override
	public void beforeJob(JobExecution jobExecution) {
		this.running.add(jobExecution);
	}

	@Override
	public void afterJob(JobExecution jobExecution) {
		this.running.remove(jobExecution);
	}

	public boolean isEmpty() {
		return this.running.isEmpty();
	}

	/**
	 * Asks every running execution to stop at its next commit.
	 *
	 * <p>
	 * Not {@code JobOperator.stop}: besides marking the job STOPPING, it updates the
	 * running step executions from this thread, while the step's own thread (a partition
	 * of validation, say) still commits chunks of the same row, and one of the two fails
	 * with an {@code OptimisticLockingFailureException} that ends the run FAILED
	 * (spring-batch#5120, #5484). Marking the job execution STOPPING is all a chunk step
	 * needs: at each commit the step re-reads its job's status and, seeing STOPPING, ends
	 * STOPPED; the job then starts no further step.
	 */
	public void stopAll() {
		for (JobExecution execution : this.running) {
			try {
				log.warn("Stopping job execution {} (shutdown requested)", execution.getId());
				synchronized (execution) {
					if (execution.getStatus().isRunning()) {
						execution.setStatus(BatchStatus.STOPPING);
						this.jobRepository.update(execution);
					}
				}
			}
			catch (Exception ex) {
				log.warn("Could not stop job execution {}: {}", execution.getId(), ex.toString());
			}
		}
	}

}
