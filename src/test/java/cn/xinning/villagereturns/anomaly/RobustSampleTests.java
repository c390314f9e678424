package cn.xinning.villagereturns.anomaly;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Spec section 7, the robust statistics every outlier rule uses: m = median, MAD = median
 * |h − m|, score = 0.6745·(x − m)/MAD; if MAD = 0, score = (x − m)/(1.253314·meanAD); if
 * meanAD = 0 too, score = 0 when x = m, else ±∞. The range is m ± threshold·spread
 * (spread = MAD/0.6745 or 1.253314·meanAD). Scores are kept with four decimals.
 */
class RobustSampleTests {

	@Test
	void medianOfAnOddAndAnEvenSample() {
		// odd: sorted 1 2 3 -> 2; even: sorted 1 2 3 4 -> (2 + 3) / 2 = 2.5
		assertThat(RobustSample.median(sample("3", "1", "2"))).isEqualByComparingTo("2");
		assertThat(RobustSample.median(sample("4", "1", "3", "2"))).isEqualByComparingTo("2.5");
	}

	@Test
	void madSample() {
		// 50 50 49 51 48 52 48 52 47 53 46 54: m = (50 + 50) / 2 = 50;
		// |h − m| = 0 0 1 1 2 2 2 2 3 3 4 4 -> MAD = (2 + 2) / 2 = 2; spread = 2 / 0.6745
		// x = 70: score = 0.6745 × 20 / 2 = 6.745;
		// range 50 ± 3.5 × 2.965159... = [39.6219, 60.3781]
		RobustSample sample = RobustSample
			.of(sample("50", "50", "49", "51", "48", "52", "48", "52", "47", "53", "46", "54"));
		assertThat(sample.method()).isEqualTo(RobustSample.Method.MAD);
		assertThat(sample.median()).isEqualByComparingTo("50");
		assertThat(sample.spread())
			.isEqualByComparingTo(new BigDecimal("2").divide(new BigDecimal("0.6745"), MathContext.DECIMAL128));
		assertThat(sample.score(new BigDecimal("70")).text()).isEqualTo("6.745");
		assertThat(sample.score(new BigDecimal("30")).text()).isEqualTo("-6.745");
		assertThat(sample.low(new BigDecimal("3.5")).setScale(4, RoundingMode.HALF_UP)).isEqualByComparingTo("39.6219");
		assertThat(sample.high(new BigDecimal("3.5")).setScale(4, RoundingMode.HALF_UP))
			.isEqualByComparingTo("60.3781");
	}

	@Test
	void meanAbsoluteDeviationTakesOverWhenMadIsZero() {
		// 400 ×8, 380, 420, 300, 500: m = 400; |h − m| = 0 ×8, 20, 20, 100, 100:
		// MAD = 0
		// meanAD = 240 / 12 = 20; spread = 1.253314 × 20 = 25.06628
		// x = 500: score = 100 / 25.06628 = 3.98942... -> 3.9894
		// range 400 ± 3.5 × 25.06628 = 400 ± 87.73198 = [312.26802, 487.73198]
		RobustSample sample = RobustSample
			.of(sample("400", "400", "400", "400", "400", "400", "400", "400", "380", "420", "300", "500"));
		assertThat(sample.method()).isEqualTo(RobustSample.Method.MEAN_AD);
		assertThat(sample.median()).isEqualByComparingTo("400");
		assertThat(sample.spread()).isEqualByComparingTo("25.06628");
		assertThat(sample.score(new BigDecimal("500")).text()).isEqualTo("3.9894");
		assertThat(sample.low(new BigDecimal("3.5"))).isEqualByComparingTo("312.26802");
		assertThat(sample.high(new BigDecimal("3.5"))).isEqualByComparingTo("487.73198");
	}

	@Test
	void aConstantSampleScoresZeroOrPlusMinusInfinity() {
		// 4 ×12: m = 4, MAD = 0, meanAD = 0: x = 4 -> 0; x = 5 -> inf; x = 3 -> -inf;
		// range [4, 4]
		RobustSample sample = RobustSample.of(sample("4", "4", "4", "4", "4", "4", "4", "4", "4", "4", "4", "4"));
		assertThat(sample.method()).isEqualTo(RobustSample.Method.CONSTANT);
		assertThat(sample.spread()).isEqualByComparingTo("0");
		Score same = sample.score(new BigDecimal("4"));
		assertThat(same.text()).isEqualTo("0");
		assertThat(same.exceeds(new BigDecimal("3.5"))).isFalse();
		Score above = sample.score(new BigDecimal("5"));
		assertThat(above.text()).isEqualTo("inf");
		assertThat(above.shortText()).isEqualTo("∞");
		assertThat(above.exceeds(new BigDecimal("7"))).isTrue();
		Score below = sample.score(new BigDecimal("3"));
		assertThat(below.text()).isEqualTo("-inf");
		assertThat(below.exceeds(new BigDecimal("7"))).isTrue();
		assertThat(sample.low(new BigDecimal("3.5"))).isEqualByComparingTo("4");
		assertThat(sample.high(new BigDecimal("3.5"))).isEqualByComparingTo("4");
	}

	@Test
	void aZeroInflatedCountFallsBackToTheMeanAbsoluteDeviation() {
		// 0 ×11, 2: m = 0, MAD = 0, meanAD = 2 / 12 = 0.1666...;
		// spread = 1.253314 / 6 = 0.2088856666...
		// x = 1: 4.78729... -> 4.7873; x = 2: 9.57459... -> 9.5746
		RobustSample sample = RobustSample.of(sample("0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "2"));
		assertThat(sample.method()).isEqualTo(RobustSample.Method.MEAN_AD);
		assertThat(sample.median()).isEqualByComparingTo("0");
		assertThat(sample.score(new BigDecimal("1")).text()).isEqualTo("4.7873");
		assertThat(sample.score(new BigDecimal("2")).text()).isEqualTo("9.5746");
	}

	@Test
	void thresholdsAreStrict() {
		// |score| must be greater than the threshold:
		// 3.5 does not exceed 3.5, -3.5001 does
		assertThat(Score.of(new BigDecimal("3.5")).exceeds(new BigDecimal("3.5"))).isFalse();
		assertThat(Score.of(new BigDecimal("-3.5001")).exceeds(new BigDecimal("3.5"))).isTrue();
		assertThat(Score.none().exceeds(new BigDecimal("3.5"))).isFalse();
		assertThat(Score.none().text()).isEmpty();
	}

	@Test
	void anEmptySampleHasNoMedian() {
		assertThatIllegalArgumentException().isThrownBy(() -> RobustSample.of(List.of()));
	}

	@Test
	void theScoreIsTheSpecFormulaRoundedToFourDecimals() {
		// the MAD sample above, x = 65: 0.6745 × (65 − 50) / 2 = 5.05875 exactly,
		// kept as 5.0588 (half up); the code divides by the rounded spread
		// 2.965159...6672, gets 5.0587499... and keeps 5.0587
		RobustSample sample = RobustSample
			.of(sample("50", "50", "49", "51", "48", "52", "48", "52", "47", "53", "46", "54"));
		assertThat(sample.score(new BigDecimal("65")).text()).isEqualTo("5.0588");
	}

	private static List<BigDecimal> sample(String... values) {
		return Arrays.stream(values).map(BigDecimal::new).toList();
	}

}
