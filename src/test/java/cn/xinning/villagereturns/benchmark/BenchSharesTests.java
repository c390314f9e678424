package cn.xinning.villagereturns.benchmark;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BenchSharesTests {

	@Test
	void eachWorkersPartitionsAreCountedFromExecutionsShow() {
		String show = """
				1          validateFilesStep        COMPLETED     91      91     0       6         0
				1          validateFilesPartitionStep:partition0 COMPLETED     16      16     0       1         0   [vm:11]
				1          validateFilesPartitionStep:partition1 COMPLETED     16      16     0       1         0   [vm:11,vm:12]
				1          fileAwayPartitionStep:partition0 COMPLETED     16      16     0       1         0   [vm:12]
				1          flagAnomaliesPartitionStep:period2026-10 COMPLETED      0       4     0       1         0   [vm:12]
				""";

		assertThat(BenchCommand.shares(show)).isEqualTo("vm:11=2, vm:12=3");
	}

}
