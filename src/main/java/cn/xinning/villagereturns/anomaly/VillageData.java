package cn.xinning.villagereturns.anomaly;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One village's accepted returns over the months a period's rules look at (P and the
 * twelve before it): what the detector holds in memory, one village at a time.
 *
 * @param code the village code
 * @param returns its accepted return of each period that has one
 */
public record VillageData(String code, TreeMap<YearMonth, MonthReturn> returns) {

	/**
	 * @param firstReceivedAt when the first accepted return for the period was received
	 * @param values its values by indicator code; a missing value is absent
	 */
	public record MonthReturn(LocalDateTime firstReceivedAt, Map<String, BigDecimal> values) {
	}

	public Optional<MonthReturn> in(YearMonth period) {
		return Optional.ofNullable(this.returns.get(period));
	}

	public Optional<BigDecimal> value(YearMonth period, String indicator) {
		return in(period).map((r) -> r.values().get(indicator));
	}

}
