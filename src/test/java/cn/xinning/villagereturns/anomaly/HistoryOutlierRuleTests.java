package cn.xinning.villagereturns.anomaly;

import java.util.Arrays;
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
 * Spec section 7, OUTLIER_HISTORY: a FLOW value x of 2026-10 against H, the village's
 * accepted values of 2025-10..2026-09 (at least 6); flag when |score| > 3.5 and |x − m| ≥
 * min_abs_change, HIGH when |score| > 7, else MEDIUM; range m ± 3.5·spread. Flags read
 * {@code RULE INDICATOR SEVERITY x=observed [low, high] score=text key}.
 */
class HistoryOutlierRuleTests {

	private static final HistoryOutlierRule RULE = new HistoryOutlierRule();

	/**
	 * LAND_TRANSFER_MU (min_abs_change 10), newest first. Sorted: 60 70 86.51 86.51 95
	 * 100 100 105 113.49 113.49 130 140, m = 100; |h − m| = 0 0 5 5 13.49 ×4 30 30 40 40,
	 * MAD = 13.49; spread = 13.49 / 0.6745 = 20 exactly, so score = (x − 100) / 20; range
	 * 100 ± 3.5 × 20 = [30, 170].
	 */
	private static final String[] LAND = { "100", "100", "95", "105", "86.51", "86.51", "113.49", "113.49", "70", "130",
			"60", "140" };

	/**
	 * HOME_VISITS around 50: m = 50, MAD = 2, spread = 2 / 0.6745 = 2.9651593...; range
	 * [39.6219, 60.3781].
	 */
	private static final String[] VISITS_AROUND_50 = { "50", "50", "49", "51", "48", "52", "48", "52", "47", "53", "46",
			"54" };

	/**
	 * HOME_VISITS 400 ×8, 380, 420, 300, 500: m = 400, MAD = 0; meanAD = 240 / 12 = 20,
	 * spread = 1.253314 × 20 = 25.06628; range 400 ± 87.73198 = [312.268, 487.732].
	 */
	private static final String[] VISITS_MOSTLY_400 = { "400", "400", "380", "400", "420", "400", "300", "400", "500",
			"400", "400", "400" };

	@Test
	void fewerThanSixValuesInTheTwelveMonthsBeforeAreNoHistory() {
		// HOME_VISITS: 5 values in 2025-10..2026-09, the 6th in 2025-09 (P − 13, outside)
		// CONTACT_CARDS: 5 values, and the 2026-04 return carries none (missing is not
		// history). No flag.
		Returns returns = returns()
			.before(P, "HOME_VISITS", "395", "400", "405", "405", "410", null, null, null, null, null, null, null,
					"415")
			.before(P, "CONTACT_CARDS", "100", "110", "120", "100", "110")
			.in(P.minusMonths(6), "PAIRED_HOUSEHOLDS", "210")
			.in(P, "HOME_VISITS", "4120", "CONTACT_CARDS", "5000");
		assertThat(flags(returns)).isEmpty();
	}

	@Test
	void sixValuesAreEnoughAndTheMessageReadsLikeTheSpecExample() {
		// H = 395 (P−1), 400 (P−3), 405 (P−5), 405 (P−7), 410 (P−9), 415 (P−12):
		// m = (405 + 405) / 2 = 405;
		// |h − m| sorted 0 0 5 5 10 10 -> MAD = 5; spread = 5 / 0.6745 = 7.4128984...
		// x = 4120: score = 0.6745 × 3715 / 5 = 501.15350 -> 501.1535 > 7: HIGH;
		// range 405 ± 3.5 × 7.4128984 = 405 ± 25.9451 = [379.0549, 430.9451]
		Returns returns = returns()
			.before(P, "HOME_VISITS", "395", null, "400", null, "405", null, "405", null, "410", null, null, "415")
			.in(P, "HOME_VISITS", "4120");
		List<Flag> flags = flags(returns);
		assertThat(described(flags)).containsExactly(
				"OUTLIER_HISTORY HOME_VISITS HIGH x=4120 [379.0549, 430.9451] score=501.1535 flag.history");
		Flag flag = flags.get(0);
		assertThat(flag.observed()).hasValueSatisfying((x) -> assertThat(x).isEqualByComparingTo("4120"));
		assertThat(flag.expectedLow()).hasValueSatisfying((low) -> assertThat(low).isEqualByComparingTo("379.0549"));
		assertThat(flag.expectedHigh()).hasValueSatisfying((high) -> assertThat(high).isEqualByComparingTo("430.9451"));
		assertThat(flag.arguments()).containsExactly("上门走访人次", "4120", "12", "405", "501.2", "6",
				"Home visits made to paired households");
		assertThat(zh(flag)).isEqualTo("上门走访人次 4120，近12个月中位数 405，偏离 501.2 个稳健标准差。请核实。");
	}

