package cn.xinning.villagereturns.support;

import java.math.BigDecimal;

/**
 * Exact decimal arithmetic and the export number format ({@code 35.5}, {@code 412}, never
 * {@code 4.12E+2}).
 */
public final class Numbers {

	private Numbers() {
	}

	public static boolean isWhole(BigDecimal value) {
		return value.signum() == 0 || value.stripTrailingZeros().scale() <= 0;
	}

	/** The value without trailing zeros, and never in exponent form. */
	public static BigDecimal canonical(BigDecimal value) {
		BigDecimal stripped = value.stripTrailingZeros();
		return (stripped.scale() < 0) ? stripped.setScale(0) : stripped;
	}

	/** Digits and at most one dot: what the exports and messages show. */
	public static String format(BigDecimal value) {
		return canonical(value).toPlainString();
	}

}
