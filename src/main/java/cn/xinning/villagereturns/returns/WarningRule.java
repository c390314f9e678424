package cn.xinning.villagereturns.returns;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

import cn.xinning.villagereturns.VillageReturnsProperties.Rules;
import cn.xinning.villagereturns.support.Numbers;
import cn.xinning.villagereturns.validation.RuleCode;

/**
 * The warning rules of spec section 4, written once: validation reports them as a WARNING
 * of the return being read, and flagging raises them again as LOW flags on the accepted
 * return in force (so that a correction that removes the cause closes the flag). A value
 * equal to its limit is fine; a rule whose values are not all reported says nothing.
 */
public enum WarningRule {

	/** HOME_VISITS at most {@code visitsPerHousehold} times PAIRED_HOUSEHOLDS. */
	VISITS(RuleCode.W_VISITS, Indicators.HOME_VISITS, "warn.visits", "flag.visits") {
		@Override
		Optional<Breach> judge(Function<String, BigDecimal> values, Rules rules) {
			// the clerk's warning also names the limit ({3}); the flag carries it as its
			// range
			return atMostTimes(values.apply(Indicators.HOME_VISITS), values.apply(Indicators.PAIRED_HOUSEHOLDS),
					rules.visitsPerHousehold(), true);
		}
	},

	/** WEEKLY_CASE_MEETINGS at least {@code minWeeklyMeetings}. */
	WEEKLY(RuleCode.W_WEEKLY, Indicators.WEEKLY_CASE_MEETINGS, "warn.weekly", "flag.weekly") {
		@Override
		Optional<Breach> judge(Function<String, BigDecimal> values, Rules rules) {
			BigDecimal meetings = values.apply(Indicators.WEEKLY_CASE_MEETINGS);
			BigDecimal minimum = BigDecimal.valueOf(rules.minWeeklyMeetings());
			if (meetings == null || meetings.compareTo(minimum) >= 0) {
				return Optional.empty();
			}
			return Optional.of(new Breach(this, meetings, Optional.of(minimum), Optional.empty(),
					List.of(Numbers.format(meetings), String.valueOf(rules.minWeeklyMeetings()))));
		}
	},

	/** PAIRED_HOUSEHOLDS at most {@code householdsPerCadre} times PAIRED_CADRES. */
	LOAD(RuleCode.W_LOAD, Indicators.PAIRED_HOUSEHOLDS, "warn.load", "flag.load") {
		@Override
		Optional<Breach> judge(Function<String, BigDecimal> values, Rules rules) {
			return atMostTimes(values.apply(Indicators.PAIRED_HOUSEHOLDS), values.apply(Indicators.PAIRED_CADRES),
					rules.householdsPerCadre(), false);
		}
	};

	private final RuleCode code;

	private final String indicator;

	private final String warningKey;

	private final String flagKey;

	WarningRule(RuleCode code, String indicator, String warningKey, String flagKey) {
		this.code = code;
		this.indicator = indicator;
		this.warningKey = warningKey;
		this.flagKey = flagKey;
	}

	/**
	 * What a rule found.
	 *
	 * @param rule the rule
	 * @param observed the value of the rule's indicator
	 * @param low the least it should be, if the rule sets one
	 * @param high the most it should be, if the rule sets one
	 * @param arguments the arguments of the rule's messages (warning and flag)
	 */
	public record Breach(WarningRule rule, BigDecimal observed, Optional<BigDecimal> low, Optional<BigDecimal> high,
			List<Object> arguments) {
	}

	public RuleCode code() {
		return this.code;
	}

	/** The indicator the rule is about: the cell a warning points at. */
	public String indicator() {
		return this.indicator;
	}

	/** The message of the warning in a clerk's report. */
	public String warningKey() {
		return this.warningKey;
	}

	/** The message of the flag on accepted data. */
	public String flagKey() {
		return this.flagKey;
	}

	/** {@code value} at most {@code times} {@code base}. */
	Optional<Breach> atMostTimes(BigDecimal value, BigDecimal base, int times, boolean limitInMessage) {
		if (value == null || base == null) {
			return Optional.empty();
		}
		BigDecimal limit = base.multiply(BigDecimal.valueOf(times));
		if (value.compareTo(limit) <= 0) {
			return Optional.empty();
		}
		List<Object> arguments = limitInMessage
				? List.of(Numbers.format(value), Numbers.format(base), String.valueOf(times), Numbers.format(limit))
				: List.of(Numbers.format(value), Numbers.format(base), String.valueOf(times));
		return Optional.of(new Breach(this, value, Optional.empty(), Optional.of(limit), arguments));
	}

	abstract Optional<Breach> judge(Function<String, BigDecimal> values, Rules rules);

	/**
	 * Every rule of {@code rules} that the values break, in rule order.
	 * @param values a return's reported values by indicator code ({@code null} when not
	 * reported)
	 */
	public static void judge(List<WarningRule> rules, Function<String, BigDecimal> values, Rules thresholds,
			Consumer<Breach> breaches) {
		for (WarningRule rule : rules) {
			rule.judge(values, thresholds).ifPresent(breaches);
		}
	}

	/** The indicators the rules read (spec section 2). */
	private static final class Indicators {

		static final String HOME_VISITS = "HOME_VISITS";

		static final String PAIRED_HOUSEHOLDS = "PAIRED_HOUSEHOLDS";

		static final String PAIRED_CADRES = "PAIRED_CADRES";

		static final String WEEKLY_CASE_MEETINGS = "WEEKLY_CASE_MEETINGS";

	}

}
