package cn.xinning.villagereturns.operations;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.springframework.beans.factory.annotation.Autowired;

import cn.xinning.villagereturns.reporting.ReportFormat;
import cn.xinning.villagereturns.reporting.ReportService;
import cn.xinning.villagereturns.support.PeriodRange;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code report}: the exports other offices consume (spec section 10). */
@Command(name = "report", mixinStandardHelpOptions = true,
		description = { "导出报表（CSV/Excel/HTML）。", "Write the exports of a period (CSV, Excel, HTML)." })
public class ReportCommand implements Callable<Integer> {

	@Mixin
	RootOption root;

	@Option(names = "--period", required = true, paramLabel = "YYYY-MM",
			description = "The period, or a range YYYY-MM..YYYY-MM.")
	String period;

	@Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write the files into.")
	Path out;

	@Option(names = "--format", split = ",", paramLabel = "FORMAT", defaultValue = "csv",
			description = "csv, xlsx, html (comma-separated). Default: csv.")
	List<ReportFormat> formats;

	@Spec
	picocli.CommandLine.Model.CommandSpec spec;

	@Autowired
	ReportService reportService;

	@Autowired
	cn.xinning.villagereturns.aggregation.Aggregator aggregator;

	@Override
	public Integer call() throws Exception {
		PrintWriter console = this.spec.commandLine().getOut();
		PeriodRange range = PeriodRange.parse(this.period);
		List<java.time.YearMonth> pending = this.aggregator.pending(range.first(), range.last());
		if (!pending.isEmpty()) {
			this.spec.commandLine()
				.getErr()
				.println("注意：" + pending + " 有已接收的报表尚未计入汇总（有运行未完成），请先用 restart 重跑失败的运行。/ Warning: " + pending
						+ " have accepted returns not yet in the tables (a run did not complete); restart it first.");
		}
		for (Path written : this.reportService.write(range, this.out, this.formats)) {
			console.println(written);
		}
		return Cli.OK;
	}

}
