package cn.xinning.villagereturns.returns;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.xinning.villagereturns.support.Text;

/**
 * The period spellings of spec section 3: {@code 2026-10}, {@code 202610},
 * {@code 2026/10}, {@code 2026.10}, {@code 2026年10月}, and a date in the month
 * ({@code 2026-10-01}, which is what Excel turns "2026-10" into), all with full-width
 * digits allowed. {@code 2026.1} is refused as ambiguous (see {@link #isAmbiguous}).
 */
public final class Periods {

	private static final Pattern YEAR_MONTH = Pattern.compile("(\\d{4})[-/.](\\d{1,2})");

	private static final Pattern COMPACT = Pattern.compile("(\\d{4})(\\d{2})");

	private static final Pattern CHINESE = Pattern.compile("(\\d{4})\\s*年\\s*(\\d{1,2})\\s*月份?");

	private static final Pattern DATE = Pattern
		.compile("(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})(?:[ T]0{1,2}:00(?::00(?:\\.0+)?)?)?");

	/**
	 * {@code 2026.10} typed in a number cell is saved by office software as
	 * {@code 2026.1}: it may mean January or October. No other month loses a digit that
	 * way ({@code 2026.20} is no month).
	 */
	private static final Pattern AMBIGUOUS = Pattern.compile("\\d{4}\\.1");

	private Periods() {
	}

	/** {@code YYYY.1}: January, or October saved from a number cell; read as neither. */
	public static boolean isAmbiguous(String raw) {
		return AMBIGUOUS.matcher(Text.normalize(raw)).matches();
	}

	public static Optional<YearMonth> parse(String raw) {
		String text = Text.normalize(raw);
		if (AMBIGUOUS.matcher(text).matches()) {
			return Optional.empty();
		}
		Matcher m;
		if ((m = YEAR_MONTH.matcher(text)).matches() || (m = COMPACT.matcher(text)).matches()
				|| (m = CHINESE.matcher(text)).matches()) {
			return yearMonth(m.group(1), m.group(2));
		}
		if ((m = DATE.matcher(text)).matches()) {
			try {
				LocalDate date = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
						Integer.parseInt(m.group(3)));
				return Optional.of(YearMonth.from(date));
			}
			catch (DateTimeException ex) {
				return Optional.empty();
			}
		}
		return Optional.empty();
	}

	private static Optional<YearMonth> yearMonth(String year, String month) {
		int m = Integer.parseInt(month);
		if (m < 1 || m > 12) {
			return Optional.empty();
		}
		return Optional.of(YearMonth.of(Integer.parseInt(year), m));
	}

}
