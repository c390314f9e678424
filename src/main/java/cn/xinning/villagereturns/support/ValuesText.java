package cn.xinning.villagereturns.support;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * A return's values as one compact text, {@code #7=412.00;#12=35.50}: the form the flag
 * detector reads (one row per village and month instead of one per value). Each value is
 * its indicator's number in {@link ValueCodes} after {@code #}, or the code itself when
 * it has no number ({@code HOME_VISITS=412.00}, as every text was written before V78);
 * then the value with two decimals; codes in their String order. Indicator codes are
 * letters, digits, "_", "." and "-" (the catalogue is checked), so neither separator nor
 * the {@code #} can occur in them, and a text of either form, or of both, reads the same.
 * <p>
 * Why numbers: flagging reads thirteen months of every village's texts (325,000 at a
 * province), and the codes were two thirds of their characters (445 a text on average);
 * reading a province's texts took a JDBC client 1.5 s with the codes and 0.55 s with
 * short numbers (measured on MariaDB, one thread, 300,000 rows). In the bench the saving
 * showed in acceptance instead (it reads the staged texts and loads the texts in force,
 * waiting on the server alone): 2.3 s a province month before, 1.9 s after; flagging
 * mostly waits for its rows either way (README, Benchmarks).
 */
public final class ValuesText {

	private ValuesText() {
	}

	public static String encode(Map<String, BigDecimal> values, ValueCodes codes) {
		StringBuilder text = new StringBuilder();
		new TreeMap<>(values).forEach((code, value) -> {
			if (text.length() > 0) {
				text.append(';');
			}
			int number = codes.numberOf(code);
			if (number > 0) {
				text.append('#').append(number);
			}
			else {
				text.append(code);
			}
			text.append('=').append(value.setScale(2, RoundingMode.UNNECESSARY).toPlainString());
		});
		return text.toString();
	}

	/**
	 * @throws IllegalStateException for a number the table does not know (a text is only
	 * written with numbers the table held, and numbers are never taken back)
	 */
	public static Map<String, BigDecimal> decode(String text, ValueCodes codes) {
		Map<String, BigDecimal> values = new HashMap<>();
		if (text == null || text.isEmpty()) {
			return values;
		}
		int start = 0;
		while (start < text.length()) {
			int end = text.indexOf(';', start);
			if (end < 0) {
				end = text.length();
			}
			int equals = text.indexOf('=', start);
			values.put(code(text, start, equals, codes), new BigDecimal(text.substring(equals + 1, end)));
			start = end + 1;
		}
		return values;
	}

	/** The code of the part of a text between {@code from} and {@code to}. */
	public static String code(String text, int from, int to, ValueCodes codes) {
		if (text.charAt(from) != '#') {
			return text.substring(from, to);
		}
		int number = number(text, from, to);
		String code = codes.codeOf(number);
		if (code == null) {
			throw new IllegalStateException(
					"Value text names indicator number " + number + ", which table value_code does not hold: " + text);
		}
		return code;
	}

	/** The number of a part {@code #n} of a text, without a new string. */
	public static int number(String text, int from, int to) {
		int number = 0;
		for (int i = from + 1; i < to; i++) {
			char c = text.charAt(i);
			if (c < '0' || c > '9' || number > 100_000_000) {
				throw new IllegalStateException("Not an indicator number in value text: " + text);
			}
			number = number * 10 + (c - '0');
		}
		if (to <= from + 1) {
			throw new IllegalStateException("Not an indicator number in value text: " + text);
		}
		return number;
	}

}
