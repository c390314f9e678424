package cn.xinning.villagereturns.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import cn.xinning.villagereturns.anomaly.Flag;
import cn.xinning.villagereturns.anomaly.FlagSeverity;
import cn.xinning.villagereturns.anomaly.Score;

/**
 * The ladder's flags of spec section 12, for one issue in force: village-level, in the
 * month the issue was raised, with an empty indicator, the days late or open as the
 * observed value, and the issue number as the flag's subject (two issues of a village are
 * two flags).
 */
final class IssueFlagRules {

	static final String LATE_ESCALATION_TOWNSHIP = "LATE_ESCALATION_TOWNSHIP";

	static final String LATE_ESCALATION_COUNTY = "LATE_ESCALATION_COUNTY";

	static final String STALE_ISSUE = "STALE_ISSUE";

	static final List<String> ALL = List.of(LATE_ESCALATION_TOWNSHIP, LATE_ESCALATION_COUNTY, STALE_ISSUE);

	private IssueFlagRules() {
	}

	/**
	 * @param issue the issue in force
	 * @param villageName the village's name, for the message
	 * @param today the business date the flags are judged at
	 * @param staleOnly only the rule that depends on the date
	 */
	static List<Flag> flags(LedgerIssue issue, String villageName, LocalDate today, boolean staleOnly) {
		List<Flag> flags = new ArrayList<>(1);
		if (!staleOnly) {
			IssueLadder.townshipDaysLate(issue)
				.ifPresent((days) -> flags.add(flag(issue, LATE_ESCALATION_TOWNSHIP, FlagSeverity.MEDIUM, days,
						"flag.ledger.lateTownship", villageName, issue.issueNo(), issue.raisedOn().toString(),
						issue.escalatedTownshipOn().get().toString(),
						IssueLadder.townshipDeadline(issue.raisedOn()).toString(), String.valueOf(days))));
			IssueLadder.countyDaysLate(issue)
				.ifPresent((days) -> flags.add(flag(issue, LATE_ESCALATION_COUNTY, FlagSeverity.MEDIUM, days,
						"flag.ledger.lateCounty", villageName, issue.issueNo(), issue.raisedOn().toString(),
						issue.escalatedTownshipOn().get().toString(), issue.escalatedCountyOn().get().toString(),
						IssueLadder.countyDeadline(issue.escalatedTownshipOn().get()).toString(),
						String.valueOf(days))));
		}
		IssueLadder.staleDays(issue, today)
			.ifPresent((days) -> flags
				.add(flag(issue, STALE_ISSUE, FlagSeverity.HIGH, days, "flag.ledger.stale", villageName,
						issue.issueNo(), issue.raisedOn().toString(), String.valueOf(days), today.toString())));
		return flags;
	}

	private static Flag flag(LedgerIssue issue, String rule, FlagSeverity severity, long days, String messageKey,
			Object... arguments) {
		return new Flag(issue.period(), Flag.VILLAGE, issue.villageCode(), "", rule, severity,
				Optional.of(BigDecimal.valueOf(days)), Optional.empty(), Optional.empty(), Score.none(), messageKey,
				List.of(arguments), issue.issueNo());
	}

}
