package cn.xinning.villagereturns.anomaly;

import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.xinning.villagereturns.anomaly.AnomalyFixtures.Returns;

import static cn.xinning.villagereturns.anomaly.AnomalyFixtures.P;
import static cn.xinning.villagereturns.anomaly.AnomalyFixtures.context;
import static cn.xinning.villagereturns.anomaly.AnomalyFixtures.described;
import static cn.xinning.villagereturns.anomaly.AnomalyFixtures.evaluate;
import static cn.xinning.villagereturns.anomaly.AnomalyFixtures.returns;
import static cn.xinning.villagereturns.anomaly.AnomalyFixtures.zh;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spec sections 6 and 7, MISSING_RETURN (HIGH) and LATE_RETURN (LOW) of 水堰村 for 2026-10,
 * due on the 5th of the next month 23:59:59: 2026-11-05T23:59:59. Both are whole-village
 * flags: empty indicator, no observed value, range or score. Flags read
 * {@code RULE INDICATOR SEVERITY x=observed [low, high] score=text key}.
 */
class ReportingRulesTests {

	private static final ReportingRules RULE = new ReportingRules();

	private static final LocalDateTime DUE = LocalDateTime.of(2026, 11, 5, 23, 59, 59);

	private static final LocalDateTime DAY_AFTER = LocalDateTime.of(2026, 11, 6, 0, 0, 0);

	@Test
	void aMissingReturnIsNotFlaggedUntilTheDueDateHasPassed() {
		// business time 2026-11-05 23:59:59 = the due date, not after it: no flag
		assertThat(flags(returns(), true, DUE)).isEmpty();
	}

	@Test
	void aMissingReturnIsFlaggedFromTheDayAfterTheDueDate() {
		// business time 2026-11-06 00:00:00, other villages have reported 2026-10:
		// MISSING_RETURN HIGH
		List<Flag> flags = flags(returns(), true, DAY_AFTER);
		assertThat(described(flags)).containsExactly("MISSING_RETURN  HIGH x=- [-, -] score= flag.missing");
		assertThat(flags.get(0).indicator()).isEmpty();
		assertThat(flags.get(0).arguments()).containsExactly("2026-10", "2026-11-05 23:59:59", "水堰村");
		assertThat(zh(flags.get(0))).isEqualTo("水堰村 尚未报送 2026-10 月报（截止时间 2026-11-05 23:59:59）。请督促报送。");
	}

	@Test
	void aPeriodNobodyHasReportedRaisesNoMissingReturns() {
		// a month after the due date, but 2026-10 has no accepted return at all: no flag
		assertThat(flags(returns(), false, LocalDateTime.of(2026, 12, 6, 0, 0))).isEmpty();
	}

	@Test
	void aReportedVillageIsNotMissing() {
		// a return received on time, evaluated long after the due date: no flag at all
		assertThat(flags(returns().in(P, "HOME_VISITS", "412"), true, LocalDateTime.of(2027, 1, 1, 0, 0))).isEmpty();
	}

	@Test
	void receivedAtTheLastSecondOfTheDueDayIsOnTime() {
		// first accepted return received 2026-11-05 23:59:59: on time, no flag
		Returns returns = returns().in(P, "HOME_VISITS", "412").receivedAt(P, DUE);
		assertThat(flags(returns, true, DAY_AFTER)).isEmpty();
	}

	@Test
	void receivedAtMidnightAfterTheDueDayIsLate() {
		// first accepted return received 2026-11-06 00:00:00: LATE_RETURN LOW
		Returns returns = returns().in(P, "HOME_VISITS", "412").receivedAt(P, DAY_AFTER);
		List<Flag> flags = flags(returns, true, LocalDateTime.of(2026, 11, 6, 2, 0));
		assertThat(described(flags)).containsExactly("LATE_RETURN  LOW x=- [-, -] score= flag.late");
		assertThat(flags.get(0).arguments()).containsExactly("2026-10", "2026-11-06 00:00:00", "2026-11-05 23:59:59");
		assertThat(zh(flags.get(0))).isEqualTo("2026-10 月报于 2026-11-06 00:00:00 报送，晚于截止时间 2026-11-05 23:59:59。");
	}

	@Test
	void decemberIsDueOnTheFifthOfJanuary() {
		// 2026-12 is due 2027-01-05 23:59:59: missing at 2027-01-06 00:00:00,
		// not at 2027-01-05 23:59:59; a return received 2027-01-06 00:00:00 is late
		YearMonth december = YearMonth.of(2026, 12);
		assertThat(evaluate(RULE, returns().data(), context(december, true, LocalDateTime.of(2027, 1, 5, 23, 59, 59))))
			.isEmpty();
		assertThat(described(
				evaluate(RULE, returns().data(), context(december, true, LocalDateTime.of(2027, 1, 6, 0, 0)))))
			.containsExactly("MISSING_RETURN  HIGH x=- [-, -] score= flag.missing");
		Returns late = returns().in(december, "HOME_VISITS", "412")
			.receivedAt(december, LocalDateTime.of(2027, 1, 6, 0, 0));
		assertThat(described(evaluate(RULE, late.data(), context(december, true, LocalDateTime.of(2027, 1, 7, 0, 0)))))
			.containsExactly("LATE_RETURN  LOW x=- [-, -] score= flag.late");
	}

	private static List<Flag> flags(Returns returns, boolean periodHasReturns, LocalDateTime businessTime) {
		return evaluate(RULE, returns.data(), context(P, periodHasReturns, businessTime));
	}

}
