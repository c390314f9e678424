package cn.xinning.villagereturns.intake;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link FileRangePartitioner}: a run's files cut into contiguous ranges that cover every
 * file once, as many per thread, none empty.
 */
class FileRangePartitionerTests {

	/** Answers the partitioner's {@code max(seq)} with a fixed number of files. */
	private static FileRangePartitioner partitioner(Integer files, int maxFilesPerPartition) {
		JdbcTemplate jdbc = new JdbcTemplate() {

			@Override
			@SuppressWarnings("unchecked")
			public <T> T queryForObject(String sql, Class<T> requiredType, Object... args) {
				return (T) files;
			}

		};
		return new FileRangePartitioner(7, jdbc, maxFilesPerPartition);
	}

	private record Range(int first, int last) {
	}

	private static List<Range> ranges(Map<String, ExecutionContext> contexts) {
		return contexts.values()
			.stream()
			.map((c) -> new Range(c.getInt(FileRangePartitioner.FIRST_SEQ), c.getInt(FileRangePartitioner.LAST_SEQ)))
			.sorted(Comparator.comparingInt(Range::first))
			.toList();
	}

	@Test
	void aProvinceMonthIsTenRangesOf2500FilesOnTwoThreads() {
		List<Range> ranges = ranges(partitioner(25_000, 2500).partition(2));
		assertThat(ranges).hasSize(10);
		assertThat(ranges.get(0)).isEqualTo(new Range(1, 2500));
		assertThat(ranges.get(9)).isEqualTo(new Range(22_501, 25_000));
		assertThat(ranges).allSatisfy((r) -> assertThat(r.last() - r.first() + 1).isEqualTo(2500));
	}

	@Test
	void theCountIsRoundedUpToAMultipleOfTheGridSoThatNoThreadFinishesAlone() {
		// 27,000 files need 11 ranges of at most 2,500; 12 on two threads, 16 for a
		// manager's grid of 16
		assertThat(FileRangePartitioner.partitions(27_000, 2, 2500)).isEqualTo(12);
		assertThat(FileRangePartitioner.partitions(27_000, 16, 2500)).isEqualTo(16);
		// a nation month: 196 needed, 208 for a manager
		assertThat(FileRangePartitioner.partitions(490_000, 16, 2500)).isEqualTo(208);
		// a county: one range per thread
		assertThat(FileRangePartitioner.partitions(311, 2, 2500)).isEqualTo(2);
	}

	@Test
	void neverMoreRangesThanFilesAndOneEmptyRangeForNoFiles() {
		assertThat(FileRangePartitioner.partitions(3, 16, 2500)).isEqualTo(3);
		assertThat(ranges(partitioner(3, 2500).partition(16))).containsExactly(new Range(1, 1), new Range(2, 2),
				new Range(3, 3));
		assertThat(ranges(partitioner(null, 2500).partition(2))).containsExactly(new Range(1, 0));
		assertThat(ranges(partitioner(0, 2500).partition(2))).containsExactly(new Range(1, 0));
	}

	@Test
	void unevenRunsAreCoveredOnceInRangesThatDifferByAtMostOneFile() {
		for (int files : new int[] { 1, 2, 9, 10, 311, 2501, 4999, 27_001 }) {
			for (int grid : new int[] { 1, 2, 3, 16 }) {
				List<Range> ranges = ranges(partitioner(files, 500).partition(grid));
				assertThat(ranges.get(0).first()).isEqualTo(1);
				assertThat(ranges.get(ranges.size() - 1).last()).isEqualTo(files);
				for (int i = 1; i < ranges.size(); i++) {
					assertThat(ranges.get(i).first()).isEqualTo(ranges.get(i - 1).last() + 1);
				}
				List<Integer> sizes = ranges.stream().map((r) -> r.last() - r.first() + 1).toList();
				assertThat(sizes).allSatisfy((size) -> assertThat(size).isBetween(1, 500));
				assertThat(sizes.stream().mapToInt(Integer::intValue).max().getAsInt()
						- sizes.stream().mapToInt(Integer::intValue).min().getAsInt())
					.as("%d files on a grid of %d", files, grid)
					.isLessThanOrEqualTo(1);
				assertThat(ranges.size() % grid == 0 || ranges.size() == files).isTrue();
			}
		}
	}

}
