package cn.xinning.villagereturns.console.indicators;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

import org.springframework.stereotype.Service;

import cn.xinning.villagereturns.reference.ReferenceData;
import cn.xinning.villagereturns.reference.Village;
import cn.xinning.villagereturns.reporting.Completeness;
import cn.xinning.villagereturns.reporting.Figure;
import cn.xinning.villagereturns.reporting.ReportFigures;
import cn.xinning.villagereturns.reporting.ReportFigures.IndicatorName;
import cn.xinning.villagereturns.reporting.ReportFigures.Level;

/**
 * 指标 Indicators: the tables of a period at one place of the drill-down (all counties, a
 * county and its townships, a township and its villages), every figure from the queries
 * of the exports ({@link ReportFigures}): an organisation's own table is its rows of
 * {@code county_indicators.csv} or {@code township_indicators.csv}, a village's cells are
 * its rows of {@code village_values.csv}. A fixed number of queries a page.
 */
@Service
public class IndicatorTables {

	/**
	 * Indicators per table of the organisations below, as the HTML report splits them.
	 */
	static final int INDICATORS_PER_TABLE = 7;

	private final ReportFigures figures;

	private final ReferenceData referenceData;

	public IndicatorTables(ReportFigures figures, ReferenceData referenceData) {
		this.figures = figures;
		this.referenceData = referenceData;
	}

	/** Where in the drill-down a page is. */
	public enum Place {

		/** Every county of the period. */
		ALL,
		/** A county: its table and its townships. */
		COUNTY,
		/** A township: its table and its villages. */
		TOWNSHIP

	}

	/**
	 * An organisation below the page's, one row of a table of the organisations below.
	 *
	 * @param code county or township code
	 * @param name its name
	 * @param figures indicator code to the period's figure (absent: no figure stored)
	 * @param completeness its completeness, if stored
	 */
	public record OrgRow(String code, String name, Map<String, Figure> figures, Optional<Completeness> completeness) {
	}

	/**
	 * A village of the township, one row of the village table.
	 *
	 * @param code village code
	 * @param name village name
	 * @param reported it has an accepted return for the period (else every cell is 未报)
	 * @param values indicator code to the accepted value as {@code village_values.csv}
	 * writes it (absent: not reported)
	 */
	public record VillageRow(String code, String name, boolean reported, Map<String, String> values) {
	}

	/**
	 * @param period the period
	 * @param place where in the drill-down
	 * @param countyCode the county (from {@link Place#COUNTY} down)
	 * @param countyName its name
	 * @param townshipCode the township ({@link Place#TOWNSHIP})
	 * @param townshipName its name
	 * @param indicators the catalogue in display order
	 * @param groups the indicators split into tables of at most
	 * {@link #INDICATORS_PER_TABLE}
	 * @param own the county's or township's own figures by indicator code (empty for
	 * {@link Place#ALL})
	 * @param ownCompleteness its completeness
	 * @param orgs the counties ({@link Place#ALL}) or townships ({@link Place#COUNTY})
	 * @param villages the villages valid in the period ({@link Place#TOWNSHIP})
	 */
	public record Tables(YearMonth period, Place place, String countyCode, String countyName, String townshipCode,
			String townshipName, List<IndicatorName> indicators, List<List<IndicatorName>> groups,
			Map<String, Figure> own, Optional<Completeness> ownCompleteness, List<OrgRow> orgs,
			List<VillageRow> villages) {

		/** The county or township the page is about (empty for {@link Place#ALL}). */
		public String orgCode() {
			return (this.place == Place.TOWNSHIP) ? this.townshipCode : this.countyCode;
		}

	}

	/** The periods with figures, latest first. */
	public List<YearMonth> periods() {
		return this.figures.periods();
	}

	public List<IndicatorName> indicators() {
		return this.figures.indicators();
	}

	/**
	 * The counties with figures in the period, by code: a page without a county chooses
	 * the only one.
	 */
	public List<String> counties(YearMonth period) {
		TreeSet<String> codes = new TreeSet<>(
				this.figures.completeness(Level.COUNTY, period, Optional.empty()).keySet());
		return List.copyOf(codes);
	}

	/** A township's name from the registry (its code when it is not there). */
	public String townshipName(String townshipCode) {
		for (Village village : this.referenceData.recent().registry().all()) {
			if (village.townshipCode().equals(townshipCode)) {
				return village.townshipName();
			}
		}
		return townshipCode;
	}

