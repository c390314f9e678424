package cn.xinning.villagereturns.anomaly;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The anomaly rules' thresholds (spec section 7), maintained by county staff in
 * {@code jobs/village-returns.properties}.
 *
 * @param rules rule codes that are on
 * @param historyMonths how many months before P make a value's history
 * @param historyMinValues fewer accepted values than this: no history judgement
 * @param historyThreshold |robust z| above this is an outlier
 * @param historyHighThreshold |robust z| above this is HIGH
 * @param peersMinVillages fewer reporting villages in the township than this: no peer
 * judgement
 * @param peersThreshold |robust z| of the rate per household above this is an outlier
 * @param stockChangeRatio a stock moving by more than this share of last month's value
 * @param copiedMinNonzero a copied return needs at least this many non-zero activity
 * values
 * @param severity severity of each rule
 */
@ConfigurationProperties("village-returns.anomaly")
public record AnomalyProperties(@DefaultValue( {
		"OUTLIER_HISTORY", "OUTLIER_PEERS", "STOCK_CHANGE", "COPIED_RETURN", "W-VISITS", "W-WEEKLY", "W-LOAD",
		"MISSING_RETURN", "LATE_RETURN" }) List<String> rules, @DefaultValue("12") int historyMonths,
		@DefaultValue("6") int historyMinValues, @DefaultValue("3.5") BigDecimal historyThreshold,
		@DefaultValue("7") BigDecimal historyHighThreshold, @DefaultValue("5") int peersMinVillages,
		@DefaultValue("5") BigDecimal peersThreshold, @DefaultValue("0.2") BigDecimal stockChangeRatio,
		@DefaultValue("3") int copiedMinNonzero, Map<String, FlagSeverity> severity){

	public AnomalyProperties {
		rules = List.copyOf(rules);
		severity = (severity != null) ? Map.copyOf(severity) : Map.of();
	}

	public boolean isOn(String rule) {
		return this.rules.contains(rule);
	}

	public FlagSeverity severityOf(String rule, FlagSeverity fallback) {
		return this.severity.getOrDefault(rule, fallback);
	}

}
