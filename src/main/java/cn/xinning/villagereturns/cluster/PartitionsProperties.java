package cn.xinning.villagereturns.cluster;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the partitions of the ingest job's partitioned steps run (spec section 11).
 *
 * @param mode {@code local}: on this process's threads; {@code manager}: as requests on a
 * RabbitMQ queue, executed by {@code worker} processes that share the database and the
 * root folders
 * @param gridSize partitions per step (0: one per thread locally, {@value #MANAGER_GRID}
 * for a manager), independent of how many threads or workers execute them
 * @param maxFilesPerPartition more partitions when the run has more files, so that a
 * partition stays small: a lost worker costs little and no request nears the broker's
 * consumer timeout. Not smaller than it must be: each partition is a step execution with
 * its own bookkeeping (about thirteen commits) and its own readers and validator, which
 * at 500 files a partition cost a province month about a second of validation (README,
 * "Where issue #16 stands", 2026-12-03 afternoon)
 * @param queue the durable queue of partition requests ({@code QUEUE.dlq} holds those
 * that could not be executed)
 * @param pollInterval how often the manager reads the partitions' status from the
 * database
 * @param timeout how long the manager waits for a step's partitions before the run fails
 * (restartable); never forever
 * @param workerThreads partitions a worker executes at once (0:
 * village-returns.batch.threads)
 * @param worker set by the {@code worker} command: this process consumes requests
 */
@ConfigurationProperties("village-returns.partitions")
public record PartitionsProperties(@DefaultValue("local") Mode mode, @DefaultValue("0") int gridSize,
		@DefaultValue("2500") int maxFilesPerPartition, @DefaultValue("village-returns.partitions") String queue,
		@DefaultValue("2s") Duration pollInterval, @DefaultValue("2h") Duration timeout,
		@DefaultValue("0") int workerThreads, @DefaultValue("false") boolean worker) {

	static final int MANAGER_GRID = 16;

	public PartitionsProperties {
		if (timeout.isNegative() || timeout.isZero()) {
			throw new IllegalArgumentException(
					"village-returns.partitions.timeout must be positive (a manager never waits forever), not "
							+ timeout);
		}
		if (pollInterval.isNegative() || pollInterval.isZero()) {
			throw new IllegalArgumentException("village-returns.partitions.poll-interval must be positive");
		}
		if (maxFilesPerPartition < 1) {
			throw new IllegalArgumentException("village-returns.partitions.max-files-per-partition must be at least 1");
		}
	}

	/** Where partitions run. */
	public enum Mode {

		LOCAL, MANAGER

	}

	/** The partitions per step given this process's threads. */
	public int effectiveGridSize(int threads) {
		if (this.gridSize > 0) {
			return this.gridSize;
		}
		return (this.mode == Mode.LOCAL) ? threads : MANAGER_GRID;
	}

	public String deadLetterQueue() {
		return this.queue + ".dlq";
	}

}
