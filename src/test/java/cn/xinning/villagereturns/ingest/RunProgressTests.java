package cn.xinning.villagereturns.ingest;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.test.MetaDataInstanceFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The progress lines of the steps after acceptance, which run side by side, and of the
 * job, whose time is not their sum (the bench reads it).
 */
class RunProgressTests {

	@Test
	void stepsThatOverlapEachEndWithTheirLineAndTheRunWithTheJobsOwnTime() {
		PrintStream err = System.err;
		ByteArrayOutputStream captured = new ByteArrayOutputStream();
		System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
		RunProgress progress;
		try {
			// no database: these steps count no files
			progress = new RunProgress(null, true);
		}
		finally {
			System.setErr(err);
		}
		JobExecution job = MetaDataInstanceFactory.createJobExecution(IngestJobConfiguration.JOB_NAME, 1L, 2L,
				new JobParametersBuilder().addLong(IngestJobConfiguration.RUN_ID, 7L).toJobParameters());
		LocalDateTime started = LocalDateTime.now().minusSeconds(12);
		job.setStartTime(started);
		progress.beforeJob(job);
		StepExecution aggregate = step(job, IngestJobConfiguration.AGGREGATE_INDICATORS_STEP, 11L, started);
		StepExecution flag = step(job, IngestJobConfiguration.FLAG_ANOMALIES_STEP, 13L, started);
		progress.beforeStep(aggregate);
		progress.afterStep(aggregate);
		progress.beforeStep(flag);
		progress.afterStep(flag);
		job.setStatus(BatchStatus.COMPLETED);
		progress.afterJob(job);
		progress.destroy();

		String output = captured.toString(StandardCharsets.UTF_8);
		assertThat(output.lines().toList()).hasSize(3);
		assertThat(output).containsPattern("(?m)^运行 run #7  4/7 汇总 aggregate  COMPLETED  \\d+\\.\\d\\ds$")
			.containsPattern("(?m)^运行 run #7  5/7 预警 flag  COMPLETED  \\d+\\.\\d\\ds$");
		Matcher jobLine = Pattern.compile("(?m)^运行 run #7  作业 job  COMPLETED  (\\d+\\.\\d\\d)s$").matcher(output);
		assertThat(jobLine.find()).as(output).isTrue();
		// from the job's start, whatever its steps took
		assertThat(Double.parseDouble(jobLine.group(1))).isGreaterThanOrEqualTo(12.0);
	}

	private static StepExecution step(JobExecution job, String name, long id, LocalDateTime started) {
		StepExecution step = MetaDataInstanceFactory.createStepExecution(job, name, id);
		step.setStartTime(started);
		step.setStatus(BatchStatus.COMPLETED);
		return step;
	}

}
