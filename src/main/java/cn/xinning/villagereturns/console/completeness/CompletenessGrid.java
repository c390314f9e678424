package cn.xinning.villagereturns.console.completeness;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.xinning.villagereturns.console.web.WebOnly;
import cn.xinning.villagereturns.reporting.CompletenessTable;
import cn.xinning.villagereturns.reporting.CompletenessTable.Figures;
import cn.xinning.villagereturns.reporting.CompletenessVillages;
import cn.xinning.villagereturns.reporting.CompletenessVillages.Chase;
import cn.xinning.villagereturns.reporting.CompletenessVillages.Tally;
import cn.xinning.villagereturns.reporting.CompletenessVillages.Village;

/**
 * What the 完整性 screen shows at each level of the drill-down, put together from the
 * figures {@code completeness.csv} exports ({@link CompletenessTable}) and the villages'
 * states ({@link CompletenessVillages}): no figure of its own. Public with its records
 * only because the templates' expressions call their methods.
 */
@Component
@WebOnly
public class CompletenessGrid {

	/** The three levels of the drill-down. */
	public enum Level {

		/** Every county with its figures (an installation of several counties). */
		ALL,
		/** A county: one row per township, one cell per village. */
		COUNTY,
		/** A township: its villages one per line. */
		TOWNSHIP

	}

	/**
	 * One row of a level: a county (ALL) or a township (COUNTY, TOWNSHIP).
	 *
	 * @param code the organisation's code
	 * @param name its name
	 * @param figures its row of completeness.csv (empty when the export has none)
	 * @param villages its villages' cells (empty at the ALL level)
	 * @param tally the villages' states counted
	 * @param agrees whether the states add up to the figures (always true at ALL)
	 */
	public record Row(String code, String name, Optional<Figures> figures, List<Village> villages, Tally tally,
			boolean agrees) {
	}

	/**
	 * A page of the screen.
	 *
	 * @param period the period shown
	 * @param periods the periods with figures, latest first
	 * @param level the level
	 * @param countyCode the county shown (empty at ALL)
	 * @param countyName its name
	 * @param township the township shown (TOWNSHIP only)
	 * @param rows counties or townships
	 * @param county the county's own row of completeness.csv (COUNTY, TOWNSHIP)
	 * @param chase the missing and late villages of the page (COUNTY, TOWNSHIP)
	 * @param counties how many counties the period has (1: a county installation)
	 * @param partial a reader limited to one township sees only that township's villages
	 */
	public record Page(YearMonth period, List<YearMonth> periods, Level level, String countyCode, String countyName,
			Optional<Row> township, List<Row> rows, Optional<Figures> county, List<Chase> chase, int counties,
			boolean partial) {

		/**
		 * False when some row's villages do not add up to its figures (stale figures).
		 */
		public boolean agrees() {
			return this.rows.stream().allMatch(Row::agrees);
		}

		/** The counts per state over the rows' cells, for the legend. */
		public Tally cells() {
			List<Village> all = new ArrayList<>();
			this.rows.forEach((row) -> all.addAll(row.villages()));
			return CompletenessVillages.tally(all);
		}

	}

	private final CompletenessTable figures;

	private final CompletenessVillages villages;

	CompletenessGrid(CompletenessTable figures, CompletenessVillages villages) {
		this.figures = figures;
		this.villages = villages;
	}

	List<YearMonth> periods() {
		return this.figures.periods();
	}

	Optional<YearMonth> defaultPeriod() {
		return this.figures.latestWithData();
	}

	/** The counties of the period (by their COUNTY rows). */
	List<Figures> counties(YearMonth period) {
		return this.figures.figures(period, Optional.empty()).stream().filter(Figures::county).toList();
	}

	Page all(YearMonth period, List<Figures> counties) {
		List<Row> rows = counties.stream()
			.map((c) -> new Row(c.orgCode(), CompletenessVillages.countyName(c.orgCode()), Optional.of(c), List.of(),
					new Tally(c.onTime(), c.late(), c.missing(), 0), true))
			.toList();
		return new Page(period, periods(), Level.ALL, "", "", Optional.empty(), rows, Optional.empty(), List.of(),
				counties.size(), false);
	}

	/**
	 * A county's townships and villages; with a township limit only that township's row
	 * (the county's own figures still shown).
	 */
	Page county(YearMonth period, String countyCode, Optional<String> onlyTownship, int counties) {
		Map<String, Figures> byCode = new LinkedHashMap<>();
		Optional<Figures> county = Optional.empty();
		for (Figures each : this.figures.figures(period, Optional.of(countyCode))) {
			if (each.county()) {
				county = Optional.of(each);
			}
			else {
				byCode.put(each.orgCode(), each);
			}
		}
		String scope = onlyTownship.orElse(countyCode);
		List<Village> cells = this.villages.villages(period, scope);
		Map<String, String> names = this.villages.townshipNames(scope);
		Map<String, List<Village>> byTownship = new LinkedHashMap<>();
		for (String code : names.keySet()) {
			byTownship.put(code, new ArrayList<>());
		}
		for (Village village : cells) {
			byTownship.computeIfAbsent(village.townshipCode(), (k) -> new ArrayList<>()).add(village);
		}
		List<Row> rows = new ArrayList<>();
		for (Map.Entry<String, List<Village>> township : byTownship.entrySet()) {
			rows.add(row(township.getKey(), names.getOrDefault(township.getKey(), township.getKey()),
					Optional.ofNullable(byCode.get(township.getKey())), township.getValue()));
		}
		if (onlyTownship.isEmpty()) {
			// a township with figures but no village in the registry any more (a registry
			// reloaded without recomputing): its row shows the figures, which then
			// disagree
			for (Figures orphan : byCode.values()) {
				if (!byTownship.containsKey(orphan.orgCode())) {
					rows.add(row(orphan.orgCode(), orphan.orgCode(), Optional.of(orphan), List.of()));
				}
			}
		}
		List<Chase> chase = this.villages.chaseList(period, scope);
		return new Page(period, periods(), Level.COUNTY, countyCode, CompletenessVillages.countyName(countyCode),
				Optional.empty(), rows, county, chase, counties, onlyTownship.isPresent());
	}

	/**
	 * One township's villages, one per line; empty if the registry has no such township.
	 */
	Optional<Page> township(YearMonth period, String townshipCode, int counties) {
		String countyCode = townshipCode.substring(0, 6);
		Map<String, String> names = this.villages.townshipNames(townshipCode);
		if (names.isEmpty()) {
			return Optional.empty();
		}
		Optional<Figures> township = Optional.empty();
		Optional<Figures> county = Optional.empty();
		for (Figures each : this.figures.figures(period, Optional.of(countyCode))) {
			if (each.county()) {
				county = Optional.of(each);
			}
			else if (each.orgCode().equals(townshipCode)) {
				township = Optional.of(each);
			}
		}
		Row row = row(townshipCode, names.get(townshipCode), township, this.villages.villages(period, townshipCode));
		return Optional.of(new Page(period, periods(), Level.TOWNSHIP, countyCode,
				CompletenessVillages.countyName(countyCode), Optional.of(row), List.of(row), county,
				this.villages.chaseList(period, townshipCode), counties, false));
	}

	List<Chase> chase(YearMonth period, String scope) {
		return this.villages.chaseList(period, scope);
	}

	private static Row row(String code, String name, Optional<Figures> figures, List<Village> villages) {
		Tally tally = CompletenessVillages.tally(villages);
		return new Row(code, name, figures, villages, tally, CompletenessVillages.agrees(tally, figures));
	}

}
