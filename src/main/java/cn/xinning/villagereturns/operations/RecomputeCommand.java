package cn.xinning.villagereturns.operations;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;

import org.springframework.beans.factory.annotation.Autowired;

import cn.xinning.villagereturns.aggregation.RecomputeService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code recompute --period P}: recomputes a period's figures from the accepted data. */
@Command(name = "recompute", mixinStandardHelpOptions = true, description = { "按已接收的数据重新计算一个期别的汇总、报送率和预警。",
		"Recompute a period's aggregates, completeness and flags from the accepted data." })
public class RecomputeCommand implements Callable<Integer> {

	@Mixin
	RootOption root;

	@Option(names = "--period", required = true, paramLabel = "YYYY-MM", description = "The period to recompute.")
	String period;

	@Spec
	picocli.CommandLine.Model.CommandSpec spec;

	@Autowired
	RecomputeService recomputeService;

	@Override
	public Integer call() {
		YearMonth month;
		try {
			month = YearMonth.parse(this.period.strip());
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException("--period \"" + this.period + "\" is not YYYY-MM");
		}
		// a run writing the same periods is waited for (the periods' locks)
		List<YearMonth> done = this.recomputeService.recompute(month);
		this.spec.commandLine()
			.getOut()
			.println("已重新计算 recomputed: " + String.join(", ", done.stream().map(YearMonth::toString).toList()));
		return Cli.OK;
	}

}
