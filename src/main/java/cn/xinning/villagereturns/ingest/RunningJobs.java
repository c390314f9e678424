package cn.xinning.villagereturns.ingest;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.listener.JobExecutionListener;
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

	private final JobOperator jobOperator;

	public RunningJobs(@Lazy JobOperator jobOperator) {
		this.jobOperator = jobOperator;
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

	/** Asks every running execution to stop at its next commit. */
	public void stopAll() {
		for (JobExecution execution : this.running) {
			try {
				log.warn("Stopping job execution {} (shutdown requested)", execution.getId());
				this.jobOperator.stop(execution);
			}
			catch (Exception ex) {
				log.warn("Could not stop job execution {}: {}", execution.getId(), ex.toString());
			}
		}
	}

}
