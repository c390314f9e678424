package cn.xinning.villagereturns.anomaly;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.springframework.stereotype.Component;

import cn.xinning.villagereturns.reference.Village;

/**
 * MISSING_RETURN and LATE_RETURN: whether the village reported the period, and by the due
 * date. A missing return is flagged once the due date has passed at the run's business
 * time, in a period for which other villages have reported; the flag closes when the
 * return arrives.
 */
@Component
public class ReportingRules implements VillageRule {

	public static final String MISSING = "MISSING_RETURN";

	public static final String LATE = "LATE_RETURN";

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	@Override
	public List<String> codes() {
		return List.of(MISSING, LATE);
	}

	@Override
	public void evaluate(VillageData data, Village village, RuleContext context, Consumer<Flag> flags) {
		var current = data.in(context.period());
		String due = TIME.format(context.dueDates().dueOf(context.period()));
		if (current.isEmpty()) {
			if (context.anomaly().isOn(MISSING) && context.periodHasReturns()
					&& context.dueDates().hasPassed(context.period(), context.businessTime())) {
				flags.accept(flag(context, village, MISSING, FlagSeverity.HIGH, "flag.missing",
						context.period().toString(), due, village.name()));
			}
		}
		else if (context.anomaly().isOn(LATE)
				&& !context.dueDates().isOnTime(context.period(), current.get().firstReceivedAt())) {
			flags.accept(flag(context, village, LATE, FlagSeverity.LOW, "flag.late", context.period().toString(),
					TIME.format(current.get().firstReceivedAt()), due));
		}
	}

	private static Flag flag(RuleContext context, Village village, String rule, FlagSeverity fallback, String key,
			Object... arguments) {
		return new Flag(context.period(), Flag.VILLAGE, village.code(), "", rule,
				context.anomaly().severityOf(rule, fallback), Optional.empty(), Optional.empty(), Optional.empty(),
				Score.none(), key, List.of(arguments));
	}

}
