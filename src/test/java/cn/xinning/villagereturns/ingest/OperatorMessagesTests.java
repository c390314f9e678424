package cn.xinning.villagereturns.ingest;

import java.io.IOException;
import java.sql.SQLTransientConnectionException;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one line an operator reads when a run did not complete: what happened and what to
 * run next, in Chinese and English, never Spring Batch's internal English.
 */
class OperatorMessagesTests {

	private static final String PARTITION = "org.springframework.batch.core.job.JobExecutionException:"
			+ " Partition handler returned an unsuccessful step";

	@Test
	void aFullDiskSaysSoAndHowToGoOn() {
		String line = OperatorMessages.explain(BatchStatus.FAILED, List.of(PARTITION,
				"java.nio.file.FileSystemException: /srv/vr/rejected/x.csv.errors.csv.part: No space left on device"),
				"fileAwayPartitionStep:partition1", 7);
		assertThat(line).isEqualTo("运行失败（步骤 fileAwayPartitionStep）：磁盘已满。请清理根目录所在的磁盘后运行 restart 7。/ The run failed"
				+ " in fileAwayPartitionStep: the disk is full. Free space on the root folder's disk, then run: restart 7"
				+ " (details in logs/).");
	}

	@Test
	void aDatabaseThatWentAwaySaysSo() {
		String line = OperatorMessages.explain(BatchStatus.FAILED,
				List.of(PARTITION,
						"java.sql.SQLTransientConnectionException: HikariPool-1 - Connection is not"
								+ " available, request timed out after 5000ms"),
				"validateFilesPartitionStep:partition0", 3);
		assertThat(line).startsWith("运行失败（步骤 validateFilesPartitionStep）：数据库连接中断或无法访问。请确认数据库在运行后运行 restart 3。")
			.doesNotContain("Partition handler");
	}

	@Test
	void anythingElsePointsToTheLogAndNeverRepeatsBatchInternals() {
		String line = OperatorMessages.explain(BatchStatus.FAILED, List.of(PARTITION), "", 5);
		assertThat(line)
			.isEqualTo("运行失败，详情见日志 logs/village-returns.log。请排除原因后运行 restart 5。/ The run failed; the details"
					+ " are in logs/village-returns.log. Remove the cause, then run: restart 5.");
	}

	@Test
	void aStoppedRunSaysHowToContinue() {
		assertThat(OperatorMessages.explain(BatchStatus.STOPPED, List.of(), "", 2))
			.isEqualTo("运行已按要求停止，所有文件都在原处。请运行 restart 2 继续。/ The run was stopped as asked; every file is where"
					+ " it was. Run: restart 2");
	}

	@Test
	void aCommandThatFailedIsOneLine() {
		assertThat(OperatorMessages.commandFailed(new CannotGetJdbcConnectionException("x",
				new SQLTransientConnectionException("Connection is not available"))))
			.startsWith("数据库连接中断或无法访问")
			.doesNotContain("\n");
		assertThat(OperatorMessages
			.commandFailed(new IllegalStateException("boom", new IOException("Read-only file system"))))
			.startsWith("根目录不可写");
		assertThat(OperatorMessages.commandFailed(new IllegalStateException("boom")))
			.isEqualTo("命令失败（IllegalStateException），详情见日志 logs/village-returns.log。/ The command failed"
					+ " (IllegalStateException); the details are in logs/village-returns.log.");
	}

}
