package cn.xinning.villagereturns.anomaly;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.xinning.villagereturns.anomaly.PeerOutlierRule.Peer;

import static cn.xinning.villagereturns.anomaly.AnomalyFixtures.context;
import static cn.xinning.villagereturns.anomaly.AnomalyFixtures.describe;
import static cn.xinning.villagereturns.anomaly.AnomalyFixtures.indicator;
import static cn.xinning.villagereturns.anomaly.AnomalyFixtures.zh;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spec section 7, OUTLIER_PEERS: the villages of one township reporting a FLOW indicator
 * in 2026-10 (at least 5); rates r = x / households, m and spread of the rates (MAD, or
 * the mean-AD fallback); flag when |score| > 5 and |x − m·households| ≥ min_abs_change.
 * MEDIUM. The range is households × (m ± 5·spread). Flags read as
 * {@link AnomalyFixtures#describe}, after the village code. (Households are the test's
 * own, not the registry's.)
 */
class PeerOutlierRuleTests {

	private static final PeerOutlierRule RULE = new PeerOutlierRule();

	/**
	 * HOME_VISITS (min_abs_change 20), rates 1.00 1.10 1.20 0.90 5.00: sorted 0.9 1.0 1.1
	 * 1.2 5.0, m = 1.1; |r − m| sorted 0 0.1 0.1 0.2 3.9, MAD = 0.1; spread = 0.1 /
	 * 0.6745 = 0.14825797.
	 */
	private static final List<Peer> VISITS = List.of(new Peer("430528101201", bd("400"), 400),
			new Peer("430528101202", bd("550"), 500), new Peer("430528101203", bd("300"), 250),
			new Peer("430528101204", bd("270"), 300), new Peer("430528101205", bd("1000"), 200));

	@Test
	void fewerThanFiveReportingVillagesAreNotJudged() {
		// the four of them without 430528101204 (rate 0.9):
		// 430528101205 is still at 5.0 per household. No flag.
		List<Peer> four = new ArrayList<>(VISITS);
		four.remove(3);
		assertThat(flags("HOME_VISITS", four)).isEmpty();
	}

	@Test
	void exactlyFiveAreJudgedAndTheFarOutVillageIsFlagged() {
		// 430528101205: score = 0.6745 × (5.0 − 1.1) / 0.1 = 26.3055 > 5;
		// |1000 − 1.1 × 200| = 780 ≥ 20: MEDIUM
		// range 200 × (1.1 ± 5 × 0.14825797) = 200 × [0.358710, 1.841290]
		// = [71.742, 368.258]
		// others: 1.0 -> −0.6745, 1.1 -> 0, 1.2 -> 0.6745, 0.9 -> −1.349: no flag
		List<Flag> flags = flags("HOME_VISITS", VISITS);
		assertThat(described(flags)).containsExactly(
				"430528101205 OUTLIER_PEERS HOME_VISITS MEDIUM x=1000 [71.742, 368.258] score=26.3055 flag.peers");
		Flag flag = flags.get(0);
		assertThat(flag.expectedLow()).hasValueSatisfying((low) -> assertThat(low).isEqualByComparingTo("71.742"));
		assertThat(flag.expectedHigh()).hasValueSatisfying((high) -> assertThat(high).isEqualByComparingTo("368.258"));
		assertThat(flag.period()).isEqualTo(AnomalyFixtures.P);
		assertThat(flag.orgLevel()).isEqualTo("VILLAGE");
		assertThat(zh(flag)).isEqualTo("上门走访人次 1000（每户 5），本乡镇 5 个报送村的每户中位数 1.1，偏离 26.3 个稳健标准差。请核实。");
	}

	@Test
	void theAbsoluteDeviationIsMeasuredAtTheMedianRateTimesHouseholds() {
		// ISSUES_ESCALATED (min_abs_change 3): 2/500, 2/400, 1/250, 1/200, x/200:
		// rates 0.004 0.005 0.004 0.005 and x/200; with x = 3 (0.015): m = 0.005,
		// |r − m| sorted 0 0 0.001 0.001 0.01, MAD = 0.001;
		// score = 0.6745 × 0.01 / 0.001 = 6.745 > 5,
		// but |3 − 0.005 × 200| = 2 < 3: no flag
		assertThat(flags("ISSUES_ESCALATED", escalated("3"))).isEmpty();
		// x = 4 (0.02): same m and MAD; score = 0.6745 × 0.015 / 0.001 = 10.1175;
		// |4 − 1| = 3 ≥ 3: MEDIUM
		// range 200 × (0.005 ± 5 × 0.001 / 0.6745) = 1 ± 1.48258 = [−0.4826, 2.4826]
		assertThat(described(flags("ISSUES_ESCALATED", escalated("4")))).containsExactly(
				"430528101205 OUTLIER_PEERS ISSUES_ESCALATED MEDIUM x=4 [-0.4826, 2.4826] score=10.1175 flag.peers");
	}

	@Test
	void madZeroFallsBackToTheMeanAbsoluteDeviationOfTheRates() {
		// HOME_VISITS, six villages at 1 visit per household,
		// and 430528101207 at 400 / 200 = 2:
		// m = 1, MAD = 0; meanAD = 1 / 7; spread = 1.253314 / 7 = 0.17904486
		// score = 1 / 0.17904486 = 5.5852 > 5; |400 − 1 × 200| = 200 ≥ 20: MEDIUM
		// range 200 × (1 ± 5 × 0.17904486) = 200 × [0.10477571, 1.89522429]
		// = [20.9551, 379.0449]
		List<Peer> seven = List.of(new Peer("430528101201", bd("400"), 400), new Peer("430528101202", bd("500"), 500),
				new Peer("430528101203", bd("250"), 250), new Peer("430528101204", bd("300"), 300),
				new Peer("430528101205", bd("350"), 350), new Peer("430528101206", bd("450"), 450),
				new Peer("430528101207", bd("400"), 200));
		assertThat(described(flags("HOME_VISITS", seven))).containsExactly(
				"430528101207 OUTLIER_PEERS HOME_VISITS MEDIUM x=400 [20.9551, 379.0449] score=5.5852 flag.peers");
		// with five villages (four at 1, one at 2): meanAD = 1 / 5, spread = 0.2506628,
		// score = 1 / 0.2506628 = 3.9894, not > 5: no flag
		List<Peer> five = List.of(seven.get(0), seven.get(1), seven.get(2), seven.get(3), seven.get(6));
		assertThat(flags("HOME_VISITS", five)).isEmpty();
	}

	@Test
	void stockIndicatorsAreNotComparedWithPeers() {
		// PAIRED_HOUSEHOLDS is a STOCK: 5 villages with one far out per household:
		// no flag
		List<Peer> households = List.of(new Peer("430528101201", bd("400"), 400),
				new Peer("430528101202", bd("550"), 500), new Peer("430528101203", bd("300"), 250),
				new Peer("430528101204", bd("270"), 300), new Peer("430528101205", bd("1000"), 200));
		assertThat(flags("PAIRED_HOUSEHOLDS", households)).isEmpty();
	}

	@Test
	void aScoreJustAboveFiveIsFlaggedBeforeRounding() {
		// LAND_TRANSFER_MU (min_abs_change 10), 1000 households each:
		// 900 1000 1000 1100 1741.29 -> rates 0.9 1 1 1.1 1.74129; m = 1, MAD = 0.1;
		// 430528101205: score = 0.6745 × 0.74129 / 0.1 = 5.00000105 > 5,
		// |1741.29 − 1000| = 741.29 ≥ 10: MEDIUM;
		// range 1000 × (1 ± 5 × 0.14825797) = [258.7102, 1741.2898] (x is above it);
		// the score is kept as 5.0000
		List<Peer> peers = List.of(new Peer("430528101201", bd("900"), 1000),
				new Peer("430528101202", bd("1000"), 1000), new Peer("430528101203", bd("1000"), 1000),
				new Peer("430528101204", bd("1100"), 1000), new Peer("430528101205", bd("1741.29"), 1000));
		assertThat(described(flags("LAND_TRANSFER_MU", peers))).containsExactly(
				"430528101205 OUTLIER_PEERS LAND_TRANSFER_MU MEDIUM x=1741.29 [258.7102, 1741.2898] score=5 flag.peers");
	}

	private static List<Peer> escalated(String x) {
		return List.of(new Peer("430528101201", bd("2"), 500), new Peer("430528101202", bd("2"), 400),
				new Peer("430528101203", bd("1"), 250), new Peer("430528101204", bd("1"), 200),
				new Peer("430528101205", bd(x), 200));
	}

	private static List<Flag> flags(String indicator, List<Peer> peers) {
		List<Flag> flags = new ArrayList<>();
		RULE.evaluate(indicator(indicator), peers, context(), flags::add);
		return flags;
	}

	private static List<String> described(List<Flag> flags) {
		return flags.stream().map((flag) -> flag.orgCode() + " " + describe(flag)).toList();
	}

	private static BigDecimal bd(String value) {
		return new BigDecimal(value);
	}

}
