package cn.xinning.villagereturns.console.indicators;

import java.time.YearMonth;
import java.util.List;

import cn.xinning.villagereturns.reporting.ReportFigures.IndicatorName;

/**
 * One indicator's monthly totals of one county or township, drawn as a line by
 * {@code static/js/charts.js} from the data table beside it (fragment
 * {@code fragments/charts :: trend}): the table is the chart's only data.
 *
 * @param orgCode the county or township
 * @param orgName its name
 * @param indicator the indicator
 * @param points the months, oldest first
 */
public record TrendChart(String orgCode, String orgName, IndicatorName indicator, List<Point> points) {

	/**
	 * @param period the month
	 * @param value the month's total as the exports write it, {@code ""} when no village
	 * reported (a gap in the line, never 0)
	 * @param flags flags on the indicator in the organisation's villages or the township
	 * in that month (OPEN or CONFIRMED); a month with any is marked on the chart
	 */
	public record Point(YearMonth period, String value, int flags) {

		public boolean missing() {
			return this.value.isEmpty();
		}

	}

	public YearMonth first() {
		return this.points.get(0).period();
	}

	public YearMonth last() {
		return this.points.get(this.points.size() - 1).period();
	}

}
