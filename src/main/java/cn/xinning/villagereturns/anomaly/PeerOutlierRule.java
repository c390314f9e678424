package cn.xinning.villagereturns.anomaly;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.springframework.stereotype.Component;

import cn.xinning.villagereturns.reference.Indicator;
import cn.xinning.villagereturns.support.Numbers;

/**
 * OUTLIER_PEERS: a village's activity per registered household far from the other
 * villages of its township that month (at least five reporting), and far enough in
 * absolute terms: the value it would have at the township's median rate differs by at
 * least min_abs_change.
 */
@Component
public class PeerOutlierRule {

	public static final String CODE = "OUTLIER_PEERS";

	/**
	 * One reporting village of the township.
	 *
	 * @param village the village code
	 * @param value its value
	 * @param households its registered households (above 0)
	 */
	public record Peer(String village, BigDecimal value, int households) {

		BigDecimal rate() {
			return this.value.divide(BigDecimal.valueOf(this.households), RobustSample.MATH);
		}

	}

	/**
	 * Judges every village of one township and one FLOW indicator in the context's
	 * period.
	 */
	public void evaluate(Indicator indicator, List<Peer> peers, RuleContext context, Consumer<Flag> flags) {
		AnomalyProperties anomaly = context.anomaly();
		if (!indicator.isFlow() || !anomaly.isOn(CODE) || peers.size() < anomaly.peersMinVillages()) {
			return;
		}
		BigDecimal threshold = anomaly.peersThreshold();
		boolean[] inside = clearlyInside(peers, threshold);
		// the exact sample only when some village is not clearly inside
		RobustSample sample = null;
		BigDecimal[] rates = null;
		for (int p = 0; p < peers.size(); p++) {
			if (inside != null && inside[p]) {
				continue;
			}
			if (sample == null) {
				rates = new BigDecimal[peers.size()];
				for (int r = 0; r < rates.length; r++) {
					rates[r] = peers.get(r).rate();
				}
				sample = RobustSample.of(java.util.Arrays.asList(rates));
			}
			Peer peer = peers.get(p);
			Score score = sample.score(rates[p]);
			BigDecimal households = BigDecimal.valueOf(peer.households());
			BigDecimal atMedian = sample.median().multiply(households, RobustSample.MATH);
			if (!score.exceeds(threshold)
					|| peer.value().subtract(atMedian).abs().compareTo(indicator.minAbsChange()) < 0) {
				continue;
			}
			flags.accept(new Flag(context.period(), Flag.VILLAGE, peer.village(), indicator.code(), CODE,
					anomaly.severityOf(CODE, FlagSeverity.MEDIUM), Optional.of(peer.value()),
					Optional.of(sample.low(threshold).multiply(households, RobustSample.MATH)),
					Optional.of(sample.high(threshold).multiply(households, RobustSample.MATH)), score, "flag.peers",
					List.of(indicator.nameZh(), Numbers.format(peer.value()), rate(rates[p]),
							String.valueOf(peers.size()), rate(sample.median()), score.shortText(),
							indicator.nameEn())));
		}
	}

	private static String rate(BigDecimal rate) {
		return Numbers.format(rate.setScale(2, RoundingMode.HALF_UP));
	}

	/** How much larger than the floating-point error a margin is (see below). */
	private static final double MARGIN = 1e-12;

	/**
	 * Which villages certainly raise no flag, decided in floating point with a margin far
	 * above its error, or null when that cannot be decided for the township (the spread
	 * is too small against the rates, MAD may be 0, a value is out of range).
	 *
	 * <p>
	 * Every rate, the median, the deviations and MAD in {@code double} are within a few
	 * units of 2^-53 × R (R: the largest |rate|) of the spec's 34-digit ones, so with δ =
	 * 10^-12 × R, more than a thousand times that: when MAD − 8δ &gt; 0 and 0.6745·(|r −
	 * m| + 8δ) &lt; threshold·(MAD − 8δ)·(1 − 10^-12), the exact score is below the
	 * threshold whatever the rounding, and the village is not flagged. Any other village
	 * takes the exact formulas.
	 */
	static boolean[] clearlyInside(List<Peer> peers, BigDecimal threshold) {
		int n = peers.size();
		double[] rates = new double[n];
		double largest = 0;
		for (int i = 0; i < n; i++) {
			Peer peer = peers.get(i);
			double rate = peer.value().doubleValue() / peer.households();
			if (!Double.isFinite(rate) || Math.abs(peer.value().doubleValue()) > 1e15) {
				return null;
			}
			rates[i] = rate;
			largest = Math.max(largest, Math.abs(rate));
		}
		double t = threshold.doubleValue();
		if (!(t > 0) || !Double.isFinite(t)) {
			return null;
		}
		double median = median(rates.clone());
		double[] deviations = new double[n];
		for (int i = 0; i < n; i++) {
			deviations[i] = Math.abs(rates[i] - median);
		}
		double mad = median(deviations.clone());
		double delta = MARGIN * largest;
		double spread = mad - 8 * delta;
		if (!(spread > 8 * delta)) {
			return null;
		}
		double limit = t * spread * (1 - MARGIN);
		boolean[] inside = new boolean[n];
		for (int i = 0; i < n; i++) {
			inside[i] = RobustSample.MAD_TO_SD.doubleValue() * (deviations[i] + 8 * delta) < limit;
		}
		return inside;
	}

	private static double median(double[] values) {
		java.util.Arrays.sort(values);
		int n = values.length;
		return (n % 2 == 1) ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
	}

}
