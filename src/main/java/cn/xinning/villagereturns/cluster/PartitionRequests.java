package cn.xinning.villagereturns.cluster;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.batch.integration.partition.StepExecutionRequestHandler;

/**
 * Executes a partition request on a worker. Delivery is at least once: a request whose
 * worker died after the partition ended (before the broker heard the acknowledgement)
 * comes again, and Batch's handler would run the partition again without looking. So a
 * partition that has already ended is not run twice; one left STARTED by a dead worker is
 * continued from its last commit.
 */
class PartitionRequests {

	private static final Logger log = LoggerFactory.getLogger(PartitionRequests.class);

	private final JobRepository jobRepository;

	private final StepExecutionRequestHandler handler;

	PartitionRequests(JobRepository jobRepository, StepExecutionRequestHandler handler) {
		this.jobRepository = jobRepository;
		this.handler = handler;
	}

	void execute(StepExecutionRequest request) {
		StepExecution partition = this.jobRepository.getStepExecution(request.getStepExecutionId());
		if (partition == null) {
			// dead-lettered: an operator can look at it
			throw new IllegalArgumentException("No step execution " + request.getStepExecutionId() + " for " + request);
		}
		BatchStatus status = partition.getStatus();
		if (status != BatchStatus.STARTING && status != BatchStatus.STARTED) {
			log.warn("Partition {} ({}) has already ended {}: not run again", partition.getStepName(),
					partition.getId(), status);
			return;
		}
		if (status == BatchStatus.STARTED) {
			log.warn("Partition {} ({}) was left STARTED by {}: continuing it from its last commit",
					partition.getStepName(), partition.getId(),
					partition.getExecutionContext().getString(PartitionWorkers.WORKER, "?"));
		}
		StepExecution ended = this.handler.handle(request);
		log.info("Partition {} ({}) {}", ended.getStepName(), ended.getId(), ended.getStatus());
	}

}
