package cn.xinning.villagereturns.anomaly;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.springframework.stereotype.Component;

import cn.xinning.villagereturns.VillageReturnsProperties.Rules;
import cn.xinning.villagereturns.reference.Village;
import cn.xinning.villagereturns.support.Numbers;

/**
 * W-VISITS, W-WEEKLY, W-LOAD: the warnings of spec section 4, judged again on the
 * accepted return in force, so that a correction that removes the cause closes the flag.
 */
@Component
public class WarningRules implements VillageRule {

	public static final String VISITS = "W-VISITS";

	public static final String WEEKLY = "W-WEEKLY";

	public static final String LOAD = "W-LOAD";

	@Override
	public List<String> codes() {
		return List.of(VISITS, WEEKLY, LOAD);
	}

	@Override
	public void evaluate(VillageData data, Village village, RuleContext context, Consumer<Flag> flags) {
		var current = data.in(context.period());
		if (current.isEmpty()) {
			return;
		}
		Map<String, BigDecimal> values = current.get().values();
		Rules rules = context.warnings();
		BigDecimal visits = values.get("HOME_VISITS");
		BigDecimal households = values.get("PAIRED_HOUSEHOLDS");
		BigDecimal cadres = values.get("PAIRED_CADRES");
		BigDecimal meetings = values.get("WEEKLY_CASE_MEETINGS");
		if (context.anomaly().isOn(VISITS) && visits != null && households != null) {
			BigDecimal limit = households.multiply(BigDecimal.valueOf(rules.visitsPerHousehold()));
			if (visits.compareTo(limit) > 0) {
				flags.accept(flag(context, village, "HOME_VISITS", VISITS, visits, null, limit, "flag.visits",
						Numbers.format(visits), Numbers.format(households),
						String.valueOf(rules.visitsPerHousehold())));
			}
		}
		BigDecimal minMeetings = BigDecimal.valueOf(rules.minWeeklyMeetings());
		if (context.anomaly().isOn(WEEKLY) && meetings != null && meetings.compareTo(minMeetings) < 0) {
			flags.accept(flag(context, village, "WEEKLY_CASE_MEETINGS", WEEKLY, meetings, minMeetings, null,
					"flag.weekly", Numbers.format(meetings), String.valueOf(rules.minWeeklyMeetings())));
		}
		if (context.anomaly().isOn(LOAD) && households != null && cadres != null) {
			BigDecimal limit = cadres.multiply(BigDecimal.valueOf(rules.householdsPerCadre()));
			if (households.compareTo(limit) > 0) {
				flags.accept(flag(context, village, "PAIRED_HOUSEHOLDS", LOAD, households, null, limit, "flag.load",
						Numbers.format(households), Numbers.format(cadres),
						String.valueOf(rules.householdsPerCadre())));
			}
		}
	}

	private static Flag flag(RuleContext context, Village village, String indicator, String rule, BigDecimal observed,
			BigDecimal low, BigDecimal high, String key, Object... arguments) {
		return new Flag(context.period(), Flag.VILLAGE, village.code(), indicator, rule,
				context.anomaly().severityOf(rule, FlagSeverity.LOW), Optional.of(observed), Optional.ofNullable(low),
				Optional.ofNullable(high), Score.none(), key, List.of(arguments));
	}

}
