package cn.xinning.villagereturns.cluster;

import org.springframework.batch.core.partition.PartitionHandler;
import org.springframework.batch.core.step.Step;

/**
 * Makes the partition handler of a partitioned step: the one thing that differs between
 * running partitions on this process's threads and on worker processes. The steps, their
 * partitioners and the partition steps are the same beans in every mode.
 */
public interface PartitionHandlers {

	/** The handler that executes the partitions of {@code partitionStep}. */
	PartitionHandler handler(Step partitionStep);

	/** How many partitions a step is cut into (at least; large runs get more). */
	int gridSize();

}
