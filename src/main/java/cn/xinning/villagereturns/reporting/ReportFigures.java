package cn.xinning.villagereturns.reporting;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import cn.xinning.villagereturns.support.Numbers;

/**
 * The figures of spec section 6 as the exports give them, read from the stored aggregates
 * by the HTML report ({@link HtmlReportQueries}) and by the web console alike, so that a
 * number on screen is the number in {@code township_indicators.csv},
 * {@code county_indicators.csv}, {@code completeness.csv} and {@code village_values.csv}.
 * Every method is one set-based query, whatever the number of organisations, indicators
 * or months.
 */
@Component
public class ReportFigures {

	/** Counties the installation is known to serve; others are shown by code. */
	private static final Map<String, String> COUNTY_NAMES = Map.of("430528", "新宁县");

	private final NamedParameterJdbcTemplate jdbc;

	ReportFigures(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** The two levels the aggregates are stored at. */
	public enum Level {

		COUNTY("county_indicator", "county_code"), TOWNSHIP("township_indicator", "township_code");

		private final String table;

		private final String column;

		Level(String table, String column) {
			this.table = table;
			this.column = column;
		}

	}

	/**
	 * An indicator of the catalogue (the {@code indicator} table the exports read).
	 *
	 * @param code indicator code
	 * @param nameZh Chinese name
	 * @param nameEn English name
	 * @param unitZh unit
	 * @param kind FLOW or STOCK
	 */
	public record IndicatorName(String code, String nameZh, String nameEn, String unitZh, String kind) {

		public String name(boolean english) {
			return english ? this.nameEn : this.nameZh;
		}

		public boolean stock() {
			return "STOCK".equals(this.kind);
		}

	}

	/** A county's name as the reports show it: its code when it is not known. */
	public static String countyName(String code) {
		return COUNTY_NAMES.getOrDefault(code, code);
	}

	/** The catalogue in display order, as the HTML report lists it. */
	public List<IndicatorName> indicators() {
		List<IndicatorName> indicators = new ArrayList<>();
		this.jdbc.query("select indicator_code, name_zh, name_en, unit_zh, kind from indicator"
				+ " order by display_order, indicator_code", Map.of(), (rs) -> {
					indicators.add(new IndicatorName(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
							rs.getString(5)));
				});
		return indicators;
	}

	/**
	 * Organisation code, then indicator code, to the period's figure.
	 * @param within only organisations whose code starts with this (a county's
	 * townships); empty for all
	 */
	public Map<String, Map<String, Figure>> figures(Level level, YearMonth period, Optional<String> within) {
		Map<String, Object> params = params(period, within);
		Map<String, Map<String, Figure>> figures = new TreeMap<>();
		this.jdbc.query("select " + level.column + ", indicator_code, total, ytd_total, villages_reporting,"
				+ " villages_expected from " + level.table + " where period = :period" + prefix(level.column, within),
				params, (rs) -> {
					figures.computeIfAbsent(rs.getString(1), (k) -> new HashMap<>())
						.put(rs.getString(2), new Figure(TownshipIndicatorsTable.number(rs.getBigDecimal(3)),
								TownshipIndicatorsTable.number(rs.getBigDecimal(4)), rs.getInt(5), rs.getInt(6)));
				});
		return figures;
	}

	/**
	 * Organisation code to its completeness in the period ({@code completeness.csv}).
	 * @param within only organisations whose code starts with this; empty for all
	 */
	public Map<String, Completeness> completeness(Level level, YearMonth period, Optional<String> within) {
		Map<String, Completeness> completeness = new TreeMap<>();
		this.jdbc.query(
				"select org_code, expected, received, on_time from completeness where period = :period"
						+ " and org_level = :level" + prefix("org_code", within),
				params(period, within, level), (rs) -> {
					completeness.put(rs.getString(1), new Completeness(rs.getInt(2), rs.getInt(3), rs.getInt(4)));
				});
		return completeness;
	}

	/** The periods with completeness figures, latest first. */
	public List<YearMonth> periods() {
		return this.jdbc
			.queryForList("select distinct period from completeness order by period desc", Map.of(), String.class)
			.stream()
			.map(YearMonth::parse)
			.toList();
	}

	/**
	 * Organisation code, then indicator code, to the month totals of the periods
	 * ({@code null} where no village reported, or no figure: a gap, never 0), oldest
	 * first.
	 * @param periods consecutive months, oldest first
	 * @param org one organisation, or empty for all of the level
	 * @param indicator one indicator, or empty for all
	 */
	public Map<String, Map<String, BigDecimal[]>> trends(Level level, List<YearMonth> periods, Optional<String> org,
			Optional<String> indicator) {
		Map<String, Object> params = new HashMap<>();
		params.put("from", periods.get(0).toString());
		params.put("to", periods.get(periods.size() - 1).toString());
		org.ifPresent((code) -> params.put("org", code));
		indicator.ifPresent((code) -> params.put("indicator", code));
		Map<String, Map<String, BigDecimal[]>> trend = new HashMap<>();
		this.jdbc.query("select " + level.column + ", indicator_code, period, total from " + level.table
				+ " where period between :from and :to" + (org.isPresent() ? " and " + level.column + " = :org" : "")
				+ (indicator.isPresent() ? " and indicator_code = :indicator" : ""), params, (rs) -> {
					int month = periods.indexOf(YearMonth.parse(rs.getString(3)));
					BigDecimal total = rs.getBigDecimal(4);
					if (month >= 0 && total != null) {
						trend.computeIfAbsent(rs.getString(1), (k) -> new HashMap<>())
							.computeIfAbsent(rs.getString(2), (k) -> new BigDecimal[periods.size()])[month] = total;
					}
				});
		return trend;
	}

	/** A total of a trend as the exports write it ({@code ""} for a gap). */
	public static String exported(BigDecimal total) {
		return TownshipIndicatorsTable.number(total);
	}

	/**
	 * The villages' accepted, current values of the period as {@code village_values.csv}
	 * writes them: village code to indicator code to value, for the villages with an
	 * accepted return (a village without one has no entry; a missing value has none
	 * either).
	 */
	public Map<String, Map<String, String>> villageValues(YearMonth period, Collection<String> villageCodes) {
		Map<String, Map<String, String>> values = new LinkedHashMap<>();
		if (villageCodes.isEmpty()) {
			return values;
		}
		Map<String, Object> params = Map.of("period", period.toString(), "villages", villageCodes);
		this.jdbc.query("select c.village_code, v.indicator_code, v.val from current_return c"
				+ " left join submission_value v on v.submission_id = c.submission_id"
				+ " where c.period = :period and c.village_code in (:villages)", params, (rs) -> {
					Map<String, String> village = values.computeIfAbsent(rs.getString(1), (k) -> new HashMap<>());
					BigDecimal value = rs.getBigDecimal(3);
					if (value != null) {
						village.put(rs.getString(2), Numbers.format(value));
					}
				});
		return values;
	}

	private static Map<String, Object> params(YearMonth period, Optional<String> within) {
		Map<String, Object> params = new HashMap<>();
		params.put("period", period.toString());
		within.ifPresent((prefix) -> params.put("within", prefix + "%"));
		return params;
	}

	private static Map<String, Object> params(YearMonth period, Optional<String> within, Level level) {
		Map<String, Object> params = params(period, within);
		params.put("level", level.name());
		return params;
	}

	private static String prefix(String column, Optional<String> within) {
		return within.isPresent() ? " and " + column + " like :within" : "";
	}

}
