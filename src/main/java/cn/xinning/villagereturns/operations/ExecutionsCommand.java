package cn.xinning.villagereturns.operations;

import java.io.PrintWriter;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.springframework.beans.factory.annotation.Autowired;

import cn.xinning.villagereturns.ingest.Executions;
import cn.xinning.villagereturns.ingest.IngestSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code executions}: the run history; {@code executions show ID}: one run's steps. */
@Command(name = "executions", mixinStandardHelpOptions = true,
		description = { "运行记录：状态、业务时间、起止时间、文件与报表数、预警数。", "The run history: status, times, files, returns, flags." },
		subcommands = ExecutionsCommand.Show.class)
public class ExecutionsCommand implements Callable<Integer> {

	static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	@Mixin
	RootOption root;

	@Option(names = "--status", paramLabel = "S",
			description = "Only runs whose latest status is S (COMPLETED, FAILED, STOPPED, STARTED...).")
	String status;

	@Option(names = "--limit", paramLabel = "N", defaultValue = "20",
			description = "At most N runs, newest first. Default: 20.")
	int limit;

	@Spec
	picocli.CommandLine.Model.CommandSpec spec;

	@Autowired
	Executions executions;

	@Override
	public Integer call() {
		PrintWriter out = this.spec.commandLine().getOut();
		out.println(
				"run  status     business-time        started              ended                files  accepted  rejected  duplicate  flags");
		for (Executions.Run run : this.executions.list(Optional.ofNullable(this.status), this.limit)) {
			IngestSummary s = run.summary();
			out.printf("%-4d %-10s %-20s %-20s %-20s %5d  %8d  %8d  %9d  %5d%n", s.runId(), s.status(),
					TIME.format(s.asOf()), time(run.started()), time(run.ended()), s.files(), s.returnsAccepted(),
					s.returnsRejected(), s.returnsDuplicate(), s.flagsRaised());
		}
		return Cli.OK;
	}

	static String time(Optional<LocalDateTime> time) {
		return time.map(TIME::format).orElse("-");
	}

	/** {@code executions show ID}. */
	@Command(name = "show", mixinStandardHelpOptions = true, description = { "一次运行的各步骤：读、写、跳过、提交次数及退出信息。",
			"A run's steps with read/write/skip/commit counts and exit messages." })
	public static class Show implements Callable<Integer> {

		@Mixin
		RootOption root;

		@Parameters(index = "0", paramLabel = "ID", description = "The run number.")
		long runId;

		@Spec
		picocli.CommandLine.Model.CommandSpec spec;

		@Autowired
		Executions executions;

		@Override
		public Integer call() {
			PrintWriter out = this.spec.commandLine().getOut();
			Executions.Run run = this.executions.run(this.runId);
			IngestSummary s = run.summary();
			out.printf("运行 run #%d  %s  业务时间 business time %s  开始 started %s  结束 ended %s  执行次数 executions %d%n",
					s.runId(), s.status(), TIME.format(s.asOf()), time(run.started()), time(run.ended()),
					run.executions());
			out.printf(
					"文件 files %d (archived %d, rejected %d, duplicate %d)  报表 returns accepted %d, rejected %d, duplicate %d  预警 flags %d%n",
					s.files(), s.archived(), s.rejected(), s.duplicateFiles(), s.returnsAccepted(), s.returnsRejected(),
					s.returnsDuplicate(), s.flagsRaised());
			SummaryPrinter.printSetAsideAndLeft(s, out, false);
			if (!s.exitMessage().isBlank()) {
				out.println(s.exitMessage());
			}
			out.println(
					"execution  step                     status     read   write  skip  commit  rollback  exit message / worker");
			for (Executions.Step step : this.executions.steps(this.runId)) {
				out.printf("%-10d %-24s %-10s %5d  %6d  %4d  %6d  %8d  %s%n", step.executionId(), step.name(),
						step.status(), step.read(), step.written(), step.skipped(), step.commits(), step.rollbacks(),
						step.exitSummary() + (step.worker().isEmpty() ? "" : " [" + step.worker() + "]"));
			}
			return Cli.OK;
		}

	}

}
