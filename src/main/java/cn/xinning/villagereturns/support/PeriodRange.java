package cn.xinning.villagereturns.support;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;

/**
 * Periods from {@code first} to {@code last}, inclusive; written {@code 2026-10} or
 * {@code 2026-01..2026-10}.
 */
public record PeriodRange(YearMonth first, YearMonth last) {

	public PeriodRange {
		if (last.isBefore(first)) {
			throw new IllegalArgumentException("The period range ends before it starts: " + first + ".." + last);
		}
	}

	public static PeriodRange parse(String text) {
		String[] parts = text.strip().split("\\.\\.", -1);
		try {
			if (parts.length == 1) {
				YearMonth period = YearMonth.parse(parts[0].strip());
				return new PeriodRange(period, period);
			}
			if (parts.length == 2) {
				return new PeriodRange(YearMonth.parse(parts[0].strip()), YearMonth.parse(parts[1].strip()));
			}
		}
		catch (DateTimeParseException ex) {
			// fall through to the message below
		}
		throw new IllegalArgumentException("--period \"" + text + "\" is not YYYY-MM or YYYY-MM..YYYY-MM");
	}

	public String firstText() {
		return this.first.toString();
	}

	public String lastText() {
		return this.last.toString();
	}

	public boolean contains(YearMonth period) {
		return !period.isBefore(this.first) && !period.isAfter(this.last);
	}

}
