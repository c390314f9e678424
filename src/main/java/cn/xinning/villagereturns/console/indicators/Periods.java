package cn.xinning.villagereturns.console.indicators;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;

/** The period a figures page shows: the one asked for, else the latest with figures. */
public final class Periods {

	private Periods() {
	}

	/**
	 * @param asked the {@code period} parameter (YYYY-MM), may be null or wrong
	 * @param periods the periods with figures, latest first, not empty
	 */
	public static YearMonth chosen(String asked, List<YearMonth> periods) {
		if (asked != null) {
			try {
				return YearMonth.parse(asked.strip());
			}
			catch (DateTimeParseException ex) {
				// an unreadable period shows the latest, as no period does
			}
		}
		return periods.get(0);
	}

}
