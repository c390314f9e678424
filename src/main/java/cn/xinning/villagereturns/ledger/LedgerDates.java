package cn.xinning.villagereturns.ledger;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.xinning.villagereturns.support.Text;

/**
 * The date spellings of a ledger: {@code 2026-10-08}, {@code 2026/10/8},
 * {@code 2026年10月8日} (and {@code 2026.10.8}), full-width digits allowed; Excel's
 * {@code 2026/10/8 0:00} too, since that is how it saves a date cell it formatted.
 */
public final class LedgerDates {

	private static final Pattern NUMERIC = Pattern
		.compile("(\\d{4})([-/.])(\\d{1,2})\\2(\\d{1,2})(?:[ T]0{1,2}:00(?::00(?:\\.0+)?)?)?");

	private static final Pattern CHINESE = Pattern.compile("(\\d{4})\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*[日号]");

	private LedgerDates() {
	}

	public static Optional<LocalDate> parse(String raw) {
		String text = Text.normalize(raw);
		Matcher m = NUMERIC.matcher(text);
		if (m.matches()) {
			return date(m.group(1), m.group(3), m.group(4));
		}
		m = CHINESE.matcher(text);
		if (m.matches()) {
			return date(m.group(1), m.group(2), m.group(3));
		}
		return Optional.empty();
	}

	private static Optional<LocalDate> date(String year, String month, String day) {
		try {
			return Optional.of(LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day)));
		}
		catch (DateTimeException ex) {
			return Optional.empty();
		}
	}

}
