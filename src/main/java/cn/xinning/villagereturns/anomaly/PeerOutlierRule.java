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
		List<BigDecimal> rates = new ArrayList<>(peers.size());
		for (Peer peer : peers) {
			rates.add(peer.rate());
		}
		RobustSample sample = RobustSample.of(rates);
		BigDecimal threshold = anomaly.peersThreshold();
		for (Peer peer : peers) {
			Score score = sample.score(peer.rate());
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
					List.of(indicator.nameZh(), Numbers.format(peer.value()), rate(peer.rate()),
							String.valueOf(peers.size()), rate(sample.median()), score.shortText(),
							indicator.nameEn())));
		}
	}

	private static String rate(BigDecimal rate) {
		return Numbers.format(rate.setScale(2, RoundingMode.HALF_UP));
	}

}
