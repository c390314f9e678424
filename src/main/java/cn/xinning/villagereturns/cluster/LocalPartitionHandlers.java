package cn.xinning.villagereturns.cluster;

import org.springframework.batch.core.partition.PartitionHandler;
import org.springframework.batch.core.partition.support.TaskExecutorPartitionHandler;
import org.springframework.batch.core.step.Step;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import cn.xinning.villagereturns.support.WorkerThreads;

/**
 * {@code village-returns.partitions.mode=local}: partitions on this process's threads.
 */
@Component
@ConditionalOnProperty(name = "village-returns.partitions.mode", havingValue = "local", matchIfMissing = true)
class LocalPartitionHandlers implements PartitionHandlers {

	private final WorkerThreads threads;

	private final int gridSize;

	LocalPartitionHandlers(WorkerThreads threads, PartitionsProperties properties) {
		this.threads = threads;
		this.gridSize = properties.effectiveGridSize(threads.threads());
	}

	@Override
	public PartitionHandler handler(Step partitionStep) {
		TaskExecutorPartitionHandler handler = new TaskExecutorPartitionHandler();
		handler.setTaskExecutor(this.threads.executor());
		handler.setStep(partitionStep);
		handler.setGridSize(this.gridSize);
		return handler;
	}

	@Override
	public int gridSize() {
		return this.gridSize;
	}

}
