package cn.xinning.villagereturns.ledger;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * An issue's state in force: the row of the ledger received last for its village and
 * issue number.
 *
 * @param villageCode the village
 * @param issueNo the village's own number
 * @param townshipCode the village's township
 * @param raisedOn when it was collected
 * @param category what it is about
 * @param status where it stands
 * @param escalatedTownshipOn when it reached the township, if it did
 * @param escalatedCountyOn when it reached the county, if it did
 * @param resolvedOn when it was resolved, if it was
 */
public record LedgerIssue(String villageCode, String issueNo, String townshipCode, LocalDate raisedOn,
		IssueCategory category, IssueStatus status, Optional<LocalDate> escalatedTownshipOn,
		Optional<LocalDate> escalatedCountyOn, Optional<LocalDate> resolvedOn) {

	public YearMonth period() {
		return YearMonth.from(this.raisedOn);
	}

	/** Days from raised to resolved, for a resolved issue. */
	public Optional<Long> daysToResolve() {
		return this.status.resolved() ? this.resolvedOn.map((on) -> ChronoUnit.DAYS.between(this.raisedOn, on))
				: Optional.empty();
	}

}
