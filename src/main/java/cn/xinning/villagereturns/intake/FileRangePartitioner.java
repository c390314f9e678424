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
		int partitions = Math.max(1, Math.max(Math.min(gridSize, files),
				(files + this.maxFilesPerPartition - 1) / this.maxFilesPerPartition));
		int size = (files + partitions - 1) / Math.max(1, partitions);
		Map<String, ExecutionContext> contexts = new HashMap<>();
		for (int i = 0; i < partitions; i++) {
			ExecutionContext context = new ExecutionContext();
			context.putInt(FIRST_SEQ, i * size + 1);
			context.putInt(LAST_SEQ, (i == partitions - 1) ? Math.max(files, 0) : (i + 1) * size);
			contexts.put("partition" + i, context);
		}
		return contexts;
	}

}
