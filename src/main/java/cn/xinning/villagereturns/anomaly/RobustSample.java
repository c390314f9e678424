package cn.xinning.villagereturns.anomaly;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a sample's values lie, robustly (spec section 7): its median m and a spread from
 * the median absolute deviation, so that a value x scores 0.6745·(x − m)/MAD. When MAD is
 * 0 (more than half the sample is one value) the mean absolute deviation takes over, and
 * x scores (x − m)/(1.253314·meanAD); when that is 0 too the sample never varied, and x
 * scores 0 if it is m, else ±infinity. Exact decimal arithmetic (34 digits), so every
 * database gives the same flags.
 *
 * @param median m
 * @param spread the standard-deviation estimate a score divides by: MAD/0.6745, or
 * 1.253314·meanAD, or 0
 * @param method which estimate was used
 * @param deviation the MAD or the mean absolute deviation the score is computed from (0
 * for a constant sample)
 */
public record RobustSample(BigDecimal median, BigDecimal spread, Method method, BigDecimal deviation) {

	static final MathContext MATH = MathContext.DECIMAL128;

	static final BigDecimal MAD_TO_SD = new BigDecimal("0.6745");

	static final BigDecimal MEAN_AD_TO_SD = new BigDecimal("1.253314");

	public enum Method {

		/** Median absolute deviation. */
		MAD,
		/** Mean absolute deviation, because MAD was 0. */
		MEAN_AD,
		/** The sample never varied. */
		CONSTANT

	}

	public static RobustSample of(List<BigDecimal> sample) {
		if (sample.isEmpty()) {
			throw new IllegalArgumentException("An empty sample has no median");
		}
		BigDecimal m = median(sample);
		List<BigDecimal> deviations = new ArrayList<>(sample.size());
		for (BigDecimal h : sample) {
			deviations.add(h.subtract(m).abs());
		}
		BigDecimal mad = median(deviations);
		if (mad.signum() > 0) {
			return new RobustSample(m, mad.divide(MAD_TO_SD, MATH), Method.MAD, mad);
		}
		BigDecimal sum = BigDecimal.ZERO;
		for (BigDecimal d : deviations) {
			sum = sum.add(d);
		}
		BigDecimal meanAd = sum.divide(BigDecimal.valueOf(deviations.size()), MATH);
		if (meanAd.signum() > 0) {
			return new RobustSample(m, MEAN_AD_TO_SD.multiply(meanAd, MATH), Method.MEAN_AD, meanAd);
		}
		return new RobustSample(m, BigDecimal.ZERO, Method.CONSTANT, BigDecimal.ZERO);
	}

	/**
	 * The spec's formulas as written, so that a tie at the fifth decimal rounds as they
	 * say.
	 */
	public Score score(BigDecimal x) {
		BigDecimal distance = x.subtract(this.median);
		return switch (this.method) {
			case MAD -> Score.of(MAD_TO_SD.multiply(distance).divide(this.deviation, MATH));
			case MEAN_AD -> Score.of(distance.divide(MEAN_AD_TO_SD.multiply(this.deviation), MATH));
			case CONSTANT -> (distance.signum() == 0) ? Score.of(BigDecimal.ZERO) : Score.infinite(distance.signum());
		};
	}

	/**
	 * The value {@code threshold} spreads below the median (the median itself for a
	 * constant sample).
	 */
	public BigDecimal low(BigDecimal threshold) {
		return this.median.subtract(threshold.multiply(this.spread, MATH));
	}

	/** The value {@code threshold} spreads above the median. */
	public BigDecimal high(BigDecimal threshold) {
		return this.median.add(threshold.multiply(this.spread, MATH));
	}

	static BigDecimal median(List<BigDecimal> values) {
		List<BigDecimal> sorted = new ArrayList<>(values);
		sorted.sort(null);
		int n = sorted.size();
		if (n % 2 == 1) {
			return sorted.get(n / 2);
		}
		return sorted.get(n / 2 - 1).add(sorted.get(n / 2)).divide(BigDecimal.valueOf(2), MATH);
	}

}
