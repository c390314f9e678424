package cn.xinning.villagereturns.anomaly;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import cn.xinning.villagereturns.anomaly.PeerOutlierRule.Peer;
import cn.xinning.villagereturns.reference.Indicator;
import cn.xinning.villagereturns.support.Numbers;
import cn.xinning.villagereturns.support.ValueCodes;
import cn.xinning.villagereturns.support.ValuesText;

import static cn.xinning.villagereturns.anomaly.AnomalyFixtures.P;
import static cn.xinning.villagereturns.anomaly.AnomalyFixtures.context;
import static cn.xinning.villagereturns.anomaly.AnomalyFixtures.indicator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The flag rules' fast paths (a value clearly inside its history or its township's rates
 * is decided without the 34-digit division) give exactly the flags of the spec's formulas
 * applied to every value: compared, flag by flag with every argument, with those formulas
 * as the rules applied them before the fast paths (kept here as the reference), on the
 * boundaries (|score| exactly 3.5 and 7, MAD = 0 with the mean-AD fallback, a constant
 * history and ±∞, |x − m| exactly min_abs_change) and on many random samples.
 */
class FastComparisonTests {

	private static final HistoryOutlierRule HISTORY = new HistoryOutlierRule();

	private static final PeerOutlierRule PEERS = new PeerOutlierRule();

	// --- the history rule

	/**
	 * History of HOME_VISITS (min_abs_change 20) with m = 100 and MAD = 67.45: sorted 0
	 * 32.55 32.55 100 167.45 167.45 200, |h − m| 0 67.45 ×4 100 100. score = 0.6745 × (x
	 * − 100) / 67.45 = (x − 100) / 100.
	 */
	private static final String[] MAD_6745 = { "100", "32.55", "167.45", "32.55", "167.45", "0", "200" };

	@Test
	void aScoreOfExactlyThreePointFiveIsNotAFlagAndJustAboveItIs() {
		assertThat(history("HOME_VISITS", "450", MAD_6745)).isEmpty();
		assertThat(
				HistoryOutlierRule.clearlyInside(cents4("450"), cents4(MAD_6745), new long[7], 7, bd("20"), bd("3.5")))
			.isTrue();
		assertThat(HistoryOutlierRule.clearlyInside(cents4("450.01"), cents4(MAD_6745), new long[7], 7, bd("20"),
				bd("3.5")))
			.isFalse();
		assertThat(described(history("HOME_VISITS", "450.01", MAD_6745)))
			.containsExactly("OUTLIER_HISTORY HOME_VISITS MEDIUM x=450.01 score=3.5001 flag.history");
		assertThat(described(history("HOME_VISITS", "-250.01", MAD_6745)))
			.containsExactly("OUTLIER_HISTORY HOME_VISITS MEDIUM x=-250.01 score=-3.5001 flag.history");
		assertSameAsReference("HOME_VISITS", "450", MAD_6745);
		assertSameAsReference("HOME_VISITS", "450.01", MAD_6745);
	}

	@Test
	void aScoreOfExactlySevenIsMediumAndJustAboveItIsHigh() {
		assertThat(described(history("HOME_VISITS", "800", MAD_6745)))
			.containsExactly("OUTLIER_HISTORY HOME_VISITS MEDIUM x=800 score=7 flag.history");
		assertThat(described(history("HOME_VISITS", "800.01", MAD_6745)))
			.containsExactly("OUTLIER_HISTORY HOME_VISITS HIGH x=800.01 score=7.0001 flag.history");
		assertSameAsReference("HOME_VISITS", "800", MAD_6745);
		assertSameAsReference("HOME_VISITS", "800.01", MAD_6745);
	}

