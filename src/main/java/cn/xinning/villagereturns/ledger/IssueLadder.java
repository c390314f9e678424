package cn.xinning.villagereturns.ledger;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The ladder's deadlines (spec section 12), the one implementation the flags and
 * {@code issues_summary.csv} share. "By the 20th" means on the 20th is on time and the
 * 21st is one day late; an issue raised after the 20th has until the 20th of the next
 * month. The same with the 28th for the county, counted from the day the issue reached
 * the township.
 */
public final class IssueLadder {

	static final int TOWNSHIP_DAY = 20;

	static final int COUNTY_DAY = 28;

	static final int STALE_DAYS = 30;

	private IssueLadder() {
	}

	/** The last on-time day to escalate to the township an issue raised on that day. */
	public static LocalDate townshipDeadline(LocalDate raisedOn) {
		return deadline(raisedOn, TOWNSHIP_DAY);
	}

	/**
	 * The last on-time day to escalate to the county an issue that reached the township.
	 */
	public static LocalDate countyDeadline(LocalDate reachedTownship) {
		return deadline(reachedTownship, COUNTY_DAY);
	}

	private static LocalDate deadline(LocalDate from, int day) {
		LocalDate month = (from.getDayOfMonth() > day) ? from.plusMonths(1) : from;
		return month.withDayOfMonth(day);
	}

	/** Days past the township deadline, when the issue reached the township late. */
	public static Optional<Long> townshipDaysLate(LedgerIssue issue) {
		return issue.escalatedTownshipOn().flatMap((on) -> late(townshipDeadline(issue.raisedOn()), on));
	}

	/**
	 * Days past the county deadline, when the issue reached the county late; only known
	 * when the day it reached the township is.
	 */
	public static Optional<Long> countyDaysLate(LedgerIssue issue) {
		if (issue.escalatedTownshipOn().isEmpty() || issue.escalatedCountyOn().isEmpty()) {
			return Optional.empty();
		}
		return late(countyDeadline(issue.escalatedTownshipOn().get()), issue.escalatedCountyOn().get());
	}

	/**
	 * Days open at the date, when the issue is still OPEN 30 days or more after it was
	 * raised.
	 */
	public static Optional<Long> staleDays(LedgerIssue issue, LocalDate today) {
		if (issue.status() != IssueStatus.OPEN) {
			return Optional.empty();
		}
		long days = ChronoUnit.DAYS.between(issue.raisedOn(), today);
		return (days >= STALE_DAYS) ? Optional.of(days) : Optional.empty();
	}

	public static boolean escalatedLate(LedgerIssue issue) {
		return townshipDaysLate(issue).isPresent() || countyDaysLate(issue).isPresent();
	}

	private static Optional<Long> late(LocalDate deadline, LocalDate on) {
		long days = ChronoUnit.DAYS.between(deadline, on);
		return (days > 0) ? Optional.of(days) : Optional.empty();
	}

}
