package cn.xinning.villagereturns.anomaly;

import java.math.BigDecimal;
import java.math.RoundingMode;

import cn.xinning.villagereturns.support.Numbers;

/**
 * A flag's score: a number, plus or minus infinity (a value away from a history that
 * never varied), or none (a flag without a numeric observation).
 */
public sealed interface Score {

	/** Stored and exported with four decimals; thresholds compare the exact value. */
	int SCALE = 4;

	record None() implements Score {
	}

	record Finite(BigDecimal value) implements Score {

		/** As stored and exported. */
		public BigDecimal stored() {
			return this.value.setScale(SCALE, RoundingMode.HALF_UP);
		}

	}

	record Infinite(int sign) implements Score {
	}

	static Score none() {
		return new None();
	}

	static Score of(BigDecimal value) {
		return new Finite(value);
	}

	static Score infinite(int sign) {
		return new Infinite((sign < 0) ? -1 : 1);
	}

	/** |score|, infinite when infinite. */
	default boolean exceeds(BigDecimal threshold) {
		if (this instanceof Infinite) {
			return true;
		}
		return (this instanceof Finite finite) && finite.value().abs().compareTo(threshold) > 0;
	}

	/** As exported: {@code 9.8123}, {@code inf}, {@code -inf}, or empty. */
	default String text() {
		if (this instanceof Finite finite) {
			return Numbers.format(finite.stored());
		}
		if (this instanceof Infinite infinite) {
			return (infinite.sign() < 0) ? "-inf" : "inf";
		}
		return "";
	}

	/** For messages: one decimal, or ∞. */
	default String shortText() {
		if (this instanceof Finite finite) {
			return Numbers.format(finite.value().abs().setScale(1, RoundingMode.HALF_UP));
		}
		return (this instanceof Infinite) ? "∞" : "";
	}

}
