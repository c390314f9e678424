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
		// the months looked up once, not once per indicator
		List<Map<String, BigDecimal>> before = new ArrayList<>(anomaly.historyMonths());
		for (int back = 1; back <= anomaly.historyMonths(); back++) {
			data.in(period.minusMonths(back)).ifPresent((r) -> before.add(r.values()));
		}
		if (before.size() < anomaly.historyMinValues()) {
			return;
		}
		for (Indicator indicator : context.catalogue().all()) {
			if (!indicator.isFlow()) {
				continue;
			}
			Optional<BigDecimal> observed = Optional.ofNullable(now.get().values().get(indicator.code()));
			if (observed.isEmpty()) {
				continue;
			}
			List<BigDecimal> history = new ArrayList<>(before.size());
			for (Map<String, BigDecimal> month : before) {
				BigDecimal value = month.get(indicator.code());
				if (value != null) {
					history.add(value);
				}
			}
			if (history.size() < anomaly.historyMinValues()) {
				continue;
			}
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

}
