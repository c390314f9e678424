package cn.xinning.villagereturns.anomaly;

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
 * Spec sections 4 and 7, the warning rules as LOW flags on the accepted 2026-10 return:
 * W-VISITS HOME_VISITS ≤ 3 × PAIRED_HOUSEHOLDS, W-WEEKLY WEEKLY_CASE_MEETINGS ≥ 4, W-LOAD
 * PAIRED_HOUSEHOLDS ≤ 20 × PAIRED_CADRES; equal to the limit is fine. Flags read
 * {@code RULE INDICATOR SEVERITY x=observed [low, high] score=text key}.
 */
class WarningRulesTests {

	private static final WarningRules RULE = new WarningRules();

	@Test
	void valuesAtTheLimitsRaiseNothing() {
		// HOME_VISITS 630 = 3 × 210; WEEKLY_CASE_MEETINGS 4 = 4;
		// PAIRED_HOUSEHOLDS 210 ≤ 20 × 11 = 220
		assertThat(flags(returns().in(P, "PAIRED_HOUSEHOLDS", "210", "PAIRED_CADRES", "11", "HOME_VISITS", "630",
				"WEEKLY_CASE_MEETINGS", "4")))
			.isEmpty();
		// PAIRED_HOUSEHOLDS 200 = 20 × 10 (and HOME_VISITS 600 = 3 × 200)
		assertThat(flags(returns().in(P, "PAIRED_HOUSEHOLDS", "200", "PAIRED_CADRES", "10", "HOME_VISITS", "600",
				"WEEKLY_CASE_MEETINGS", "5")))
			.isEmpty();
	}

	@Test
	void visitsAboveThreePerPairedHousehold() {
		// HOME_VISITS 631 > 3 × 210 = 630: W-VISITS LOW, observed 631, range [-, 630]
		List<Flag> flags = flags(returns().in(P, "PAIRED_HOUSEHOLDS", "210", "PAIRED_CADRES", "11", "HOME_VISITS",
				"631", "WEEKLY_CASE_MEETINGS", "4"));
		assertThat(described(flags)).containsExactly("W-VISITS HOME_VISITS LOW x=631 [-, 630] score= flag.visits");
		assertThat(flags.get(0).expectedHigh())
			.hasValueSatisfying((high) -> assertThat(high).isEqualByComparingTo("630"));
		assertThat(zh(flags.get(0))).isEqualTo("上门走访人次 631 超过结对联系农户数 210 的 3 倍。请核实。");
	}

	@Test
	void fewerThanFourWeeklyMeetings() {
		// WEEKLY_CASE_MEETINGS 3 < 4: W-WEEKLY LOW, observed 3, range [4, -]
		List<Flag> flags = flags(returns().in(P, "PAIRED_HOUSEHOLDS", "210", "PAIRED_CADRES", "11", "HOME_VISITS",
				"630", "WEEKLY_CASE_MEETINGS", "3"));
		assertThat(described(flags)).containsExactly("W-WEEKLY WEEKLY_CASE_MEETINGS LOW x=3 [4, -] score= flag.weekly");
		assertThat(zh(flags.get(0))).isEqualTo("民情碰头会只开了 3 次，少于每月 4 次（应每周召开）。请核实。");
	}

	@Test
	void moreThanTwentyHouseholdsPerCadre() {
		// PAIRED_HOUSEHOLDS 201 > 20 × 10 = 200: W-LOAD LOW, observed 201, range [-, 200]
		List<Flag> flags = flags(returns().in(P, "PAIRED_HOUSEHOLDS", "201", "PAIRED_CADRES", "10", "HOME_VISITS",
				"600", "WEEKLY_CASE_MEETINGS", "4"));
		assertThat(described(flags)).containsExactly("W-LOAD PAIRED_HOUSEHOLDS LOW x=201 [-, 200] score= flag.load");
		assertThat(zh(flags.get(0))).isEqualTo("结对联系农户数 201 超过联户党员干部数 10 的 20 倍。请核实。");
	}

	@Test
	void allThreeAtOnce() {
		// 100 households, 4 cadres (limit 80), 301 visits (limit 300), 0 meetings
		assertThat(described(flags(returns().in(P, "PAIRED_HOUSEHOLDS", "100", "PAIRED_CADRES", "4", "HOME_VISITS",
				"301", "WEEKLY_CASE_MEETINGS", "0"))))
			.containsExactly("W-VISITS HOME_VISITS LOW x=301 [-, 300] score= flag.visits",
					"W-WEEKLY WEEKLY_CASE_MEETINGS LOW x=0 [4, -] score= flag.weekly",
					"W-LOAD PAIRED_HOUSEHOLDS LOW x=100 [-, 80] score= flag.load");
	}

	@Test
	void missingValuesOrNoReturnRaiseNothing() {
		// without PAIRED_HOUSEHOLDS neither W-VISITS nor W-LOAD can be judged;
		// no meetings value: no W-WEEKLY
		assertThat(flags(returns().in(P, "PAIRED_CADRES", "1", "HOME_VISITS", "5000"))).isEmpty();
		// no return in 2026-10 (a bad one in 2026-09 is not this period's business)
		assertThat(flags(returns().in(P.minusMonths(1), "PAIRED_HOUSEHOLDS", "100", "PAIRED_CADRES", "1", "HOME_VISITS",
				"5000", "WEEKLY_CASE_MEETINGS", "0")))
			.isEmpty();
	}

	private static List<Flag> flags(Returns returns) {
		return evaluate(RULE, returns.data(), context());
	}

}
