package cn.xinning.villagereturns.returns;

import java.time.YearMonth;

import cn.xinning.villagereturns.VillageReturnsProperties.Rules;
import cn.xinning.villagereturns.reference.IndicatorCatalogue;
import cn.xinning.villagereturns.reference.VillageRegistry;

/**
 * What the rules of one run are checked against.
 *
 * @param catalogue the indicator catalogue
 * @param registry the village registry
 * @param businessMonth the month of the run's business date: later periods are refused
 * @param reportingStart earlier periods are refused
 * @param rules thresholds of the warning rules
 */
public record ValidationContext(IndicatorCatalogue catalogue, VillageRegistry registry, YearMonth businessMonth,
		YearMonth reportingStart, Rules rules) {
}
