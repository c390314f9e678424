package cn.xinning.villagereturns.reporting;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import cn.xinning.villagereturns.reporting.HtmlReportModel.Completeness;
import cn.xinning.villagereturns.reporting.HtmlReportModel.County;
import cn.xinning.villagereturns.reporting.HtmlReportModel.Figure;
import cn.xinning.villagereturns.reporting.HtmlReportModel.IndicatorInfo;
import cn.xinning.villagereturns.reporting.HtmlReportModel.Township;

/**
 * Reads what the HTML report of a period shows from the stored aggregates (spec section
 * 6), a fixed number of set-based queries whatever the number of indicators, townships or
 * months: the trend of every indicator over twelve months is one query.
 */
@Component
class HtmlReportQueries {

	/** Missing villages named per township; the rest are counted. */
	static final int MISSING_NAMES_SHOWN = 30;

	static final int TREND_MONTHS = 12;

	/** Counties the installation is known to serve; others are shown by code. */
	private static final Map<String, String> COUNTY_NAMES = Map.of("430528", "新宁县");

	private final NamedParameterJdbcTemplate jdbc;

	/** A county's name where the installation knows it, else its code. */
	static String countyName(String code) {
		return COUNTY_NAMES.getOrDefault(code, code);
	}

	HtmlReportQueries(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	HtmlReportModel load(YearMonth period) {
		List<YearMonth> trendPeriods = new ArrayList<>();
		for (int i = TREND_MONTHS - 1; i >= 0; i--) {
			trendPeriods.add(period.minusMonths(i));
		}
		Map<String, Object> params = Map.of("period", period.toString(), "from", trendPeriods.get(0).toString(), "to",
				period.toString());

		Map<String, Map<String, Figure>> countyFigures = figures("county_indicator", "county_code", params);
		Map<String, Map<String, Figure>> townshipFigures = figures("township_indicator", "township_code", params);
		Map<String, Completeness> countyCompleteness = new TreeMap<>();
		Map<String, Completeness> townshipCompleteness = new TreeMap<>();
		this.jdbc.query(
				"select org_level, org_code, expected, received, on_time from completeness" + " where period = :period",
				params, (rs) -> {
					Completeness completeness = new Completeness(rs.getInt(3), rs.getInt(4), rs.getInt(5));
					("COUNTY".equals(rs.getString(1)) ? countyCompleteness : townshipCompleteness).put(rs.getString(2),
							completeness);
				});
		Map<String, Map<String, BigDecimal[]>> trend = trend(params, trendPeriods);
		Map<String, String[]> townshipNames = townshipNames();
		Map<String, Missing> missing = missingVillages(params);

		Set<String> indicatorCodes = new LinkedHashSet<>();
		List<IndicatorInfo> indicators = indicators(indicatorCodes);
		Set<String> unknown = new TreeSet<>();
		countyFigures.values().forEach((byIndicator) -> unknown.addAll(byIndicator.keySet()));
		unknown.removeAll(indicatorCodes);
		unknown.forEach((code) -> indicators.add(new IndicatorInfo(code, code, "", "")));

		Set<String> countyCodes = new TreeSet<>(countyFigures.keySet());
		countyCodes.addAll(countyCompleteness.keySet());
		Set<String> townshipCodes = new TreeSet<>(townshipFigures.keySet());
		townshipCodes.addAll(townshipCompleteness.keySet());
		Map<String, List<Township>> townshipsByCounty = new HashMap<>();
		for (String code : townshipCodes) {
			String[] nameAndCounty = townshipNames.getOrDefault(code, new String[] { "", code.substring(0, 6) });
			Missing absent = missing.getOrDefault(code, new Missing());
			townshipsByCounty.computeIfAbsent(nameAndCounty[1], (c) -> new ArrayList<>())
				.add(new Township(code, nameAndCounty[0], townshipFigures.getOrDefault(code, Map.of()),
						townshipCompleteness.get(code), absent.names, absent.count));
			countyCodes.add(nameAndCounty[1]);
		}
		List<County> counties = new ArrayList<>();
		for (String code : countyCodes) {
			Map<String, List<BigDecimal>> series = new LinkedHashMap<>();
			Map<String, BigDecimal[]> countyTrend = trend.getOrDefault(code, Map.of());
			for (IndicatorInfo indicator : indicators) {
				BigDecimal[] values = countyTrend.getOrDefault(indicator.code(), new BigDecimal[TREND_MONTHS]);
				series.put(indicator.code(), Arrays.asList(values));
			}
			counties
				.add(new County(code, COUNTY_NAMES.getOrDefault(code, code), countyFigures.getOrDefault(code, Map.of()),
						countyCompleteness.get(code), townshipsByCounty.getOrDefault(code, List.of()), series));
		}
		return new HtmlReportModel(period, indicators, trendPeriods, counties);
	}

	private List<IndicatorInfo> indicators(Set<String> codes) {
		List<IndicatorInfo> indicators = new ArrayList<>();
		this.jdbc.query("select indicator_code, name_zh, unit_zh, kind from indicator"
				+ " order by display_order, indicator_code", Map.of(), (rs) -> {
					indicators
						.add(new IndicatorInfo(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
					codes.add(rs.getString(1));
				});
		return indicators;
	}

	/** Organisation code, then indicator code, to the period's figure. */
	private Map<String, Map<String, Figure>> figures(String table, String orgColumn, Map<String, Object> params) {
		Map<String, Map<String, Figure>> figures = new HashMap<>();
		this.jdbc.query("select " + orgColumn + ", indicator_code, total, ytd_total, villages_reporting,"
				+ " villages_expected from " + table + " where period = :period", params, (rs) -> {
					figures.computeIfAbsent(rs.getString(1), (k) -> new HashMap<>())
						.put(rs.getString(2), new Figure(TownshipIndicatorsTable.number(rs.getBigDecimal(3)),
								TownshipIndicatorsTable.number(rs.getBigDecimal(4)), rs.getInt(5), rs.getInt(6)));
				});
		return figures;
	}

	/**
	 * County code, then indicator code, to the monthly values of the trend periods (one
	 * query).
	 */
	private Map<String, Map<String, BigDecimal[]>> trend(Map<String, Object> params, List<YearMonth> periods) {
		Map<String, Map<String, BigDecimal[]>> trend = new HashMap<>();
		this.jdbc.query("select county_code, indicator_code, period, total from county_indicator"
				+ " where period between :from and :to", params, (rs) -> {
					int month = periods.indexOf(YearMonth.parse(rs.getString(3)));
					BigDecimal total = rs.getBigDecimal(4);
					if (month >= 0 && total != null) {
						trend.computeIfAbsent(rs.getString(1), (k) -> new HashMap<>())
							.computeIfAbsent(rs.getString(2), (k) -> new BigDecimal[TREND_MONTHS])[month] = total;
					}
				});
		return trend;
	}

	/** Township code to its name and county code, from the registry. */
	private Map<String, String[]> townshipNames() {
		Map<String, String[]> names = new HashMap<>();
		this.jdbc.query(
				"select township_code, min(township_name), min(county_code) from village" + " group by township_code",
				Map.of(), (rs) -> {
					names.put(rs.getString(1), new String[] { rs.getString(2), rs.getString(3) });
				});
		return names;
	}

	/**
	 * Per township, the villages valid in the period without an accepted return for it.
	 */
	private Map<String, Missing> missingVillages(Map<String, Object> params) {
		Map<String, Missing> missing = new HashMap<>();
		this.jdbc.query("select distinct v.township_code, v.village_code, v.village_name from village v"
				+ " where (v.valid_from is null or v.valid_from <= :period)"
				+ " and (v.valid_to is null or v.valid_to >= :period) and not exists (select 1 from current_return c"
				+ " where c.village_code = v.village_code and c.period = :period)"
				+ " order by v.township_code, v.village_code", params, (rs) -> {
					Missing absent = missing.computeIfAbsent(rs.getString(1), (k) -> new Missing());
					absent.count++;
					if (absent.names.size() < MISSING_NAMES_SHOWN) {
						absent.names.add(rs.getString(3));
					}
				});
		return missing;
	}

	private static final class Missing {

		final List<String> names = new ArrayList<>();

		int count;

	}

}
