package cn.xinning.villagereturns.console.web;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * A screen's {@code period} query parameter: a month as the month input sends it
 * ({@code 2026-10}). Blank or not a month reads as "not given", so the screen opens at
 * its default month instead of failing on a hand-edited address.
 */
public final class PeriodParameter {

	private PeriodParameter() {
	}

	public static Optional<YearMonth> parse(String text) {
		if (text == null || text.isBlank()) {
			return Optional.empty();
		}
		try {
			return Optional.of(YearMonth.parse(text.strip()));
		}
		catch (DateTimeParseException ex) {
			return Optional.empty();
		}
	}

}
