package cn.xinning.villagereturns.console.indicators;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;

import cn.xinning.villagereturns.anomaly.FlagCounts;
import cn.xinning.villagereturns.reporting.ReportFigures;
import cn.xinning.villagereturns.reporting.ReportFigures.IndicatorName;
import cn.xinning.villagereturns.reporting.ReportFigures.Level;

/**
 * Builds the trend charts of the figures screens: the totals from the same query as the
 * HTML report's twelve-month trends ({@link ReportFigures#trends}), the flagged months
 * from the stored flags ({@link FlagCounts#onIndicator}). Two queries a chart.
 */
@Service
public class Trends {

	/** The lengths a reader may choose. */
	public static final List<Integer> MONTHS = List.of(12, 24);

	private final ReportFigures figures;

	private final FlagCounts flags;

	public Trends(ReportFigures figures, FlagCounts flags) {
		this.figures = figures;
		this.flags = flags;
	}

	/**
	 * @param level COUNTY or TOWNSHIP
	 * @param orgCode its code
	 * @param last the last month shown
	 * @param months how many months, ending at {@code last}
	 */
	public TrendChart of(Level level, String orgCode, String orgName, IndicatorName indicator, YearMonth last,
			int months) {
		List<YearMonth> periods = new ArrayList<>();
		for (int i = months - 1; i >= 0; i--) {
			periods.add(last.minusMonths(i));
		}
		BigDecimal[] totals = this.figures.trends(level, periods, Optional.of(orgCode), Optional.of(indicator.code()))
			.getOrDefault(orgCode, Map.of())
			.getOrDefault(indicator.code(), new BigDecimal[months]);
		Map<YearMonth, Integer> flagged = this.flags.onIndicator(indicator.code(), orgCode, periods.get(0), last);
		List<TrendChart.Point> points = new ArrayList<>();
		for (int i = 0; i < months; i++) {
			points.add(new TrendChart.Point(periods.get(i), ReportFigures.exported(totals[i]),
					flagged.getOrDefault(periods.get(i), 0)));
		}
		return new TrendChart(orgCode, orgName, indicator, points);
	}

}
