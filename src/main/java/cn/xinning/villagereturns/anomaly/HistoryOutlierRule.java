package cn.xinning.villagereturns.anomaly;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.springframework.stereotype.Component;

import cn.xinning.villagereturns.reference.Indicator;
import cn.xinning.villagereturns.reference.Village;
import cn.xinning.villagereturns.support.Numbers;

/**
 * OUTLIER_HISTORY: an activity (FLOW) value far from the same village's own accepted
 * values of the twelve months before, when there are at least six of them, and far enough
 * in absolute terms to matter (min_abs_change of the catalogue).
 */
@Component
public class HistoryOutlierRule implements VillageRule {

	public static final String CODE = "OUTLIER_HISTORY";

	@Override
	public List<String> codes() {
		return List.of(CODE);
	}

	@Override
	public void evaluate(VillageData data, Village village, RuleContext context, Consumer<Flag> flags) {
		AnomalyProperties anomaly = context.anomaly();
		YearMonth period = context.period();
		Optional<VillageData.MonthReturn> now = data.in(period);
		if (now.isEmpty()) {
			return;
		}
		IndicatorValues.Index index = IndicatorValues.index(context.catalogue());
		// the months looked up once, not once per indicator
		List<IndicatorValues> before = new ArrayList<>(anomaly.historyMonths());
		for (int back = 1; back <= anomaly.historyMonths(); back++) {
			data.in(period.minusMonths(back)).ifPresent((r) -> before.add(IndicatorValues.of(r.values(), index)));
		}
		if (before.size() < anomaly.historyMinValues()) {
			return;
		}
		IndicatorValues current = IndicatorValues.of(now.get().values(), index);
		long[] history4 = new long[before.size()];
		long[] deviations = new long[before.size()];
		List<Indicator> indicators = context.catalogue().all();
		for (int position = 0; position < indicators.size(); position++) {
			Indicator indicator = indicators.get(position);
			if (!indicator.isFlow()) {
				continue;
			}
			BigDecimal observedValue = current.at(position);
			if (observedValue == null) {
				continue;
			}
			int count = 0;
			boolean inCents = current.centsAt(position) != IndicatorValues.NONE;
			for (IndicatorValues month : before) {
				if (month.at(position) != null) {
					long cents = month.centsAt(position);
					inCents &= cents != IndicatorValues.NONE;
					history4[count++] = 4 * cents;
				}
			}
			if (count < anomaly.historyMinValues()) {
				continue;
			}
			// most values are clearly inside: decided exactly in whole numbers, without
			// a decimal division; only the others take the spec's formulas below
			if (inCents && clearlyInside(4 * current.centsAt(position), history4, deviations, count,
					indicator.minAbsChange(), anomaly.historyThreshold())) {
				continue;
			}
			List<BigDecimal> history = new ArrayList<>(count);
			for (IndicatorValues month : before) {
				BigDecimal value = month.at(position);
				if (value != null) {
					history.add(value);
				}
			}
			Optional<BigDecimal> observed = Optional.of(observedValue);
			BigDecimal x = observed.get();
			// most values are near their median: the cheap half of the condition first
			if (x.subtract(RobustSample.median(history)).abs().compareTo(indicator.minAbsChange()) < 0) {
				continue;
			}
			RobustSample sample = RobustSample.of(history);
			Score score = sample.score(x);
			if (!score.exceeds(anomaly.historyThreshold())
					|| x.subtract(sample.median()).abs().compareTo(indicator.minAbsChange()) < 0) {
				continue;
			}
			FlagSeverity severity = score.exceeds(anomaly.historyHighThreshold()) ? FlagSeverity.HIGH
					: anomaly.severityOf(CODE, FlagSeverity.MEDIUM);
			String key = switch (sample.method()) {
				case MAD -> "flag.history";
				case MEAN_AD -> "flag.history.meanAd";
				case CONSTANT -> "flag.history.constant";
			};
			flags.accept(new Flag(period, Flag.VILLAGE, village.code(), indicator.code(), CODE, severity,
					Optional.of(x), Optional.of(sample.low(anomaly.historyThreshold())),
					Optional.of(sample.high(anomaly.historyThreshold())), score, key,
					List.of(indicator.nameZh(), Numbers.format(x), String.valueOf(anomaly.historyMonths()),
							Numbers.format(sample.median().setScale(2, java.math.RoundingMode.HALF_UP)),
							score.shortText(), String.valueOf(history.size()), indicator.nameEn())));
		}
	}

