package cn.xinning.villagereturns.generate;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * The farming and festival calendar of a Hunan county, as multipliers by calendar month
 * (index 1..12). They are kept gentle on purpose: a seasonal peak must stay within the
 * spread that the anomaly rules of spec section 7 tolerate, or clean data would raise
 * flags.
 */
final class Seasons {

	/**
	 * Home visits: most around the Spring Festival (Jan/Feb), fewest at ploughing and
	 * harvest.
	 */
	private static final double[] VISITS = { 0, 1.25, 1.2, 1.0, 0.9, 0.85, 0.9, 0.95, 1.0, 0.95, 0.85, 1.0, 1.1 };

	/** Courtyard and hall meetings: held in the slack season, rare in busy months. */
	private static final double[] MEETINGS = { 0, 1.2, 1.1, 1.0, 0.85, 0.8, 0.9, 1.0, 1.0, 0.9, 0.8, 1.0, 1.1 };

	/**
	 * Produce sales: rice in autumn, navel oranges (脐橙) from October, festival sales in
	 * January.
	 */
	private static final double[] PRODUCE = { 0, 1.2, 0.9, 0.6, 0.6, 0.7, 0.9, 1.0, 1.1, 1.6, 1.9, 1.8, 1.3 };

	private Seasons() {
	}

	static double visits(YearMonth period) {
		return VISITS[period.getMonthValue()];
	}

	static double meetings(YearMonth period) {
		return MEETINGS[period.getMonthValue()];
	}

	static double produce(YearMonth period) {
		return PRODUCE[period.getMonthValue()];
	}

	/**
	 * Land is transferred before spring ploughing (Feb-Apr) and after the harvest
	 * (Oct-Nov).
	 */
	static boolean landPeak(YearMonth period) {
		int month = period.getMonthValue();
		return (month >= 2 && month <= 4) || month == 10 || month == 11;
	}

	/** Spring Festival months, when visits get a note. */
	static boolean festival(YearMonth period) {
		return period.getMonthValue() <= 2;
	}

	/** How often the branch's weekly meeting day falls in the month: 4 or 5. */
	static int weekdaysIn(YearMonth period, DayOfWeek day) {
		int count = 0;
		for (LocalDate date = period.atDay(1); !date.isAfter(period.atEndOfMonth()); date = date.plusDays(1)) {
			if (date.getDayOfWeek() == day) {
				count++;
			}
		}
		return count;
	}

}
