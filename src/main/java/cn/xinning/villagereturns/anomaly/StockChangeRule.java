package cn.xinning.villagereturns.anomaly;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.springframework.stereotype.Component;

import cn.xinning.villagereturns.reference.Indicator;
import cn.xinning.villagereturns.reference.Village;
import cn.xinning.villagereturns.support.Numbers;

/**
 * STOCK_CHANGE: a state at the end of the month (a STOCK indicator) that moved by more
 * than the configured share (20%) of last month's accepted value, and by at least
 * min_abs_change. The score is the relative change; the expected range is last month's
 * value ± that share.
 */
@Component
public class StockChangeRule implements VillageRule {

	public static final String CODE = "STOCK_CHANGE";

	@Override
	public List<String> codes() {
		return List.of(CODE);
	}

	@Override
	public void evaluate(VillageData data, Village village, RuleContext context, Consumer<Flag> flags) {
		YearMonth period = context.period();
		BigDecimal ratio = context.anomaly().stockChangeRatio();
		for (Indicator indicator : context.catalogue().all()) {
			if (indicator.isFlow()) {
				continue;
			}
			Optional<BigDecimal> current = data.value(period, indicator.code());
			Optional<BigDecimal> previous = data.value(period.minusMonths(1), indicator.code());
			if (current.isEmpty() || previous.isEmpty()) {
				continue;
			}
			BigDecimal x = current.get();
			BigDecimal p = previous.get();
			BigDecimal change = x.subtract(p);
			if (change.abs().compareTo(ratio.multiply(p)) <= 0
					|| change.abs().compareTo(indicator.minAbsChange()) < 0) {
				continue;
			}
			Score score = (p.signum() == 0) ? Score.infinite(change.signum())
					: Score.of(change.divide(p, RobustSample.MATH));
			String percent = (p.signum() == 0) ? "∞"
					: Numbers.format(change.multiply(BigDecimal.valueOf(100)).divide(p, 1, RoundingMode.HALF_UP));
			flags.accept(new Flag(period, Flag.VILLAGE, village.code(), indicator.code(), CODE,
					context.anomaly().severityOf(CODE, FlagSeverity.MEDIUM), Optional.of(x),
					Optional.of(p.subtract(ratio.multiply(p))), Optional.of(p.add(ratio.multiply(p))), score,
					"flag.stock", List.of(indicator.nameZh(), Numbers.format(p), Numbers.format(x),
							(change.signum() > 0 ? "+" : "") + percent, indicator.nameEn())));
		}
	}

}