	@Test
	void aScoreOfExactlyThreePointFiveIsNotFlagged() {
		// x = 170: (170 − 100) / 20 = 3.5, not > 3.5. No flag.
		assertThat(flags(land("170"))).isEmpty();
	}

	@Test
	void justAboveThreePointFiveIsMediumOnEitherSide() {
		// x = 170.01: 70.01 / 20 = 3.5005 > 3.5, |x − m| = 70.01 ≥ 10: MEDIUM
		assertThat(described(flags(land("170.01"))))
			.containsExactly("OUTLIER_HISTORY LAND_TRANSFER_MU MEDIUM x=170.01 [30, 170] score=3.5005 flag.history");
		// x = 29.99: −70.01 / 20 = −3.5005: MEDIUM
		assertThat(described(flags(land("29.99"))))
			.containsExactly("OUTLIER_HISTORY LAND_TRANSFER_MU MEDIUM x=29.99 [30, 170] score=-3.5005 flag.history");
	}

	@Test
	void aboveSevenIsHighAndExactlySevenIsMedium() {
		// x = 240: 140 / 20 = 7, not > 7: MEDIUM
		assertThat(described(flags(land("240"))))
			.containsExactly("OUTLIER_HISTORY LAND_TRANSFER_MU MEDIUM x=240 [30, 170] score=7 flag.history");
		// x = 240.01: 140.01 / 20 = 7.0005 > 7: HIGH
		assertThat(described(flags(land("240.01"))))
			.containsExactly("OUTLIER_HISTORY LAND_TRANSFER_MU HIGH x=240.01 [30, 170] score=7.0005 flag.history");
	}

	@Test
	void aSmallAbsoluteDeviationIsNotFlaggedWhateverItsScore() {
		// x = 65: score = 0.6745 × 15 / 2 = 5.05875 > 3.5,
		// but |65 − 50| = 15 < min_abs_change 20: no flag
		assertThat(flags(returns().before(P, "HOME_VISITS", VISITS_AROUND_50).in(P, "HOME_VISITS", "65"))).isEmpty();
		// x = 70: score = 0.6745 × 20 / 2 = 6.745, |70 − 50| = 20 ≥ 20: MEDIUM
		assertThat(described(flags(returns().before(P, "HOME_VISITS", VISITS_AROUND_50).in(P, "HOME_VISITS", "70"))))
			.containsExactly("OUTLIER_HISTORY HOME_VISITS MEDIUM x=70 [39.6219, 60.3781] score=6.745 flag.history");
	}

	@Test
	void madZeroWithSpreadUsesTheMeanAbsoluteDeviation() {
		// x = 500: score = (500 − 400) / (1.253314 × 20) = 100 / 25.06628 = 3.9894 > 3.5,
		// |500 − 400| = 100 ≥ 20: MEDIUM, range [312.268, 487.732]
		List<Flag> flags = flags(returns().before(P, "HOME_VISITS", VISITS_MOSTLY_400).in(P, "HOME_VISITS", "500"));
		assertThat(described(flags)).containsExactly(
				"OUTLIER_HISTORY HOME_VISITS MEDIUM x=500 [312.268, 487.732] score=3.9894 flag.history.meanAd");
		assertThat(zh(flags.get(0))).isEqualTo("上门走访人次 500，近12个月中位数 400（多数月份相同），偏离 4 个标准差。请核实。");
		// x = 487: 87 / 25.06628 = 3.4708 < 3.5: no flag
		assertThat(flags(returns().before(P, "HOME_VISITS", VISITS_MOSTLY_400).in(P, "HOME_VISITS", "487"))).isEmpty();
	}

	@Test
	void aZeroInflatedCountIsFlaggedOnlyFromMinAbsChange() {
		// COLLECTIVE_PROJECTS (min_abs_change 2) 0 ×11, 2: m = 0, MAD = 0,
		// meanAD = 2 / 12; spread = 1.253314 / 6 = 0.20888567;
		// range 0 ± 3.5 × 0.20888567 = [−0.7311, 0.7311]
		// x = 1: score 1 / 0.20888567 = 4.7873 > 3.5 but |1 − 0| = 1 < 2: no flag
		assertThat(flags(collectiveProjects("1"))).isEmpty();
		// x = 2: score 9.5746 > 7, |2 − 0| = 2 ≥ 2: HIGH
		assertThat(described(flags(collectiveProjects("2")))).containsExactly(
				"OUTLIER_HISTORY COLLECTIVE_PROJECTS HIGH x=2 [-0.7311, 0.7311] score=9.5746 flag.history.meanAd");
	}

