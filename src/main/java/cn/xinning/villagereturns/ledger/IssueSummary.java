package cn.xinning.villagereturns.ledger;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import cn.xinning.villagereturns.support.Numbers;

/**
 * One row of {@code issues_summary.csv} (spec section 12): the issues of an organisation
 * raised in a month, by their state in force.
 *
 * @param period the month of raised_on
 * @param orgLevel COUNTY or TOWNSHIP
 * @param orgCode the county (6 digits) or township (9 digits) code
 * @param raised all of them
 * @param resolvedVillage status RESOLVED_VILLAGE
 * @param resolvedTownship status RESOLVED_TOWNSHIP
 * @param resolvedCounty status RESOLVED_COUNTY
 * @param open not resolved at any level (the four add up to {@code raised})
 * @param escalatedTownship those that reached the township, whatever their status now
 * @param escalatedCounty those that reached the county
 * @param escalatedLate those with either late escalation
 * @param medianDaysToResolve median of resolved_on − raised_on over the resolved ones,
 * half up to one decimal; empty when none
 */
public record IssueSummary(YearMonth period, String orgLevel, String orgCode, int raised, int resolvedVillage,
		int resolvedTownship, int resolvedCounty, int open, int escalatedTownship, int escalatedCounty,
		int escalatedLate, Optional<BigDecimal> medianDaysToResolve) {

	/** Counts issues one at a time. */
	static final class Tally {

		private final YearMonth period;

		private final String orgLevel;

		private final String orgCode;

		private int raised;

		private int resolvedVillage;

		private int resolvedTownship;

		private int resolvedCounty;

		private int escalatedTownship;

		private int escalatedCounty;

		private int escalatedLate;

		private final List<Long> daysToResolve = new ArrayList<>();

		Tally(YearMonth period, String orgLevel, String orgCode) {
			this.period = period;
			this.orgLevel = orgLevel;
			this.orgCode = orgCode;
		}

		void add(LedgerIssue issue) {
			this.raised++;
			switch (issue.status()) {
				case RESOLVED_VILLAGE -> this.resolvedVillage++;
				case RESOLVED_TOWNSHIP -> this.resolvedTownship++;
				case RESOLVED_COUNTY -> this.resolvedCounty++;
				default -> {
				}
			}
			this.escalatedTownship += issue.escalatedTownshipOn().isPresent() ? 1 : 0;
			this.escalatedCounty += issue.escalatedCountyOn().isPresent() ? 1 : 0;
			this.escalatedLate += IssueLadder.escalatedLate(issue) ? 1 : 0;
			issue.daysToResolve().ifPresent(this.daysToResolve::add);
		}

		IssueSummary summary() {
			int open = this.raised - this.resolvedVillage - this.resolvedTownship - this.resolvedCounty;
			return new IssueSummary(this.period, this.orgLevel, this.orgCode, this.raised, this.resolvedVillage,
					this.resolvedTownship, this.resolvedCounty, open, this.escalatedTownship, this.escalatedCounty,
					this.escalatedLate, median(this.daysToResolve));
		}

	}

	static Optional<BigDecimal> median(List<Long> values) {
		if (values.isEmpty()) {
			return Optional.empty();
		}
		List<Long> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		int n = sorted.size();
		BigDecimal median = (n % 2 == 1) ? BigDecimal.valueOf(sorted.get(n / 2))
				: BigDecimal.valueOf(sorted.get(n / 2 - 1) + sorted.get(n / 2))
					.divide(BigDecimal.valueOf(2), 1, RoundingMode.HALF_UP);
		return Optional.of(median.setScale(1, RoundingMode.HALF_UP));
	}

	/** The cells as exported. */
	List<String> cells() {
		return List.of(this.period.toString(), this.orgLevel, this.orgCode, String.valueOf(this.raised),
				String.valueOf(this.resolvedVillage), String.valueOf(this.resolvedTownship),
				String.valueOf(this.resolvedCounty), String.valueOf(this.open), String.valueOf(this.escalatedTownship),
				String.valueOf(this.escalatedCounty), String.valueOf(this.escalatedLate),
				this.medianDaysToResolve.map(Numbers::format).orElse(""));
	}

}
