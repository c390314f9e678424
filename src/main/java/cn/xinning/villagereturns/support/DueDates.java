package cn.xinning.villagereturns.support;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;

/**
 * The reporting calendar: the return for month P is due on the due-day of the month after
 * P, 23:59:59 county time; a return received at 00:00:00 the next day is late.
 */
public record DueDates(int dueDay) {

	public LocalDateTime dueOf(YearMonth period) {
		return period.plusMonths(1).atDay(this.dueDay).atTime(LocalTime.of(23, 59, 59));
	}

	/** Business times are stored to the second, so "on or before 23:59:59" is exact. */
	public boolean isOnTime(YearMonth period, LocalDateTime received) {
		return !received.isAfter(dueOf(period));
	}

	public boolean hasPassed(YearMonth period, LocalDateTime businessTime) {
		return businessTime.isAfter(dueOf(period));
	}

}
