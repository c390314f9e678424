package cn.xinning.villagereturns.ledger;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import cn.xinning.villagereturns.validation.Problem;

/**
 * One row of a ledger after the rules of spec section 12: an issue's state as the clerk
 * wrote it, with what is wrong with it. A row with an ERROR is refused alone.
 *
 * @param line the line in the file
 * @param villageCode the village code, normalised
 * @param issueNo the issue number, trimmed
 * @param raisedOn when it was collected, if readable
 * @param category its category, if readable
 * @param summary the free text, as written
 * @param status its status, if readable
 * @param escalatedTownshipOn when it reached the township, if given and readable
 * @param escalatedCountyOn when it reached the county, if given and readable
 * @param resolvedOn when it was resolved, if given and readable
 * @param problems what is wrong with it
 */
public record LedgerRow(int line, String villageCode, String issueNo, Optional<LocalDate> raisedOn,
		Optional<IssueCategory> category, String summary, Optional<IssueStatus> status,
		Optional<LocalDate> escalatedTownshipOn, Optional<LocalDate> escalatedCountyOn, Optional<LocalDate> resolvedOn,
		List<Problem> problems) {

	public LedgerRow {
		problems = List.copyOf(problems);
	}

	public boolean isAccepted() {
		return this.problems.stream().noneMatch(Problem::isError);
	}

}