	@Test
	void madZeroTakesTheMeanDeviationAndAConstantHistoryGivesInfinity() {
		// more than half the history at 400: MAD = 0, the mean-AD fallback
		String[] mostly400 = { "400", "400", "400", "400", "410", "390", "400" };
		assertThat(HistoryOutlierRule.clearlyInside(cents4("401"), cents4(mostly400), new long[7], 7, bd("0.5"),
				bd("3.5")))
			.isFalse();
		assertThat(described(history("HOME_VISITS", "500", mostly400)))
			.containsExactly("OUTLIER_HISTORY HOME_VISITS HIGH x=500 score=27.926 flag.history.meanAd");
		assertSameAsReference("HOME_VISITS", "500", mostly400);
		assertSameAsReference("HOME_VISITS", "419.99", mostly400);
		assertSameAsReference("HOME_VISITS", "420", mostly400);
		// never varied: ±inf, or 0 at the median
		String[] constant = { "400", "400", "400", "400", "400", "400" };
		assertThat(described(history("HOME_VISITS", "500", constant)))
			.containsExactly("OUTLIER_HISTORY HOME_VISITS HIGH x=500 score=inf flag.history.constant");
		assertThat(described(history("HOME_VISITS", "300", constant)))
			.containsExactly("OUTLIER_HISTORY HOME_VISITS HIGH x=300 score=-inf flag.history.constant");
		assertThat(history("HOME_VISITS", "400", constant)).isEmpty();
		assertThat(history("HOME_VISITS", "419.99", constant)).isEmpty();
		assertSameAsReference("HOME_VISITS", "420", constant);
		assertSameAsReference("HOME_VISITS", "380", constant);
	}

	@Test
	void aDistanceOfExactlyMinAbsChangeIsFarEnough() {
		// m = 100, MAD = 1 (history 99 100 101 ...): score of 120 is 13.49; |x − m| = 20
		String[] tight = { "99", "100", "101", "99", "100", "101", "100" };
		assertThat(described(history("HOME_VISITS", "120", tight)))
			.containsExactly("OUTLIER_HISTORY HOME_VISITS HIGH x=120 score=13.49 flag.history");
		assertThat(history("HOME_VISITS", "119.99", tight)).isEmpty();
		assertSameAsReference("HOME_VISITS", "120", tight);
		assertSameAsReference("HOME_VISITS", "119.99", tight);
	}

	@Test
	void valuesWithoutWholeCentsTakeTheExactPath() {
		// a value the fast path cannot hold (three decimals) is judged by the formulas
		String[] fine = { "100.001", "100", "101", "99", "100", "101", "100" };
		assertSameAsReference("HOME_VISITS", "130", fine);
		assertSameAsReference("HOME_VISITS", "100.5", fine);
	}

	@Test
	void randomHistoriesGiveTheReferenceFlags() {
		Random random = new Random(20261201);
		int flagged = 0;
		int inside = 0;
		for (int round = 0; round < 5_000; round++) {
			int months = 6 + random.nextInt(7);
			String[] history = new String[months];
			long base = random.nextInt(5) * 100L + random.nextInt(3);
			int spread = new int[] { 0, 1, 3, 30, 1000 }[random.nextInt(5)];
			for (int i = 0; i < months; i++) {
				history[i] = cents(base * 100 + ((spread == 0) ? 0 : random.nextInt(spread * 2 + 1) - spread)
						+ ((random.nextInt(4) == 0) ? random.nextInt(3) * 50 : 0));
			}
			String x = cents(base * 100 + random.nextInt(spread * 20 + 5000) - spread * 10 - 2500);
			String code = random.nextBoolean() ? "HOME_VISITS" : "LAND_TRANSFER_MU";
			if (!indicator(code).isFlow()) {
				code = "HOME_VISITS";
			}
			List<Flag> flags = assertSameAsReference(code, x, history);
			flagged += flags.size();
			long[] h4 = cents4(history);
			if (HistoryOutlierRule.clearlyInside(cents4(x), h4, new long[months], months,
					indicator(code).minAbsChange(), AnomalyFixtures.anomaly().historyThreshold())) {
				inside++;
				assertThat(flags).as("x=%s history=%s", x, Arrays.toString(history)).isEmpty();
			}
		}
		// both kinds of outcome happen often: the comparison is not vacuous
		assertThat(flagged).isGreaterThan(500);
		assertThat(inside).isGreaterThan(1_250);
	}

