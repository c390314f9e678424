package cn.xinning.villagereturns.returns;

import java.util.regex.Pattern;

import cn.xinning.villagereturns.support.Text;

/** How a village code cell reads, including the two ways Excel damages a long number. */
public final class VillageCodes {

	private static final Pattern CODE = Pattern.compile("\\d{12}");

	private static final Pattern SCIENTIFIC = Pattern.compile("\\d+(\\.\\d+)?[eE]\\+?\\d+");

	private static final Pattern TRAILING_DECIMAL = Pattern.compile("\\d+\\.0+");

	public enum Shape {

		/** Twelve digits. */
		CODE,
		/**
		 * {@code 4.30528E+11}: Excel showed the code in scientific notation and saved it
		 * so.
		 */
		EXCEL_SCIENTIFIC,
		/** {@code 430528101201.0}: the code went through a number format. */
		EXCEL_DECIMAL,
		/** Digits, but not twelve of them. */
		WRONG_LENGTH,
		/** Empty. */
		EMPTY,
		/** Anything else. */
		NOT_A_CODE

	}

	private VillageCodes() {
	}

	public static String normalize(String raw) {
		return Text.normalize(raw);
	}

	public static Shape shape(String normalized) {
		if (normalized.isEmpty()) {
			return Shape.EMPTY;
		}
		if (CODE.matcher(normalized).matches()) {
			return Shape.CODE;
		}
		if (SCIENTIFIC.matcher(normalized).matches()) {
			return Shape.EXCEL_SCIENTIFIC;
		}
		if (TRAILING_DECIMAL.matcher(normalized).matches()) {
			return Shape.EXCEL_DECIMAL;
		}
		if (normalized.chars().allMatch(Character::isDigit)) {
			return Shape.WRONG_LENGTH;
		}
		return Shape.NOT_A_CODE;
	}

}
