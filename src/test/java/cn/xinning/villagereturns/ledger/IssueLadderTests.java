package cn.xinning.villagereturns.ledger;

import java.time.LocalDate;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The ladder's deadlines at their edges, and the flags they give. */
class IssueLadderTests {

	@ParameterizedTest
	@CsvSource({ "2026-10-01,2026-10-20", "2026-10-20,2026-10-20", "2026-10-21,2026-11-20", "2026-10-31,2026-11-20",
			"2026-12-20,2026-12-20", "2026-12-21,2027-01-20", "2026-12-31,2027-01-20", "2027-01-31,2027-02-20" })
	void townshipDeadline(String raised, String deadline) {
		assertThat(IssueLadder.townshipDeadline(LocalDate.parse(raised))).isEqualTo(LocalDate.parse(deadline));
	}

	@ParameterizedTest
	@CsvSource({ "2026-10-01,2026-10-28", "2026-10-28,2026-10-28", "2026-10-29,2026-11-28", "2026-12-28,2026-12-28",
			"2026-12-29,2027-01-28", "2027-01-31,2027-02-28", "2026-02-28,2026-02-28" })
	void countyDeadline(String reachedTownship, String deadline) {
		assertThat(IssueLadder.countyDeadline(LocalDate.parse(reachedTownship))).isEqualTo(LocalDate.parse(deadline));
	}

	@ParameterizedTest
	@CsvSource({ "2026-10-20,2026-10-20,", "2026-10-20,2026-10-21,1", "2026-10-05,2026-10-21,1",
			"2026-10-21,2026-11-20,", "2026-10-21,2026-11-21,1", "2026-12-25,2027-01-20,", "2026-12-25,2027-01-22,2",
			"2026-10-05,2026-11-05,16" })
	void escalatedToTheTownshipLate(String raised, String escalated, Long daysLate) {
		LedgerIssue issue = issue(raised, IssueStatus.ESCALATED_TOWNSHIP, escalated, null, null);
		assertThat(IssueLadder.townshipDaysLate(issue)).isEqualTo(Optional.ofNullable(daysLate));
		assertThat(IssueFlagRules.flags(issue, "湾坝村", LocalDate.of(2027, 3, 1), false))
			.extracting((f) -> f.rule() + " " + f.observed().get())
			.containsExactlyElementsOf((daysLate == null) ? java.util.List.of()
					: java.util.List.of("LATE_ESCALATION_TOWNSHIP " + daysLate));
	}

	@ParameterizedTest
	@CsvSource({ "2026-10-28,2026-10-28,", "2026-10-28,2026-10-29,1", "2026-10-29,2026-11-28,",
			"2026-10-29,2026-11-29,1", "2026-12-29,2027-01-28,", "2026-12-29,2027-01-29,1", "2026-12-28,2026-12-29,1" })
	void escalatedToTheCountyLate(String township, String county, Long daysLate) {
		LedgerIssue issue = issue("2026-10-01", IssueStatus.ESCALATED_COUNTY, township, county, null);
		assertThat(IssueLadder.countyDaysLate(issue)).isEqualTo(Optional.ofNullable(daysLate));
	}

	@Test
	void staleAfterThirtyDaysStillOpen() {
		LedgerIssue open = issue("2026-10-12", IssueStatus.OPEN, null, null, null);
		assertThat(IssueLadder.staleDays(open, LocalDate.of(2026, 11, 10))).isEmpty();
		assertThat(IssueLadder.staleDays(open, LocalDate.of(2026, 11, 11))).contains(30L);
		assertThat(IssueFlagRules.flags(open, "湾坝村", LocalDate.of(2026, 11, 11), true)).singleElement()
			.satisfies((flag) -> {
				assertThat(flag.rule()).isEqualTo("STALE_ISSUE");
				assertThat(flag.severity().name()).isEqualTo("HIGH");
				assertThat(flag.period()).hasToString("2026-10");
				assertThat(flag.orgLevel()).isEqualTo("VILLAGE");
				assertThat(flag.indicator()).isEmpty();
				assertThat(flag.subject()).isEqualTo("I-1");
				assertThat(flag.arguments()).containsExactly("湾坝村", "I-1", "2026-10-12", "30", "2026-11-11");
			});
		LedgerIssue escalated = issue("2026-10-12", IssueStatus.ESCALATED_TOWNSHIP, "2026-10-13", null, null);
		assertThat(IssueLadder.staleDays(escalated, LocalDate.of(2027, 1, 1))).isEmpty();
	}

	@Test
	void medianIsHalfUpToOneDecimal() {
		assertThat(IssueSummary.median(java.util.List.of(3L, 4L)))
			.hasValueSatisfying((m) -> assertThat(m).hasToString("3.5"));
		assertThat(IssueSummary.median(java.util.List.of(44L, 1L, 20L)))
			.hasValueSatisfying((m) -> assertThat(m).hasToString("20.0"));
		assertThat(IssueSummary.median(java.util.List.of())).isEmpty();
	}

	private static LedgerIssue issue(String raised, IssueStatus status, String township, String county,
			String resolved) {
		return new LedgerIssue("430528100201", "I-1", "430528100", LocalDate.parse(raised), IssueCategory.OTHER, status,
				Optional.ofNullable(township).map(LocalDate::parse), Optional.ofNullable(county).map(LocalDate::parse),
				Optional.ofNullable(resolved).map(LocalDate::parse));
	}

}