	@Test
	void aConstantHistoryScoresInfinityUnlessTheValueIsTheSame() {
		// WEEKLY_CASE_MEETINGS 4 ×12 (min_abs_change 3): x = 8 -> +inf,
		// |8 − 4| = 4 ≥ 3: HIGH, range [4, 4].
		// COMMUNITY_MEETINGS 2 ×12: x = 2 -> score 0: no flag.
		List<Flag> flags = flags(constantMeetings("8"));
		assertThat(described(flags))
			.containsExactly("OUTLIER_HISTORY WEEKLY_CASE_MEETINGS HIGH x=8 [4, 4] score=inf flag.history.constant");
		assertThat(zh(flags.get(0))).isEqualTo("民情碰头会次数 8，近12个月一直是 4，本月突然不同。请核实。");
		// x = 0 -> −inf, |0 − 4| = 4 ≥ 3: HIGH
		assertThat(described(flags(constantMeetings("0"))))
			.containsExactly("OUTLIER_HISTORY WEEKLY_CASE_MEETINGS HIGH x=0 [4, 4] score=-inf flag.history.constant");
		// x = 6 -> +inf, but |6 − 4| = 2 < 3: no flag; x = 4 -> 0: no flag
		assertThat(flags(constantMeetings("6"))).isEmpty();
		assertThat(flags(constantMeetings("4"))).isEmpty();
	}

	@Test
	void stockIndicatorsAreNeverJudgedAgainstTheirHistory() {
		// PAIRED_HOUSEHOLDS 210 ×12 -> 2000, PAIRED_CADRES 30 ×12 -> 100 (STOCK):
		// no OUTLIER_HISTORY
		String[] households = new String[12];
		String[] cadres = new String[12];
		Arrays.fill(households, "210");
		Arrays.fill(cadres, "30");
		Returns returns = returns().before(P, "PAIRED_HOUSEHOLDS", households)
			.before(P, "PAIRED_CADRES", cadres)
			.in(P, "PAIRED_HOUSEHOLDS", "2000", "PAIRED_CADRES", "100");
		assertThat(flags(returns)).isEmpty();
	}

	@Test
	void aScoreJustAboveThreePointFiveIsFlaggedBeforeRounding() {
		// LAND_TRANSFER_MU 1000 1000 950 1050 900 1100 900 1100 850 1150 800 1200:
		// m = 1000, MAD = 100.
		// x = 1518.91: score = 0.6745 × 518.91 / 100 = 3.50004795 > 3.5,
		// |x − m| = 518.91 ≥ 10: MEDIUM;
		// range 1000 ± 3.5 × 148.2579689 = [481.0971, 1518.9029] (x is above it);
		// the score is kept as 3.5000
		assertThat(described(flags(landAround1000("1518.91")))).containsExactly(
				"OUTLIER_HISTORY LAND_TRANSFER_MU MEDIUM x=1518.91 [481.0971, 1518.9029] score=3.5 flag.history");
	}

	@Test
	void aScoreJustAboveSevenIsHighBeforeRounding() {
		// same history, x = 2037.81: score = 0.6745 × 1037.81 / 100 = 7.00002845 > 7:
		// HIGH
		assertThat(described(flags(landAround1000("2037.81")))).containsExactly(
				"OUTLIER_HISTORY LAND_TRANSFER_MU HIGH x=2037.81 [481.0971, 1518.9029] score=7 flag.history");
	}

	private static Returns land(String x) {
		return returns().before(P, "LAND_TRANSFER_MU", LAND).in(P, "LAND_TRANSFER_MU", x);
	}

	private static Returns landAround1000(String x) {
		return returns()
			.before(P, "LAND_TRANSFER_MU", "1000", "1000", "950", "1050", "900", "1100", "900", "1100", "850", "1150",
					"800", "1200")
			.in(P, "LAND_TRANSFER_MU", x);
	}

	private static Returns collectiveProjects(String x) {
		return returns().before(P, "COLLECTIVE_PROJECTS", "0", "0", "0", "0", "2", "0", "0", "0", "0", "0", "0", "0")
			.in(P, "COLLECTIVE_PROJECTS", x);
	}

	private static Returns constantMeetings(String weekly) {
		return returns().before(P, "WEEKLY_CASE_MEETINGS", "4", "4", "4", "4", "4", "4", "4", "4", "4", "4", "4", "4")
			.before(P, "COMMUNITY_MEETINGS", "2", "2", "2", "2", "2", "2", "2", "2", "2", "2", "2", "2")
			.in(P, "COMMUNITY_MEETINGS", "2", "WEEKLY_CASE_MEETINGS", weekly);
	}

	private static List<Flag> flags(Returns returns) {
		return evaluate(RULE, returns.data(), context());
	}

}