	@Test
	void theMedianBySelectionIsTheMedianBySorting() {
		Random random = new Random(7);
		for (int round = 0; round < 10_000; round++) {
			int n = 1 + random.nextInt(13);
			long[] values = new long[n + 3];
			for (int i = 0; i < values.length; i++) {
				values[i] = random.nextInt(7) - 3 + ((random.nextInt(5) == 0) ? random.nextInt(1000) : 0);
			}
			long[] sorted = Arrays.copyOf(values, n);
			Arrays.sort(sorted);
			long expected = (n % 2 == 1) ? 2 * sorted[n / 2] : sorted[n / 2 - 1] + sorted[n / 2];
			assertThat(HistoryOutlierRule.median2(values, n)).isEqualTo(expected);
		}
	}

	// --- the peer rule

	@Test
	void randomTownshipsGiveTheReferencePeerFlags() {
		Random random = new Random(16);
		int flagged = 0;
		for (int round = 0; round < 2_000; round++) {
			int n = 5 + random.nextInt(16);
			List<Peer> peers = new ArrayList<>();
			int kind = random.nextInt(4);
			for (int i = 0; i < n; i++) {
				int households = 50 + random.nextInt(400);
				long cents = switch (kind) {
					// a common rate: MAD = 0 and the mean-AD fallback, or constant
					case 0 -> households * 100L * (random.nextInt(3) == 0 ? 1 + random.nextInt(2) : 1);
					case 1 -> random.nextInt(5) * 100L;
					default -> households * (100L + random.nextInt(40))
							+ ((random.nextInt(8) == 0) ? random.nextInt(200_000) : 0);
				};
				peers.add(new Peer(String.format("4305281012%02d", i), BigDecimal.valueOf(cents, 2), households));
			}
			String code = "HOME_VISITS";
			List<Flag> fast = peers(code, peers);
			assertThat(render(fast)).as("%s", peers).isEqualTo(render(referencePeers(code, peers)));
			flagged += fast.size();
		}
		assertThat(flagged).isGreaterThan(200);
	}

	@Test
	void aPeerScoreAtFiveBeforeRoundingIsJudgedByTheFormulas() {
		// rates 0.9 1.0 1.1 1.1 1.2 and two near 1.84: m = 1.1, MAD = 0.1, score of rate
		// r = 6.745 × (r − 1.1), which is 5 at r = 1.1 + 5 / 6.745 = 12419.5 / 6745:
		// whether that flags is decided by the 34-digit rounding of the rate, as the
		// formulas do; one cent more is clearly a flag
		List<Peer> peers = List.of(new Peer("430528101201", bd("90"), 100), new Peer("430528101202", bd("100"), 100),
				new Peer("430528101203", bd("110"), 100), new Peer("430528101204", bd("110"), 100),
				new Peer("430528101205", bd("120"), 100), new Peer("430528101206", bd("12419.50"), 6745),
				new Peer("430528101207", bd("12419.51"), 6745));
		assertThat(PeerOutlierRule.clearlyInside(peers, bd("5"))).containsExactly(true, true, true, true, true, false,
				false);
		List<Flag> flags = peers("HOME_VISITS", peers);
		assertThat(render(flags)).isEqualTo(render(referencePeers("HOME_VISITS", peers)));
		assertThat(flags).extracting(Flag::orgCode).contains("430528101207");
	}

	@Test
	void peersWithMadZeroTakeTheFormulas() {
		// eight at 1.0 per household, one at 1.1, one at 10: MAD = 0, meanAD = 0.91,
		// score of 10 = 9 / (1.253314 × 0.91) = 7.89
		List<Peer> peers = new ArrayList<>();
		for (int i = 1; i <= 8; i++) {
			peers.add(new Peer("43052810120" + i, bd("100"), 100));
		}
		peers.add(new Peer("430528101209", bd("110"), 100));
		peers.add(new Peer("430528101210", bd("1000"), 100));
		assertThat(PeerOutlierRule.clearlyInside(peers, bd("5"))).isNull();
		List<Flag> flags = peers("HOME_VISITS", peers);
		assertThat(render(flags)).isEqualTo(render(referencePeers("HOME_VISITS", peers)));
		assertThat(flags).extracting(Flag::orgCode).containsExactly("430528101210");
	}

