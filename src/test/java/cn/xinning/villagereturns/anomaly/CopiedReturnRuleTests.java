package cn.xinning.villagereturns.anomaly;

import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
 * Spec section 7, COPIED_RETURN: every FLOW value of the 2026-10 return equals the
 * village's accepted value of 2026-09 (two missing values count as equal; the previous
 * period must have an accepted return), and at least 3 of them are non-zero. HIGH, with
 * an empty indicator and no observed value, range or score. Flags read
 * {@code RULE INDICATOR SEVERITY x=observed [low, high] score=text key}.
 */
class CopiedReturnRuleTests {

	private static final CopiedReturnRule RULE = new CopiedReturnRule();

	private static final YearMonth PREVIOUS = P.minusMonths(1);

	@Test
	void anIdenticalReturnIsFlaggedAndTwoMissingValuesCountAsEqual() {
		// The 15 FLOW values are the same (CONTACT_CARDS and POLICY_BOOKLETS missing
		// both months, LAND_TRANSFER_MU 35.5 vs 35.50); only the STOCK values changed.
		// Non-zero FLOW values: 15 − 2 missing − COLLECTIVE_PROJECTS 0 = 12 ≥ 3: HIGH,
		// arguments (15 compared, 12 non-zero, 2026-09)
		Map<String, String> before = typical();
		before.remove("CONTACT_CARDS");
		before.remove("POLICY_BOOKLETS");
		Map<String, String> now = new LinkedHashMap<>(before);
		now.put("LAND_TRANSFER_MU", "35.50");
		now.put("PAIRED_HOUSEHOLDS", "212");
		now.put("PAIRED_CADRES", "31");
		List<Flag> flags = flags(returns().in(PREVIOUS, before).in(P, now));
		assertThat(described(flags)).containsExactly("COPIED_RETURN  HIGH x=- [-, -] score= flag.copied");
		assertThat(flags.get(0).indicator()).isEmpty();
		assertThat(flags.get(0).arguments()).containsExactly("15", "12", "2026-09");
		assertThat(zh(flags.get(0))).isEqualTo("本月 15 项活动类指标与 2026-09 完全相同（其中 12 项非零）。请核实是否照抄了上月报表。");
	}

	@Test
	void oneMissingValueAgainstAValueIsNotEqual() {
		// CONTACT_CARDS missing this month, 0 last month (missing is not 0): no flag
		Map<String, String> now = typical();
		now.remove("CONTACT_CARDS");
		Map<String, String> before = typical();
		before.put("CONTACT_CARDS", "0");
		assertThat(flags(returns().in(PREVIOUS, before).in(P, now))).isEmpty();
		// and the other way round: 20 this month, missing last month: no flag
		Map<String, String> missingBefore = typical();
		missingBefore.remove("CONTACT_CARDS");
		assertThat(flags(returns().in(PREVIOUS, missingBefore).in(P, typical()))).isEmpty();
	}

	@Test
	void oneDifferentFlowValueIsNotACopy() {
		// HOME_VISITS 412 -> 413, everything else the same: no flag
		Map<String, String> now = typical();
		now.put("HOME_VISITS", "413");
		assertThat(flags(returns().in(PREVIOUS, typical()).in(P, now))).isEmpty();
	}

	@Test
	void fewerThanThreeNonZeroValuesAreNotACopy() {
		// all FLOW values 0 except HOME_VISITS 412 and WEEKLY_CASE_MEETINGS 4:
		// 2 non-zero < 3: no flag
		Map<String, String> two = zeros();
		two.put("HOME_VISITS", "412");
		two.put("WEEKLY_CASE_MEETINGS", "4");
		assertThat(flags(returns().in(PREVIOUS, two).in(P, two))).isEmpty();
		// plus COMMUNITY_MEETINGS 3: exactly 3 non-zero: HIGH, arguments (15, 3, 2026-09)
		Map<String, String> three = new LinkedHashMap<>(two);
		three.put("COMMUNITY_MEETINGS", "3");
		List<Flag> flags = flags(returns().in(PREVIOUS, three).in(P, three));
		assertThat(described(flags)).containsExactly("COPIED_RETURN  HIGH x=- [-, -] score= flag.copied");
		assertThat(flags.get(0).arguments()).containsExactly("15", "3", "2026-09");
	}

	@Test
	void withoutAnAcceptedReturnLastMonthThereIsNothingToCopy() {
		// no return in 2026-09; 2026-08 is identical: no flag
		assertThat(flags(returns().in(P.minusMonths(2), typical()).in(P, typical()))).isEmpty();
		// and no return in 2026-10 itself: no flag
		assertThat(flags(returns().in(PREVIOUS, typical()))).isEmpty();
	}

	/** A plausible return of 水堰村: 5 STOCK and 15 FLOW values. */
	private static Map<String, String> typical() {
		Map<String, String> values = new LinkedHashMap<>();
		values.put("PAIRED_HOUSEHOLDS", "210");
		values.put("PAIRED_CADRES", "30");
		values.put("GRID_LEADERS_L2", "5");
		values.put("GRID_LEADERS_L3", "12");
		values.put("VOLUNTEER_TEAMS", "2");
		values.put("HOME_VISITS", "412");
		values.put("COMMUNITY_MEETINGS", "3");
		values.put("WEEKLY_CASE_MEETINGS", "4");
		values.put("CONTACT_CARDS", "20");
		values.put("POLICY_BOOKLETS", "15");
		values.put("POLICY_CARDS", "15");
		values.put("LAND_TRANSFER_MU", "35.5");
		values.put("COLLECTIVE_PROJECTS", "0");
		values.put("COOP_NEW_MEMBERS", "2");
		values.put("PRODUCE_SOLD_T", "12.3");
		values.put("DISPUTES_MEDIATED", "1");
		values.put("LIVELIHOOD_PROJECTS", "1");
		values.put("ISSUES_RAISED", "6");
		values.put("ISSUES_RESOLVED_VILLAGE", "4");
		values.put("ISSUES_ESCALATED", "1");
		return values;
	}

	/** The typical return with every FLOW value 0. */
	private static Map<String, String> zeros() {
		Map<String, String> values = typical();
		for (String flow : List.of("HOME_VISITS", "COMMUNITY_MEETINGS", "WEEKLY_CASE_MEETINGS", "CONTACT_CARDS",
				"POLICY_BOOKLETS", "POLICY_CARDS", "LAND_TRANSFER_MU", "COLLECTIVE_PROJECTS", "COOP_NEW_MEMBERS",
				"PRODUCE_SOLD_T", "DISPUTES_MEDIATED", "LIVELIHOOD_PROJECTS", "ISSUES_RAISED",
				"ISSUES_RESOLVED_VILLAGE", "ISSUES_ESCALATED")) {
			values.put(flow, "0");
		}
		return values;
	}

	private static List<Flag> flags(Returns returns) {
		return evaluate(RULE, returns.data(), context());
	}

}