	/**
	 * Whether the value certainly raises no flag, decided exactly in whole numbers: the
	 * values in quarters of a cent ({@code x4}, {@code history4}: 4 × cents, so that the
	 * median of an even count and the median of the deviations are whole too). True when
	 * |x − m| &lt; min_abs_change, or when MAD &gt; 0 and 0.6745·|x − m| ≤ threshold·MAD:
	 * the score is then at most the threshold before the division's rounding to 34
	 * digits, and that rounding is monotone and keeps the threshold (a short decimal) as
	 * it is, so the score does not exceed it either. False when undecided (MAD = 0, the
	 * threshold or min_abs_change finer than the units, a product too large): the caller
	 * then applies the spec's formulas.
	 * @param x4 the observed value, 4 × cents
	 * @param history4 the history, 4 × cents, in its first {@code count} places
	 * (reordered)
	 * @param deviations room for {@code count} deviations
	 * @param count the history's size
	 * @param minAbsChange min_abs_change of the indicator
	 * @param threshold the score a flag needs to exceed
	 * @return whether no flag is certain
	 */
	static boolean clearlyInside(long x4, long[] history4, long[] deviations, int count, BigDecimal minAbsChange,
			BigDecimal threshold) {
		long median2 = median2(history4, count);
		// 2 × the median, in quarters of a cent; 2 × |x − m| the same way
		long distance2 = Math.abs(2 * x4 - median2);
		long minAbs = wholeUnits(minAbsChange, 2);
		if (minAbs != IndicatorValues.NONE && distance2 < Math.multiplyExact(minAbs, 8)) {
			return true;
		}
		for (int i = 0; i < count; i++) {
			deviations[i] = Math.abs(2 * history4[i] - median2);
		}
		// 2 × MAD (the deviations are 2 × |h − m|), so median2 gives 4 × MAD
		long mad4 = median2(deviations, count);
		long threshold4 = wholeUnits(threshold, 4);
		if (mad4 <= 0 || threshold4 == IndicatorValues.NONE) {
			return false;
		}
		try {
			// 0.6745·|x − m| ≤ t·MAD, both sides × 10^4 × 4
			return Math.multiplyExact(6745L, Math.multiplyExact(distance2, 2)) <= Math.multiplyExact(threshold4, mad4);
		}
		catch (ArithmeticException ex) {
			return false;
		}
	}

	/**
	 * 2 × the median of the first {@code count} values (reordered), a whole number: the
	 * middle one, or the sum of the two middle ones. A selection, not a full sort.
	 */
	static long median2(long[] values, int count) {
		int middle = count / 2;
		select(values, count, middle);
		if (count % 2 == 1) {
			return 2 * values[middle];
		}
		// after the selection, everything below middle is at most values[middle]
		long lower = values[0];
		for (int i = 1; i < middle; i++) {
			lower = Math.max(lower, values[i]);
		}
		return lower + values[middle];
	}

	/**
	 * Puts the k-th smallest of the first {@code count} values at k, the smaller ones
	 * before it, the larger ones after it (Hoare's selection).
	 */
	private static void select(long[] values, int count, int k) {
		int left = 0;
		int right = count - 1;
		while (left < right) {
			long pivot = values[(left + right) >>> 1];
			int i = left;
			int j = right;
			while (i <= j) {
				while (values[i] < pivot) {
					i++;
				}
				while (values[j] > pivot) {
					j--;
				}
				if (i <= j) {
					long swap = values[i];
					values[i] = values[j];
					values[j] = swap;
					i++;
					j--;
				}
			}
			if (k <= j) {
				right = j;
			}
			else if (k >= i) {
				left = i;
			}
			else {
				return;
			}
		}
	}

	/**
	 * {@code value × 10^digits} as a whole number, or {@link IndicatorValues#NONE} when
	 * it is not one or is too large for the fast comparison.
	 */
	static long wholeUnits(BigDecimal value, int digits) {
		try {
			long units = value.movePointRight(digits).longValueExact();
			return (Math.abs(units) < (1L << 40)) ? units : IndicatorValues.NONE;
		}
		catch (ArithmeticException ex) {
			return IndicatorValues.NONE;
		}
	}

}