	// --- decoding

	@Test
	void decodingGivesTheValuesOfValuesText() {
		IndicatorValues.Index index = IndicatorValues.index(AnomalyFixtures.catalogue());
		Random random = new Random(3);
		List<Indicator> all = AnomalyFixtures.catalogue().all();
		// the three forms a stored text can have: every code by name (before V78), every
		// one numbered (numbers in no particular order, one for a code the catalogue has
		// dropped), and some numbered (a catalogue's new code not yet numbered)
		Map<Integer, String> every = new HashMap<>();
		Map<Integer, String> some = new HashMap<>();
		List<String> shuffled = new ArrayList<>(all.stream().map(Indicator::code).toList());
		shuffled.add("NOT_IN_CATALOGUE");
		java.util.Collections.shuffle(shuffled, random);
		for (int i = 0; i < shuffled.size(); i++) {
			every.put(i + 1, shuffled.get(i));
			if (i % 3 != 0) {
				some.put(i + 1, shuffled.get(i));
			}
		}
		for (ValueCodes codes : List.of(ValueCodes.NONE, ValueCodes.of(every), ValueCodes.of(some))) {
			IndicatorValues.Numbering numbering = new IndicatorValues.Numbering(index, () -> codes);
			for (int round = 0; round < 2_000; round++) {
				Map<String, BigDecimal> values = new TreeMap<>();
				for (Indicator indicator : all) {
					if (random.nextInt(3) > 0) {
						long cents = (random.nextInt(10) == 0) ? -random.nextInt(100_000) : (random.nextInt(10) == 0)
								? Long.MAX_VALUE / (1 + random.nextInt(1000)) : random.nextInt(1_000_000);
						values.put(indicator.code(), BigDecimal.valueOf(cents, 2));
					}
				}
				if (random.nextInt(10) == 0) {
					values.put("NOT_IN_CATALOGUE", new BigDecimal("1.50"));
				}
				String text = ValuesText.encode(values, codes);
				assertThat(ValuesText.decode(text, codes)).isEqualTo(values);
				IndicatorValues decoded = IndicatorValues.decode(text, index, numbering);
				assertThat(new LinkedHashMap<>(decoded)).isEqualTo(values);
				for (int i = 0; i < all.size(); i++) {
					BigDecimal value = values.get(all.get(i).code());
					assertThat(decoded.at(i)).isEqualTo(value);
					long cents = decoded.centsAt(i);
					if (cents != IndicatorValues.NONE) {
						assertThat(BigDecimal.valueOf(cents, 2)).isEqualTo(value);
					}
				}
			}
		}
		assertThat(IndicatorValues.parseCents("412.00", 0, 6)).isEqualTo(41200);
		assertThat(IndicatorValues.parseCents("-0.05", 0, 5)).isEqualTo(-5);
		assertThat(IndicatorValues.parseCents("412.5", 0, 5)).isEqualTo(IndicatorValues.NONE);
		assertThat(IndicatorValues.parseCents("412", 0, 3)).isEqualTo(IndicatorValues.NONE);
		IndicatorValues.Numbering none = new IndicatorValues.Numbering(index, () -> ValueCodes.NONE);
		assertThat(IndicatorValues.decode("HOME_VISITS=412.5", index, none).get("HOME_VISITS")).isEqualTo(bd("412.5"));
	}

	@Test
	void aNumberedTextIsHalfTheLengthAndReadsAsTheNamedOne() {
		Map<Integer, String> numbers = new HashMap<>();
		List<Indicator> all = AnomalyFixtures.catalogue().all();
		for (int i = 0; i < all.size(); i++) {
			numbers.put(i + 1, all.get(i).code());
		}
		ValueCodes codes = ValueCodes.of(numbers);
		Map<String, BigDecimal> values = new TreeMap<>();
		all.forEach((indicator) -> values.put(indicator.code(), new BigDecimal("412.00")));
		String named = ValuesText.encode(values, ValueCodes.NONE);
		String numbered = ValuesText.encode(values, codes);
		assertThat(numbered).startsWith("#" + codes.numberOf(new TreeMap<>(values).firstKey()) + "=412.00;");
		assertThat(numbered.length()).isLessThan(named.length() / 2);
		assertThat(ValuesText.decode(numbered, codes)).isEqualTo(ValuesText.decode(named, codes)).isEqualTo(values);
		assertThat(ValuesText.encode(Map.of("HOME_VISITS", new BigDecimal("35.5")), codes))
			.isEqualTo("#" + codes.numberOf("HOME_VISITS") + "=35.50");
	}

