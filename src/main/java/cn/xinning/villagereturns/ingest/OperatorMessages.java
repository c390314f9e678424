package cn.xinning.villagereturns.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;

/**
 * What an operator reads when a run did not complete: one line, Chinese then English,
 * saying what happened and what to do next. The details (the stack traces Spring Batch
 * records) stay in the log file and in the job repository; the line never repeats Spring
 * Batch's internal English ("Partition handler returned an unsuccessful step").
 */
public final class OperatorMessages {

	private OperatorMessages() {
	}

	/** The line for an execution that did not complete, or empty when it did. */
	public static String explain(JobExecution execution, long runId) {
		if (execution.getStatus() == BatchStatus.COMPLETED || execution.getStatus() == BatchStatus.STARTED
				|| execution.getStatus() == BatchStatus.STARTING) {
			return "";
		}
		List<String> texts = new ArrayList<>();
		for (Throwable failure : execution.getAllFailureExceptions()) {
			for (Throwable t = failure; t != null; t = (t.getCause() == t) ? null : t.getCause()) {
				texts.add(t.getClass().getName() + ": " + t.getMessage());
			}
		}
		String failedStep = "";
		for (StepExecution step : execution.getStepExecutions()) {
			String exit = step.getExitStatus().getExitDescription();
			if (exit != null && !exit.isBlank()) {
				texts.add(exit);
			}
			if (step.getStatus() == BatchStatus.FAILED && (failedStep.isEmpty() || failedStep.contains(":"))) {
				failedStep = step.getStepName();
			}
		}
		String exit = execution.getExitStatus().getExitDescription();
		if (exit != null) {
			texts.add(exit);
		}
		return explain(execution.getStatus(), texts, failedStep, runId);
	}

	/** A command that failed outside a run (or after it): what happened, in one line. */
	public static String commandFailed(Throwable failure) {
		List<String> texts = new ArrayList<>();
		Throwable root = failure;
		for (Throwable t = failure; t != null; t = (t.getCause() == t) ? null : t.getCause()) {
			texts.add(t.getClass().getName() + ": " + t.getMessage());
			root = t;
		}
		return switch (Cause.of(texts)) {
			case DISK_FULL ->
				"磁盘已满，请清理根目录所在的磁盘后重试。/ The disk is full: free space on the root folder's disk and try again.";
			case NOT_WRITABLE -> "根目录不可写（只读或无权限），请让运行程序的用户能写入后重试。/ The root folder cannot be written"
					+ " (read-only or no permission): let the program's user write to it and try again.";
			case DATABASE -> "数据库连接中断或无法访问，请确认数据库在运行后重试（失败的运行可用 restart 继续）。/ The database could not be"
					+ " reached: check that it is running and try again (a failed run continues with restart).";
			case OTHER ->
				"命令失败（" + root.getClass().getSimpleName() + "），详情见日志 logs/village-returns.log。/ The command failed ("
						+ root.getClass().getSimpleName() + "); the details are in logs/village-returns.log.";
		};
	}

	static String explain(BatchStatus status, List<String> texts, String failedStep, long runId) {
		String restart = "restart " + runId;
		if (status == BatchStatus.STOPPED || status == BatchStatus.STOPPING) {
			return "运行已按要求停止，所有文件都在原处。请运行 " + restart + " 继续。/ The run was stopped as asked; every file is"
					+ " where it was. Run: " + restart;
		}
		String step = failedStep.replaceAll(":partition\\d+$", "");
		String where = step.isEmpty() ? "" : "（步骤 " + step + "）";
		String whereEn = step.isEmpty() ? "" : " in " + step;
		return switch (Cause.of(texts)) {
			case DISK_FULL -> "运行失败" + where + "：磁盘已满。请清理根目录所在的磁盘后运行 " + restart + "。/ The run failed" + whereEn
					+ ": the disk is full. Free space on the root folder's disk, then run: " + restart
					+ " (details in logs/).";
			case NOT_WRITABLE -> "运行失败" + where + "：根目录不可写（只读或无权限）。请让运行程序的用户能写入根目录后运行 " + restart + "。/ The run failed"
					+ whereEn + ": the root folder cannot be written (read-only or no permission)."
					+ " Let the program's user write to it, then run: " + restart + " (details in logs/).";
			case DATABASE -> "运行失败" + where + "：数据库连接中断或无法访问。请确认数据库在运行后运行 " + restart + "。/ The run failed" + whereEn
					+ ": the database could not be reached. Check that it is running, then run: " + restart
					+ " (details in logs/).";
			case OTHER ->
				"运行失败" + where + "，详情见日志 logs/village-returns.log。请排除原因后运行 " + restart + "。/ The run failed" + whereEn
						+ "; the details are in logs/village-returns.log. Remove the cause, then run: " + restart + ".";
		};
	}

	/** What a failure's messages (exception classes and texts, stack traces) point to. */
	enum Cause {

		DISK_FULL, NOT_WRITABLE, DATABASE, OTHER;

		static Cause of(List<String> texts) {
			String all = String.join("\n", texts).toLowerCase(Locale.ROOT);
			if (containsAny(all, "no space left on device", "disk full", "not enough space")) {
				return DISK_FULL;
			}
			if (containsAny(all, "read-only file system", "accessdeniedexception", "permission denied")) {
				return NOT_WRITABLE;
			}
			if (containsAny(all, "sqlexception", "cannotgetjdbcconnection", "dataaccessresourcefailure",
					"communications link failure", "connection is not available", "connection refused",
					"jdbcconnectionexception", "transientdataaccess")) {
				return DATABASE;
			}
			return OTHER;
		}

		private static boolean containsAny(String text, String... parts) {
			for (String part : parts) {
				if (text.contains(part)) {
					return true;
				}
			}
			return false;
		}

	}

}
