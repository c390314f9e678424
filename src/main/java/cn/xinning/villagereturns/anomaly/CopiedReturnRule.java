package cn.xinning.villagereturns.anomaly;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

import org.springframework.stereotype.Component;

import cn.xinning.villagereturns.reference.Indicator;
import cn.xinning.villagereturns.reference.Village;

/**
 * COPIED_RETURN: every activity (FLOW) value of the return equals the village's accepted
 * value of the month before (two missing values count as equal), with at least three of
 * them non-zero: last month's return sent again under a new date.
 */
@Component
public class CopiedReturnRule implements VillageRule {

	public static final String CODE = "COPIED_RETURN";

	@Override
	public List<String> codes() {
		return List.of(CODE);
	}

	@Override
	public void evaluate(VillageData data, Village village, RuleContext context, Consumer<Flag> flags) {
		YearMonth period = context.period();
		var current = data.in(period);
		var previous = data.in(period.minusMonths(1));
		if (current.isEmpty() || previous.isEmpty()) {
			return;
		}
		int compared = 0;
		int nonZero = 0;
		for (Indicator indicator : context.catalogue().all()) {
			if (!indicator.isFlow()) {
				continue;
			}
			BigDecimal now = current.get().values().get(indicator.code());
			BigDecimal before = previous.get().values().get(indicator.code());
			if (!sameValue(now, before)) {
				return;
			}
			compared++;
			if (now != null && now.signum() != 0) {
				nonZero++;
			}
		}
		if (nonZero < context.anomaly().copiedMinNonzero()) {
			return;
		}
		flags.accept(new Flag(period, Flag.VILLAGE, village.code(), "", CODE,
				context.anomaly().severityOf(CODE, FlagSeverity.HIGH), Optional.empty(), Optional.empty(),
				Optional.empty(), Score.none(), "flag.copied",
				List.of(String.valueOf(compared), String.valueOf(nonZero), period.minusMonths(1).toString())));
	}

	private static boolean sameValue(BigDecimal a, BigDecimal b) {
		return (a == null || b == null) ? Objects.equals(a, b) : a.compareTo(b) == 0;
	}

}