	@Test
	void aNumberNotYetReadIsLookedUpOnceMoreAndAnUnknownOneIsAnError() {
		IndicatorValues.Index index = IndicatorValues.index(AnomalyFixtures.catalogue());
		// another process numbered HOME_VISITS (21) after this pass read the table
		List<ValueCodes> reads = new ArrayList<>(List.of(ValueCodes.of(Map.of(1, "PAIRED_HOUSEHOLDS")),
				ValueCodes.of(Map.of(1, "PAIRED_HOUSEHOLDS", 21, "HOME_VISITS"))));
		List<ValueCodes> given = new ArrayList<>();
		IndicatorValues.Numbering numbering = new IndicatorValues.Numbering(index, () -> {
			ValueCodes next = reads.get(Math.min(given.size(), reads.size() - 1));
			given.add(next);
			return next;
		});
		IndicatorValues decoded = IndicatorValues.decode("#21=7.00;#1=3.00", index, numbering);
		assertThat(new TreeMap<>(decoded)).hasToString("{HOME_VISITS=7.00, PAIRED_HOUSEHOLDS=3.00}");
		assertThat(given).hasSize(2);
		assertThatThrownBy(() -> IndicatorValues.decode("#22=7.00", index, numbering))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("indicator number 22");
		assertThatThrownBy(() -> ValuesText.decode("#2=1.00", ValueCodes.of(Map.of(1, "HOME_VISITS"))))
			.hasMessageContaining("indicator number 2");
	}

	// --- helpers

	private static List<Flag> assertSameAsReference(String code, String x, String... newestFirst) {
		List<Flag> fast = history(code, x, newestFirst);
		List<Flag> reference = referenceHistory(data(code, x, newestFirst), context());
		assertThat(render(fast)).as("x=%s history=%s", x, Arrays.toString(newestFirst)).isEqualTo(render(reference));
		return fast;
	}

	private static List<Flag> history(String code, String x, String... newestFirst) {
		List<Flag> flags = new ArrayList<>();
		HISTORY.evaluate(data(code, x, newestFirst), AnomalyFixtures.SHUIYAN, context(), flags::add);
		return flags;
	}

	private static VillageData data(String code, String x, String... newestFirst) {
		return AnomalyFixtures.returns().in(P, code, x).before(P, code, newestFirst).data();
	}

	private static List<Flag> peers(String code, List<Peer> peers) {
		List<Flag> flags = new ArrayList<>();
		PEERS.evaluate(indicator(code), peers, context(), flags::add);
		return flags;
	}

	/** Everything a flag carries, numbers as their exact decimal text. */
	private static List<String> render(List<Flag> flags) {
		return flags.stream()
			.map((f) -> f + " low=" + f.expectedLow().map(BigDecimal::toPlainString) + " high="
					+ f.expectedHigh().map(BigDecimal::toPlainString) + " score=" + f.score().text() + " "
					+ ((f.score() instanceof Score.Finite finite) ? finite.value().toPlainString() : ""))
			.toList();
	}

	private static List<String> described(List<Flag> flags) {
		return flags.stream()
			.map((f) -> f.rule() + " " + f.indicator() + " " + f.severity() + " x="
					+ f.observed().map((v) -> v.stripTrailingZeros().toPlainString()).orElse("-") + " score="
					+ f.score().text() + " " + f.messageKey())
			.toList();
	}

	private static long[] cents4(String... values) {
		return Arrays.stream(values)
			.mapToLong((v) -> 4 * new BigDecimal(v).movePointRight(2).longValueExact())
			.toArray();
	}

