package cn.xinning.villagereturns.console.flags;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.xinning.villagereturns.anomaly.AnomalyService.StoredFlag;
import cn.xinning.villagereturns.anomaly.CopiedReturnRule;
import cn.xinning.villagereturns.anomaly.FlagEvidence;
import cn.xinning.villagereturns.anomaly.HistoryOutlierRule;
import cn.xinning.villagereturns.anomaly.PeerOutlierRule;
import cn.xinning.villagereturns.anomaly.ReportingRules;
import cn.xinning.villagereturns.anomaly.StockChangeRule;
import cn.xinning.villagereturns.console.web.WebOnly;
import cn.xinning.villagereturns.ledger.IssueHistory;
import cn.xinning.villagereturns.ledger.IssueLadder;
import cn.xinning.villagereturns.ledger.LedgerIssue;

/**
 * Gathers a flag's evidence by its rule: the returns' rules from {@link FlagEvidence}
 * (the rules' own arithmetic over the data as accepted now), the ladder's from the issue
 * in force ({@link IssueHistory}) and its deadlines ({@link IssueLadder}, the one
 * implementation the flags use).
 */
@Component
@WebOnly
class FlagPages {

	private final FlagEvidence evidence;

	private final IssueHistory issues;

	FlagPages(FlagEvidence evidence, IssueHistory issues) {
		this.evidence = evidence;
		this.issues = issues;
	}

	Evidence of(StoredFlag flag) {
		YearMonth period = YearMonth.parse(flag.period());
		String village = flag.orgCode();
		return switch (flag.rule()) {
			case HistoryOutlierRule.CODE -> this.evidence.history(village, flag.indicator(), period)
				.<Evidence>map(Evidence.History::new)
				.orElse(new Evidence.None());
			case PeerOutlierRule.CODE -> this.evidence.peers(village, flag.indicator(), period)
				.<Evidence>map(Evidence.Peers::new)
				.orElse(new Evidence.None());
			case StockChangeRule.CODE -> new Evidence.Comparison(
					this.evidence.comparison(village, Optional.of(flag.indicator()), false, period));
			case CopiedReturnRule.CODE ->
				new Evidence.Comparison(this.evidence.comparison(village, Optional.empty(), true, period));
			case "W-VISITS", "W-WEEKLY", "W-LOAD" ->
				new Evidence.Comparison(this.evidence.comparison(village, Optional.empty(), false, period));
			case ReportingRules.MISSING, ReportingRules.LATE ->
				new Evidence.Reporting(this.evidence.reporting(village, period));
			case "LATE_ESCALATION_TOWNSHIP", "LATE_ESCALATION_COUNTY", "STALE_ISSUE" -> issue(flag);
			default -> new Evidence.None();
		};
	}

	private Evidence issue(StoredFlag flag) {
		Optional<IssueHistory.Entry> entry = this.issues
			.list(Optional.of(flag.orgCode()), Optional.empty(), Optional.of(flag.period()))
			.stream()
			.filter((e) -> e.issue().issueNo().equals(flag.subject()))
			.findFirst();
		if (entry.isEmpty()) {
			return new Evidence.None();
		}
		LedgerIssue issue = entry.get().issue();
		Optional<LocalDate> township = issue.escalatedTownshipOn();
		LocalDate townshipDeadline = IssueLadder.townshipDeadline(issue.raisedOn());
		Optional<LocalDate> countyDeadline = township.map(IssueLadder::countyDeadline);
		List<Evidence.Step> steps = List.of(
				new Evidence.Step("console.flags.issue.raised", Optional.of(issue.raisedOn()), Optional.empty(),
						Optional.empty(), false),
				new Evidence.Step("console.flags.issue.township", township, Optional.of(townshipDeadline),
						IssueLadder.townshipDaysLate(issue), "LATE_ESCALATION_TOWNSHIP".equals(flag.rule())),
				new Evidence.Step("console.flags.issue.county", issue.escalatedCountyOn(), countyDeadline,
						IssueLadder.countyDaysLate(issue), "LATE_ESCALATION_COUNTY".equals(flag.rule())),
				new Evidence.Step("console.flags.issue.resolved", issue.resolvedOn(), Optional.empty(),
						Optional.empty(), "STALE_ISSUE".equals(flag.rule())));
		return new Evidence.Issue(issue, steps, entry.get().history());
	}

}
