package cn.xinning.villagereturns.returns;

import java.math.BigDecimal;
import java.util.regex.Pattern;

import cn.xinning.villagereturns.support.Text;

/**
 * What a value cell says: nothing reported, a number, or something that is not a number.
 * An empty cell, {@code -}, {@code —} or {@code /} is "not reported", which is not zero.
 */
public sealed interface CellValue {

	/** Not reported. */
	record Missing() implements CellValue {
	}

	/** A number as written, thousands separators and full-width forms removed. */
	record Number(BigDecimal value) implements CellValue {
	}

	/** Not a number: never read as 0. */
	record NotANumber() implements CellValue {
	}

	Pattern MISSING = Pattern.compile("-+|—+|–+|―+|/");

	Pattern PLAIN = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");

	Pattern GROUPED = Pattern.compile("[+-]?\\d{1,3}(,\\d{3})+(\\.\\d*)?");

	static CellValue of(String raw) {
		String text = Text.normalize(raw);
		if (text.isEmpty() || MISSING.matcher(text).matches()) {
			return new Missing();
		}
		if (PLAIN.matcher(text).matches()) {
			return new Number(new BigDecimal(text));
		}
		if (GROUPED.matcher(text).matches()) {
			return new Number(new BigDecimal(text.replace(",", "")));
		}
		return new NotANumber();
	}

}