	private static long cents4(String value) {
		return cents4(new String[] { value })[0];
	}

	private static String cents(long cents) {
		return BigDecimal.valueOf(cents, 2).toPlainString();
	}

	private static BigDecimal bd(String text) {
		return new BigDecimal(text);
	}

	/** OUTLIER_HISTORY as it was before the fast path: the formulas for every value. */
	private static List<Flag> referenceHistory(VillageData data, RuleContext context) {
		List<Flag> flags = new ArrayList<>();
		AnomalyProperties anomaly = context.anomaly();
		YearMonth period = context.period();
		Optional<VillageData.MonthReturn> now = data.in(period);
		if (now.isEmpty()) {
			return flags;
		}
		List<Map<String, BigDecimal>> before = new ArrayList<>();
		for (int back = 1; back <= anomaly.historyMonths(); back++) {
			data.in(period.minusMonths(back)).ifPresent((r) -> before.add(r.values()));
		}
		if (before.size() < anomaly.historyMinValues()) {
			return flags;
		}
		for (Indicator indicator : context.catalogue().all()) {
			BigDecimal x = now.get().values().get(indicator.code());
			if (!indicator.isFlow() || x == null) {
				continue;
			}
			List<BigDecimal> history = new ArrayList<>();
			for (Map<String, BigDecimal> month : before) {
				if (month.get(indicator.code()) != null) {
					history.add(month.get(indicator.code()));
				}
			}
			if (history.size() < anomaly.historyMinValues()) {
				continue;
			}
			RobustSample sample = RobustSample.of(history);
			Score score = sample.score(x);
			if (!score.exceeds(anomaly.historyThreshold())
					|| x.subtract(sample.median()).abs().compareTo(indicator.minAbsChange()) < 0) {
				continue;
			}
			FlagSeverity severity = score.exceeds(anomaly.historyHighThreshold()) ? FlagSeverity.HIGH
					: anomaly.severityOf(HistoryOutlierRule.CODE, FlagSeverity.MEDIUM);
			String key = switch (sample.method()) {
				case MAD -> "flag.history";
				case MEAN_AD -> "flag.history.meanAd";
				case CONSTANT -> "flag.history.constant";
			};
			flags.add(new Flag(period, Flag.VILLAGE, AnomalyFixtures.SHUIYAN.code(), indicator.code(),
					HistoryOutlierRule.CODE, severity, Optional.of(x),
					Optional.of(sample.low(anomaly.historyThreshold())),
					Optional.of(sample.high(anomaly.historyThreshold())), score, key,
					List.of(indicator.nameZh(), Numbers.format(x), String.valueOf(anomaly.historyMonths()),
							Numbers.format(sample.median().setScale(2, RoundingMode.HALF_UP)), score.shortText(),
							String.valueOf(history.size()), indicator.nameEn())));
		}
		return flags;
	}

	/** OUTLIER_PEERS as it was before the fast path. */
	private static List<Flag> referencePeers(String code, List<Peer> peers) {
		List<Flag> flags = new ArrayList<>();
		RuleContext context = context();
		Indicator indicator = indicator(code);
		AnomalyProperties anomaly = context.anomaly();
		List<BigDecimal> rates = new ArrayList<>();
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
			flags.add(new Flag(context.period(), Flag.VILLAGE, peer.village(), indicator.code(), PeerOutlierRule.CODE,
					anomaly.severityOf(PeerOutlierRule.CODE, FlagSeverity.MEDIUM), Optional.of(peer.value()),
					Optional.of(sample.low(threshold).multiply(households, RobustSample.MATH)),
					Optional.of(sample.high(threshold).multiply(households, RobustSample.MATH)), score, "flag.peers",
					List.of(indicator.nameZh(), Numbers.format(peer.value()), peerRate(peer.rate()),
							String.valueOf(peers.size()), peerRate(sample.median()), score.shortText(),
							indicator.nameEn())));
		}
		return flags;
	}

	private static String peerRate(BigDecimal rate) {
		return Numbers.format(rate.setScale(2, RoundingMode.HALF_UP));
	}

}
