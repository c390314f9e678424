package cn.xinning.villagereturns.anomaly;

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
 * Spec section 7, STOCK_CHANGE: a STOCK value x of 2026-10 with an accepted value p in
 * 2026-09; flag when |x − p| > 0.2·p and |x − p| ≥ min_abs_change. MEDIUM. The score is
 * the relative change (x − p)/p (±inf when p = 0), the range p ± 0.2·p. Flags read
 * {@code RULE INDICATOR SEVERITY x=observed [low, high] score=text key}.
 */
class StockChangeRuleTests {

	private static final StockChangeRule RULE = new StockChangeRule();

	private static final YearMonth PREVIOUS = P.minusMonths(1);

	@Test
	void exactlyTwentyPercentIsNotFlagged() {
		// PAIRED_HOUSEHOLDS 400 -> 480: |80| = 0.2 × 400, not > 80.
		// GRID_LEADERS_L3 100 -> 80: |−20| = 0.2 × 100, not > 20.
		Returns returns = returns().in(PREVIOUS, "PAIRED_HOUSEHOLDS", "400", "GRID_LEADERS_L3", "100")
			.in(P, "PAIRED_HOUSEHOLDS", "480", "GRID_LEADERS_L3", "80");
		assertThat(flags(returns)).isEmpty();
	}

	@Test
	void justAboveTwentyPercentIsFlaggedEitherWay() {
		// PAIRED_HOUSEHOLDS 400 -> 481: 81 > 80, 81 ≥ 10: score 81 / 400 = 0.2025,
		// range 400 ± 80 = [320, 480]
		// GRID_LEADERS_L3 100 -> 79: 21 > 20, 21 ≥ 3: score −21 / 100 = −0.21,
		// range [80, 120]
		// (catalogue order: PAIRED_HOUSEHOLDS before GRID_LEADERS_L3)
		Returns returns = returns().in(PREVIOUS, "PAIRED_HOUSEHOLDS", "400", "GRID_LEADERS_L3", "100")
			.in(P, "PAIRED_HOUSEHOLDS", "481", "GRID_LEADERS_L3", "79");
		List<Flag> flags = flags(returns);
		assertThat(described(flags)).containsExactly(
				"STOCK_CHANGE PAIRED_HOUSEHOLDS MEDIUM x=481 [320, 480] score=0.2025 flag.stock",
				"STOCK_CHANGE GRID_LEADERS_L3 MEDIUM x=79 [80, 120] score=-0.21 flag.stock");
		assertThat(flags.get(0).observed()).hasValueSatisfying((x) -> assertThat(x).isEqualByComparingTo("481"));
		assertThat(flags.get(0).expectedLow()).hasValueSatisfying((low) -> assertThat(low).isEqualByComparingTo("320"));
		assertThat(flags.get(0).expectedHigh())
			.hasValueSatisfying((high) -> assertThat(high).isEqualByComparingTo("480"));
		// +20.25% shown with one decimal, half up
		assertThat(zh(flags.get(0))).isEqualTo("结对联系农户数 由上月 400 变为 481（+20.3%），状态类指标一般变化不大。请核实。");
		assertThat(zh(flags.get(1))).isEqualTo("三级网格长数 由上月 100 变为 79（-21%），状态类指标一般变化不大。请核实。");
	}

	@Test
	void aLargeShareOfASmallStockNeedsMinAbsChange() {
		// PAIRED_CADRES (min_abs_change 5) 10 -> 14: 4 > 2 but 4 < 5: no flag
		assertThat(flags(returns().in(PREVIOUS, "PAIRED_CADRES", "10").in(P, "PAIRED_CADRES", "14"))).isEmpty();
		// 10 -> 15: 5 > 2 and 5 ≥ 5: score 0.5, range [8, 12]
		assertThat(described(flags(returns().in(PREVIOUS, "PAIRED_CADRES", "10").in(P, "PAIRED_CADRES", "15"))))
			.containsExactly("STOCK_CHANGE PAIRED_CADRES MEDIUM x=15 [8, 12] score=0.5 flag.stock");
	}

	@Test
	void fromZeroTheScoreIsInfinite() {
		// VOLUNTEER_TEAMS (min_abs_change 3) 0 -> 3: 3 > 0 and 3 ≥ 3: score inf,
		// range [0, 0]
		List<Flag> flags = flags(returns().in(PREVIOUS, "VOLUNTEER_TEAMS", "0").in(P, "VOLUNTEER_TEAMS", "3"));
		assertThat(described(flags))
			.containsExactly("STOCK_CHANGE VOLUNTEER_TEAMS MEDIUM x=3 [0, 0] score=inf flag.stock");
		assertThat(zh(flags.get(0))).isEqualTo("党员志愿服务队数 由上月 0 变为 3（+∞%），状态类指标一般变化不大。请核实。");
		// 0 -> 2: 2 < 3: no flag; 0 -> 0: no change, no flag
		assertThat(flags(returns().in(PREVIOUS, "VOLUNTEER_TEAMS", "0").in(P, "VOLUNTEER_TEAMS", "2"))).isEmpty();
		assertThat(flags(returns().in(PREVIOUS, "VOLUNTEER_TEAMS", "0").in(P, "VOLUNTEER_TEAMS", "0"))).isEmpty();
	}

	@Test
	void withoutAnAcceptedValueLastMonthThereIsNothingToCompare() {
		// no return in 2026-09 (2026-08 had 400): PAIRED_HOUSEHOLDS 800 is not compared
		assertThat(flags(returns().in(P.minusMonths(2), "PAIRED_HOUSEHOLDS", "400").in(P, "PAIRED_HOUSEHOLDS", "800")))
			.isEmpty();
		// a 2026-09 return without PAIRED_CADRES: PAIRED_CADRES 10 -> 40 is not compared
		assertThat(flags(returns().in(PREVIOUS, "PAIRED_HOUSEHOLDS", "400")
			.in(P, "PAIRED_HOUSEHOLDS", "400", "PAIRED_CADRES", "40")
			.in(P.minusMonths(2), "PAIRED_CADRES", "10"))).isEmpty();
	}

	@Test
	void flowIndicatorsAreNeverJudgedAsStocks() {
		// HOME_VISITS 400 -> 4000, ISSUES_RAISED 10 -> 0 (FLOW): no STOCK_CHANGE
		Returns returns = returns().in(PREVIOUS, "HOME_VISITS", "400", "ISSUES_RAISED", "10")
			.in(P, "HOME_VISITS", "4000", "ISSUES_RAISED", "0");
		assertThat(flags(returns)).isEmpty();
	}

	private static List<Flag> flags(Returns returns) {
		return evaluate(RULE, returns.data(), context());
	}

}
