package cn.xinning.villagereturns.ledger;

import java.io.PrintWriter;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.springframework.beans.factory.annotation.Autowired;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import cn.xinning.villagereturns.VillageReturnsProperties;
import cn.xinning.villagereturns.operations.Cli;
import cn.xinning.villagereturns.operations.RootOption;

/**
 * {@code issues [--village V] [--status S] [--period P]}: the issues of the ledger with
 * their state in force and every state received before it.
 */
@Command(name = "issues", mixinStandardHelpOptions = true, description = { "查看民情问题清单：每个问题的当前状态和历次报送。",
		"List the issue ledger: each issue's current state and its history." })
public class IssuesCommand implements Callable<Integer> {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	@Mixin
	RootOption root;

	@Option(names = "--village", paramLabel = "V", description = "Only this village (12-digit code).")
	String village;

	@Option(names = "--status", paramLabel = "S",
			description = "Only this status: OPEN, RESOLVED_VILLAGE, ESCALATED_TOWNSHIP, RESOLVED_TOWNSHIP, ESCALATED_COUNTY, RESOLVED_COUNTY (or the Chinese label).")
	String status;

	@Option(names = "--period", paramLabel = "YYYY-MM", description = "Only issues raised in this month.")
	String period;

	@Spec
	picocli.CommandLine.Model.CommandSpec spec;

	@Autowired
	IssueHistory history;

	@Autowired
	VillageReturnsProperties properties;

	@Override
	public Integer call() {
		Optional<IssueStatus> status = Optional.ofNullable(this.status)
			.map((s) -> IssueStatus.of(s)
				.orElseThrow(() -> new IllegalArgumentException("--status \"" + s + "\" is not an issue status")));
		Optional<String> period = Optional.ofNullable(this.period).map((p) -> {
			try {
				return YearMonth.parse(p.strip()).toString();
			}
			catch (DateTimeParseException ex) {
				throw new IllegalArgumentException("--period \"" + p + "\" is not YYYY-MM");
			}
		});
		boolean english = "en".equalsIgnoreCase(this.properties.language());
		PrintWriter out = this.spec.commandLine().getOut();
		List<IssueHistory.Entry> entries = this.history.list(Optional.ofNullable(this.village).map(String::strip),
				status, period);
		out.println(english ? "village  issue  category  status  raised  township  county  resolved"
				: "村（社区）  问题编号  类别  状态  收集  报乡镇  报县  办结");
		for (IssueHistory.Entry entry : entries) {
			LedgerIssue issue = entry.issue();
			out.printf("%s %s  %s  %s  %s  %s%n", issue.villageCode(), entry.villageName(), issue.issueNo(),
					english ? issue.category().name() : issue.category().label() + " " + issue.category().name(),
					english ? issue.status().name() : issue.status().label() + " " + issue.status().name(),
					dates(issue) + ladder(issue, english));
			for (IssueHistory.State state : entry.history()) {
				out.printf("    %s %s run %d %s:%d  %s %s%n", state.inForce() ? "*" : "-",
						TIME.format(state.receivedAt()), state.runId(), state.file(), state.line(),
						state.issue().status().name(), dates(state.issue()));
			}
		}
		out.println((english ? "Issues: " : "共 ") + entries.size() + (english ? "" : " 个问题"));
		return Cli.OK;
	}

	private static String dates(LedgerIssue issue) {
		return issue.raisedOn() + "  " + IssueHistory.date(issue.escalatedTownshipOn()) + "  "
				+ IssueHistory.date(issue.escalatedCountyOn()) + "  " + IssueHistory.date(issue.resolvedOn());
	}

	/** The late escalations, as the flags say them. */
	private static String ladder(LedgerIssue issue, boolean english) {
		StringBuilder text = new StringBuilder();
		IssueLadder.townshipDaysLate(issue)
			.ifPresent((d) -> text.append(english ? "  township " + d + " days late" : "  报乡镇迟 " + d + " 天"));
		IssueLadder.countyDaysLate(issue)
			.ifPresent((d) -> text.append(english ? "  county " + d + " days late" : "  报县迟 " + d + " 天"));
		return text.toString();
	}

}
