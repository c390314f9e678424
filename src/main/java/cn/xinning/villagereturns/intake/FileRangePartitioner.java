package cn.xinning.villagereturns.intake;

import java.util.HashMap;
import java.util.Map;

import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Splits a run's files into contiguous ranges of their order numbers, one per partition:
 * groups of files, so that a province's 25,000 files make a few partitions, never one per
 * file.
 */
public class FileRangePartitioner implements Partitioner {

	public static final String FIRST_SEQ = "firstSeq";

	public static final String LAST_SEQ = "lastSeq";

	private final long runId;

	private final JdbcTemplate jdbc;

	private final int maxFilesPerPartition;

	/**
	 * @param maxFilesPerPartition a run with more files than the grid size times this
	 * gets more partitions, so that each stays small
	 */
	public FileRangePartitioner(long runId, JdbcTemplate jdbc, int maxFilesPerPartition) {
		this.runId = runId;
		this.jdbc = jdbc;
		this.maxFilesPerPartition = maxFilesPerPartition;
	}

	@Override
	public Map<String, ExecutionContext> partition(int gridSize) {
		Integer count = this.jdbc.queryForObject("select max(seq) from inbox_file where run_id = ?", Integer.class,
				this.runId);
		int files = (count != null) ? count : 0;
		int partitions = partitions(files, gridSize, this.maxFilesPerPartition);
		Map<String, ExecutionContext> contexts = new HashMap<>();
		for (int i = 0; i < partitions; i++) {
			ExecutionContext context = new ExecutionContext();
			context.putInt(FIRST_SEQ, firstSeq(i, files, partitions));
			context.putInt(LAST_SEQ, firstSeq(i + 1, files, partitions) - 1);
			contexts.put("partition" + i, context);
		}
		return contexts;
	}

	/**
	 * Where range i starts: the ranges differ by at most one file, and none is empty
	 * while there are at least as many files as ranges (a run with no files yet has one
	 * empty range).
	 */
	static int firstSeq(int i, int files, int partitions) {
		return (int) ((long) i * files / partitions) + 1;
	}

	/**
	 * How many ranges a run of this many files is cut into: at least the grid size (one
	 * per thread or worker slot), more when a range would exceed the maximum, and then a
	 * multiple of the grid size, so that each thread gets the same number of equal ranges
	 * instead of one thread finishing the step alone (11 ranges on 2 threads would leave
	 * the eleventh's time to one of them). Never more ranges than files.
	 */
	static int partitions(int files, int gridSize, int maxFilesPerPartition) {
		int grid = Math.max(1, gridSize);
		int needed = (files + maxFilesPerPartition - 1) / maxFilesPerPartition;
		int rounded = ((Math.max(needed, grid) + grid - 1) / grid) * grid;
		return Math.max(1, Math.min(rounded, files));
	}

}
