package cn.xinning.villagereturns.anomaly;

import java.time.LocalDateTime;
import java.time.YearMonth;

import cn.xinning.villagereturns.VillageReturnsProperties.Rules;
import cn.xinning.villagereturns.reference.IndicatorCatalogue;
import cn.xinning.villagereturns.support.DueDates;

/**
 * What the rules of one period are evaluated against.
 *
 * @param period the period evaluated
 * @param periodHasReturns the period has at least one accepted return (a condition of
 * MISSING_RETURN)
 * @param businessTime the business time of the evaluation (the run's)
 * @param catalogue the indicator catalogue
 * @param anomaly the anomaly thresholds
 * @param warnings the warning rules' thresholds (W-VISITS, W-WEEKLY, W-LOAD)
 * @param dueDates the reporting calendar
 */
public record RuleContext(YearMonth period, boolean periodHasReturns, LocalDateTime businessTime,
		IndicatorCatalogue catalogue, AnomalyProperties anomaly, Rules warnings, DueDates dueDates) {
}
