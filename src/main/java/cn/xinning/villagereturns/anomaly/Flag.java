package cn.xinning.villagereturns.anomaly;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/**
 * What a rule says about accepted data: one flag with its evidence.
 *
 * @param period the period
 * @param orgLevel VILLAGE or TOWNSHIP
 * @param orgCode the village or township code
 * @param indicator the indicator code, or empty for a whole return or a village
 * @param rule the rule code
 * @param severity its severity
 * @param observed the value that raised it, if it is about one value
 * @param expectedLow lower end of the range the value was expected in, if any
 * @param expectedHigh upper end of that range, if any
 * @param score how far out the value is (rule-specific), or none
 * @param messageKey the message explaining it ({@code i18n/messages})
 * @param arguments the message's arguments
 * @param subject what the flag is about within the village beyond an indicator (the issue
 * number of a ledger flag), or empty
 */
public record Flag(YearMonth period, String orgLevel, String orgCode, String indicator, String rule,
		FlagSeverity severity, Optional<BigDecimal> observed, Optional<BigDecimal> expectedLow,
		Optional<BigDecimal> expectedHigh, Score score, String messageKey, List<Object> arguments, String subject) {

	public static final String VILLAGE = "VILLAGE";

	public Flag {
		expectedLow = expectedLow.map(Flag::rounded);
		expectedHigh = expectedHigh.map(Flag::rounded);
		arguments = List.copyOf(arguments);
	}

	/** A flag about a return, a value or a village: without a subject. */
	public Flag(YearMonth period, String orgLevel, String orgCode, String indicator, String rule, FlagSeverity severity,
			Optional<BigDecimal> observed, Optional<BigDecimal> expectedLow, Optional<BigDecimal> expectedHigh,
			Score score, String messageKey, List<Object> arguments) {
		this(period, orgLevel, orgCode, indicator, rule, severity, observed, expectedLow, expectedHigh, score,
				messageKey, arguments, "");
	}

	/** Identifies "the same flag" across recomputations. */
	public record Key(String period, String orgLevel, String orgCode, String indicator, String rule, String subject) {
	}

	public Key key() {
		return new Key(this.period.toString(), this.orgLevel, this.orgCode, this.indicator, this.rule, this.subject);
	}

	private static BigDecimal rounded(BigDecimal value) {
		return value.setScale(Score.SCALE, RoundingMode.HALF_UP);
	}

}
