package cn.xinning.villagereturns.operations;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.springframework.beans.factory.annotation.Autowired;

import cn.xinning.villagereturns.VillageReturnsProperties;
import cn.xinning.villagereturns.anomaly.AnomalyService;
import cn.xinning.villagereturns.anomaly.AnomalyService.StoredFlag;
import cn.xinning.villagereturns.support.Numbers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code anomalies}: lists flags; {@code anomalies review}: records a review. */
@Command(name = "anomalies", mixinStandardHelpOptions = true,
		description = { "查看异常预警；用 review 子命令审核。", "List anomaly flags; review one with the review subcommand." },
		subcommands = AnomaliesCommand.Review.class)
public class AnomaliesCommand implements Callable<Integer> {

	@Mixin
	RootOption root;

	@Option(names = "--period", paramLabel = "YYYY-MM", description = "Only this period.")
	String period;

	@Option(names = "--status", paramLabel = "S", description = "Only this status: OPEN, CONFIRMED, DISMISSED, CLOSED.")
	String status;

	@Spec
	picocli.CommandLine.Model.CommandSpec spec;

	@Autowired
	AnomalyService anomalies;

	@Autowired
	VillageReturnsProperties properties;

	@Override
	public Integer call() {
		PrintWriter out = this.spec.commandLine().getOut();
		boolean english = "en".equalsIgnoreCase(this.properties.language());
		List<StoredFlag> flags = this.anomalies.list(Optional.ofNullable(this.period),
				Optional.ofNullable(this.status));
		out.println(english
				? "id  period  village  indicator  rule  severity  status  observed  expected  score  explanation"
				: "编号  期别  单位  指标  规则  级别  状态  实际值  预期范围  偏离  说明");
		for (StoredFlag flag : flags) {
			out.printf("%d  %s  %s %s  %s  %s  %s  %s  %s  %s  %s  %s%n", flag.id(), flag.period(), flag.orgCode(),
					flag.orgName(), flag.indicator().isEmpty() ? "-" : flag.indicator(), flag.rule(), flag.severity(),
					flag.status(), flag.observed().map(Numbers::format).orElse("-"), range(flag),
					flag.score().isEmpty() ? "-" : flag.score(), flag.message(english));
		}
		out.println((english ? "Flags: " : "共 ") + flags.size() + (english ? "" : " 条"));
		return Cli.OK;
	}

	private static String range(StoredFlag flag) {
		if (flag.expectedLow().isEmpty() && flag.expectedHigh().isEmpty()) {
			return "-";
		}
		return "[" + flag.expectedLow().map(Numbers::format).orElse("") + ", "
				+ flag.expectedHigh().map(Numbers::format).orElse("") + "]";
	}

	/**
	 * {@code anomalies review ID --status CONFIRMED|DISMISSED|OPEN --note TEXT --by NAME}.
	 */
	@Command(name = "review", mixinStandardHelpOptions = true,
			description = { "审核一条预警：确认（CONFIRMED）或排除（DISMISSED），并写明理由。",
					"Review a flag: CONFIRMED or DISMISSED (or back to OPEN), with a note." })
	public static class Review implements Callable<Integer> {

		@Mixin
		RootOption root;

		@Parameters(index = "0", paramLabel = "ID", description = "The flag's id (see anomalies).")
		long id;

		@Option(names = "--status", required = true, paramLabel = "S", description = "CONFIRMED, DISMISSED or OPEN.")
		String status;

		@Option(names = "--note", required = true, paramLabel = "TEXT", description = "Why (kept with the flag).")
		String note;

		@Option(names = "--by", paramLabel = "NAME", description = "Who reviews. Default: the operating-system user.")
		String by;

		@Spec
		picocli.CommandLine.Model.CommandSpec spec;

		@Autowired
		AnomalyService anomalies;

		@Autowired
		cn.xinning.villagereturns.console.audit.Audit audit;

		@Override
		public Integer call() {
			String reviewer = (this.by != null) ? this.by : System.getProperty("user.name", "");
			// the same service as the console's review: status, latest review, a history
			// row
			StoredFlag flag = this.anomalies.review(this.id, this.status, this.note, reviewer);
			// and the same audit, so that every review is there whichever way it came
			this.audit.record(reviewer, cn.xinning.villagereturns.console.audit.Audit.Action.REVIEW,
					"flag " + flag.id() + " " + flag.period() + " " + flag.orgCode() + " " + flag.rule() + " → "
							+ flag.status() + " (command line): " + flag.reviewNote(),
					null);
			this.spec.commandLine()
				.getOut()
				.printf("预警 flag %d：%s（%s %s %s）%n", flag.id(), flag.status(), flag.period(), flag.orgCode(),
						flag.rule());
			return Cli.OK;
		}

	}

}
