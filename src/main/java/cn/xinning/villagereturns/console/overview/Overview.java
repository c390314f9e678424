package cn.xinning.villagereturns.console.overview;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;

import cn.xinning.villagereturns.anomaly.FlagCounts;
import cn.xinning.villagereturns.anomaly.FlagSeverity;
import cn.xinning.villagereturns.console.indicators.IndicatorTables;
import cn.xinning.villagereturns.console.indicators.TrendChart;
import cn.xinning.villagereturns.console.indicators.Trends;
import cn.xinning.villagereturns.ingest.Executions;
import cn.xinning.villagereturns.ledger.IssueSummaries;
import cn.xinning.villagereturns.ledger.IssueSummary;
import cn.xinning.villagereturns.reporting.Completeness;
import cn.xinning.villagereturns.reporting.ReportFigures;
import cn.xinning.villagereturns.reporting.ReportFigures.IndicatorName;
import cn.xinning.villagereturns.reporting.ReportFigures.Level;

/**
 * 总览 Overview of a county's period, each figure from the service its export uses:
 * completeness from {@link ReportFigures} ({@code completeness.csv}), open flags from
 * {@link FlagCounts} ({@code anomalies.csv}), the ladder from {@link IssueSummaries}
 * ({@code issues_summary.csv}), the last run from {@link Executions} (as the 运行 list),
 * the trend from {@link Trends} (the HTML report's twelve-month trend).
 */
@Service
public class Overview {

	static final int TREND_MONTHS = 12;

	private final ReportFigures figures;

	private final FlagCounts flags;

	private final IssueSummaries issues;

	private final Executions executions;

	private final Trends trends;

	private final IndicatorTables tables;

	public Overview(ReportFigures figures, FlagCounts flags, IssueSummaries issues, Executions executions,
			Trends trends, IndicatorTables tables) {
		this.figures = figures;
		this.flags = flags;
		this.issues = issues;
		this.executions = executions;
		this.trends = trends;
		this.tables = tables;
	}

	/**
	 * A township's row of the ladder, named.
	 *
	 * @param name the township's name
	 * @param summary its row of {@code issues_summary.csv}
	 */
	public record LadderRow(String name, IssueSummary summary) {
	}

	/**
	 * @param period the period
	 * @param countyCode the county
	 * @param countyName its name
	 * @param completeness its row of {@code completeness.csv}, if stored
	 * @param openFlags the period's OPEN flags of the county and everything in it, per
	 * severity
	 * @param ladder the county's row of {@code issues_summary.csv}, if any
	 * @param townshipLadder its townships' rows
	 * @param lastRun the latest run, if there was one
	 * @param trend the county's twelve months of the chosen indicator, if the catalogue
	 * has one
	 */
	public record Cards(YearMonth period, String countyCode, String countyName, Optional<Completeness> completeness,
			Map<FlagSeverity, Integer> openFlags, Optional<IssueSummary> ladder, List<LadderRow> townshipLadder,
			Optional<Executions.RunRow> lastRun, Optional<TrendChart> trend) {

		public int openFlagsTotal() {
			return this.openFlags.values().stream().mapToInt(Integer::intValue).sum();
		}

	}

	public Cards of(YearMonth period, String county, Optional<IndicatorName> indicator) {
		Optional<Completeness> completeness = Optional
			.ofNullable(this.figures.completeness(Level.COUNTY, period, Optional.of(county)).get(county));
		List<IssueSummary> summaries = this.issues.ofCounty(period, county);
		Optional<IssueSummary> ladder = summaries.stream()
			.filter((s) -> "COUNTY".equals(s.orgLevel()) && s.orgCode().equals(county))
			.findFirst();
		Map<String, String> names = this.tables.townshipNames(county);
		List<LadderRow> townships = summaries.stream()
			.filter((s) -> "TOWNSHIP".equals(s.orgLevel()) && s.orgCode().startsWith(county))
			.map((s) -> new LadderRow(names.getOrDefault(s.orgCode(), s.orgCode()), s))
			.toList();
		Optional<Executions.RunRow> lastRun = this.executions
			.page(Optional.empty(), Optional.empty(), Optional.empty(), 0, 1)
			.rows()
			.stream()
			.findFirst();
		String name = ReportFigures.countyName(county);
		Optional<TrendChart> trend = indicator
			.map((i) -> this.trends.of(Level.COUNTY, county, name, i, period, TREND_MONTHS));
		return new Cards(period, county, name, completeness, this.flags.openBySeverity(period, county), ladder,
				townships, lastRun, trend);
	}

}