	/**
	 * @param county a 6-digit county code, or empty for all counties
	 * @param township a 9-digit township code (its county is its first 6 digits), or
	 * empty
	 */
	public Tables load(YearMonth period, Optional<String> county, Optional<String> township) {
		List<IndicatorName> indicators = this.figures.indicators();
		List<List<IndicatorName>> groups = groups(indicators);
		if (township.isPresent()) {
			String code = township.get();
			String countyCode = code.substring(0, 6);
			Map<String, Figure> own = this.figures.figures(Level.TOWNSHIP, period, Optional.of(code))
				.getOrDefault(code, Map.of());
			Optional<Completeness> completeness = Optional
				.ofNullable(this.figures.completeness(Level.TOWNSHIP, period, Optional.of(code)).get(code));
			Map<String, String> names = new LinkedHashMap<>();
			String townshipName = code;
			for (Village village : this.referenceData.recent().registry().all()) {
				if (village.townshipCode().equals(code)) {
					townshipName = village.townshipName();
					if (village.isValidIn(period)) {
						names.putIfAbsent(village.code(), village.name());
					}
				}
			}
			Map<String, Map<String, String>> values = this.figures.villageValues(period, names.keySet());
			List<VillageRow> villages = new ArrayList<>();
			new TreeMap<>(names).forEach((villageCode, name) -> villages.add(new VillageRow(villageCode, name,
					values.containsKey(villageCode), values.getOrDefault(villageCode, Map.of()))));
			return new Tables(period, Place.TOWNSHIP, countyCode, ReportFigures.countyName(countyCode), code,
					townshipName, indicators, groups, own, completeness, List.of(), villages);
		}
		if (county.isPresent()) {
			String code = county.get();
			Map<String, Figure> own = this.figures.figures(Level.COUNTY, period, Optional.of(code))
				.getOrDefault(code, Map.of());
			Optional<Completeness> completeness = Optional
				.ofNullable(this.figures.completeness(Level.COUNTY, period, Optional.of(code)).get(code));
			Map<String, Map<String, Figure>> townshipFigures = this.figures.figures(Level.TOWNSHIP, period,
					Optional.of(code));
			Map<String, Completeness> townshipCompleteness = this.figures.completeness(Level.TOWNSHIP, period,
					Optional.of(code));
			TreeSet<String> townships = new TreeSet<>(townshipFigures.keySet());
			townships.addAll(townshipCompleteness.keySet());
			Map<String, String> names = townshipNames(code);
			List<OrgRow> orgs = new ArrayList<>();
			for (String townshipCode : townships) {
				orgs.add(new OrgRow(townshipCode, names.getOrDefault(townshipCode, townshipCode),
						townshipFigures.getOrDefault(townshipCode, Map.of()),
						Optional.ofNullable(townshipCompleteness.get(townshipCode))));
			}
			return new Tables(period, Place.COUNTY, code, ReportFigures.countyName(code), "", "", indicators, groups,
					own, completeness, orgs, List.of());
		}
		Map<String, Map<String, Figure>> countyFigures = this.figures.figures(Level.COUNTY, period, Optional.empty());
		Map<String, Completeness> countyCompleteness = this.figures.completeness(Level.COUNTY, period,
				Optional.empty());
		TreeSet<String> counties = new TreeSet<>(countyFigures.keySet());
		counties.addAll(countyCompleteness.keySet());
		List<OrgRow> orgs = new ArrayList<>();
		for (String code : counties) {
			orgs.add(new OrgRow(code, ReportFigures.countyName(code), countyFigures.getOrDefault(code, Map.of()),
					Optional.ofNullable(countyCompleteness.get(code))));
		}
		return new Tables(period, Place.ALL, "", "", "", "", indicators, groups, Map.of(), Optional.empty(), orgs,
				List.of());
	}

	/** Township code to name, for the townships of a county in the registry. */
	public Map<String, String> townshipNames(String county) {
		Map<String, String> names = new TreeMap<>();
		for (Village village : this.referenceData.recent().registry().all()) {
			if (village.townshipCode().startsWith(county)) {
				names.putIfAbsent(village.townshipCode(), village.townshipName());
			}
		}
		return names;
	}

	static List<List<IndicatorName>> groups(List<IndicatorName> indicators) {
		int tables = Math.max(1, (indicators.size() + INDICATORS_PER_TABLE - 1) / INDICATORS_PER_TABLE);
		int perTable = Math.max(1, (indicators.size() + tables - 1) / tables);
		List<List<IndicatorName>> groups = new ArrayList<>();
		for (int from = 0; from < indicators.size(); from += perTable) {
			groups.add(indicators.subList(from, Math.min(indicators.size(), from + perTable)));
		}
		return groups;
	}

}
