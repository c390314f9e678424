package cn.xinning.villagereturns.reporting;

/**
 * An aggregate of spec section 6 as the exports write it
 * ({@code township_indicators.csv}, {@code county_indicators.csv}): {@code value} and
 * {@code ytd} are the exported texts, empty when no village reported (missing is not
 * zero), with the coverage beside them.
 *
 * @param value the month's total as exported, or empty
 * @param ytd the year to date as exported, or empty
 * @param reporting villages with an accepted value
 * @param expected villages valid in the period
 */
public record Figure(String value, String ytd, int reporting, int expected) {

	public boolean fullyReported() {
		return this.reporting == this.expected;
	}

	/** No village reported the indicator: the value is empty, never 0. */
	public boolean missing() {
		return this.value.isEmpty();
	}

}
