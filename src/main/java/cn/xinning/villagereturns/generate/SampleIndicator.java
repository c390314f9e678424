package cn.xinning.villagereturns.generate;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An indicator of the catalogue, as far as the generator needs it.
 *
 * @param code indicator code (the header of the English wide layout)
 * @param nameZh Chinese name (the header of the Chinese wide layout)
 * @param decimal DECIMAL (up to 2 places) rather than INTEGER
 * @param stock STOCK (a state) rather than FLOW (activity of the month)
 * @param required whether a return must carry a value
 * @param max absolute upper bound, or {@code null}
 * @param maxPerHousehold upper bound per registered household, or {@code null}
 */
record SampleIndicator(String code, String nameZh, boolean decimal, boolean stock, boolean required, BigDecimal max,
		BigDecimal maxPerHousehold) {

	/** Decimal places a generated value gets rounded to. */
	int scale() {
		return this.decimal ? 2 : 0;
	}

	/**
	 * The largest value V-BOUND accepts for a village of this size, rounded down to what
	 * the indicator can hold, or {@code null} when the catalogue sets no bound.
	 */
	BigDecimal limit(int households) {
		BigDecimal limit = this.max;
		if (this.maxPerHousehold != null) {
			BigDecimal perHousehold = this.maxPerHousehold.multiply(BigDecimal.valueOf(households));
			limit = (limit == null) ? perHousehold : limit.min(perHousehold);
		}
		return (limit != null) ? limit.setScale(scale(), RoundingMode.FLOOR) : null;
	}

}
