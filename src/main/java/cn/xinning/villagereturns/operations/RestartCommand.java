package cn.xinning.villagereturns.operations;

import java.util.concurrent.Callable;

import org.springframework.beans.factory.annotation.Autowired;

import cn.xinning.villagereturns.VillageReturnsProperties;
import cn.xinning.villagereturns.ingest.IngestService;
import cn.xinning.villagereturns.ingest.IngestSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code restart ID}: a failed or stopped run, from where it stopped. */
@Command(name = "restart", mixinStandardHelpOptions = true, description = { "从中断处重跑失败或停止的运行；进程已不存在的“运行中”运行先恢复再重跑。",
		"Restart a FAILED or STOPPED run where it stopped; a run left running by a dead process is recovered first." })
public class RestartCommand implements Callable<Integer> {

	@Mixin
	RootOption root;

	@Parameters(index = "0", paramLabel = "ID", description = "The run number (see executions).")
	long runId;

	@Spec
	picocli.CommandLine.Model.CommandSpec spec;

	@Autowired
	IngestService ingestService;

	@Autowired
	VillageReturnsProperties properties;

	@Override
	public Integer call() throws Exception {
		IngestSummary summary = this.ingestService.restart(this.runId);
		SummaryPrinter.print(summary, this.spec.commandLine().getOut(),
				"en".equalsIgnoreCase(this.properties.language()));
		return summary.completed() ? Cli.OK : Cli.FAILED;
	}

}
