package cn.xinning.villagereturns.ingest;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import cn.xinning.villagereturns.support.TestRoot;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Run numbers are dense (operators quote them on the phone): one more than the highest
 * known, and a number the job repository has seen is never given again.
 */
@SpringBootTest
class RunNumbersIntegrationTests {

	static final TestRoot root = TestRoot.create("run-numbers");

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry properties) {
		root.configure(properties);
	}

	@Autowired
	IngestService ingest;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void runsAreNumberedOneTwoThreeAndANumberIsNeverGivenTwice() throws Exception {
		List<Long> numbers = new ArrayList<>();
		for (int day = 4; day <= 6; day++) {
			numbers.add(this.ingest.ingest(Optional.of(LocalDateTime.of(2026, 11, day, 10, 0))).runId());
		}
		assertThat(numbers).containsExactly(1L, 2L, 3L);

		// the business row of run 3 gone (as after a failed insert): the job repository
		// still knows run 3, so the next is 4
		this.jdbc.update("delete from ingest_run where run_id = 3");
		assertThat(this.ingest.ingest(Optional.of(LocalDateTime.of(2026, 11, 7, 10, 0))).runId()).isEqualTo(4L);
	}

}
