package cn.xinning.villagereturns.operations;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.springframework.beans.factory.annotation.Autowired;

import cn.xinning.villagereturns.VillageReturnsProperties;
import cn.xinning.villagereturns.ingest.DryRunReport;
import cn.xinning.villagereturns.ingest.DryRunService;
import cn.xinning.villagereturns.ingest.IngestService;
import cn.xinning.villagereturns.ingest.IngestSummary;
import cn.xinning.villagereturns.support.BusinessTime;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ingest}: one run over the inbox. */
@Command(name = "ingest", mixinStandardHelpOptions = true, description = { "处理收件箱：认领、校验、接收、汇总、预警、归档。",
		"One run over the inbox: claim, validate, accept, aggregate, flag, file away." })
public class IngestCommand implements Callable<Integer> {

	@Mixin
	RootOption root;

	@Option(names = "--as-of", paramLabel = "DATETIME",
			description = "Business time of the run, e.g. 2026-11-04T10:00 (Asia/Shanghai) or with an offset. Default: now.")
	String asOf;

	@Option(names = "--dry-run", description = "Validate and report only; change nothing, move no file.")
	boolean dryRun;

	@Spec
	picocli.CommandLine.Model.CommandSpec spec;

	@Autowired
	IngestService ingestService;

	@Autowired
	DryRunService dryRunService;

	@Autowired
	VillageReturnsProperties properties;

	@Override
	public Integer call() throws Exception {
		PrintWriter out = this.spec.commandLine().getOut();
		var asOfTime = Optional.ofNullable(this.asOf).map((t) -> BusinessTime.parse(t, this.properties.timeZone()));
		boolean english = "en".equalsIgnoreCase(this.properties.language());
		if (this.dryRun) {
			DryRunReport report = this.dryRunService.dryRun(asOfTime);
			SummaryPrinter.print(report, out, english);
			return Cli.OK;
		}
		IngestSummary summary = this.ingestService.ingest(asOfTime);
		SummaryPrinter.print(summary, out, english);
		return summary.completed() ? Cli.OK : Cli.FAILED;
	}

}
