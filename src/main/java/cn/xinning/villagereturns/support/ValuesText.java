package cn.xinning.villagereturns.support;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * A return's values as one compact text,
 * {@code HOME_VISITS=412.00;LAND_TRANSFER_MU=35.50}, codes in order, two decimals: the
 * form the flag detector reads (one row per village and month instead of one per value).
 * Indicator codes are letters, digits, "_", "." and "-" (the catalogue is checked), so
 * neither separator can occur in them.
 */
public final class ValuesText {

	private ValuesText() {
	}

	public static String encode(Map<String, BigDecimal> values) {
		StringBuilder text = new StringBuilder();
		new TreeMap<>(values).forEach((code, value) -> {
			if (text.length() > 0) {
				text.append(';');
			}
			text.append(code).append('=').append(value.setScale(2, RoundingMode.UNNECESSARY).toPlainString());
		});
		return text.toString();
	}

	public static Map<String, BigDecimal> decode(String text) {
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
			values.put(text.substring(start, equals), new BigDecimal(text.substring(equals + 1, end)));
			start = end + 1;
		}
		return values;
	}

}
