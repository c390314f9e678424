package cn.xinning.villagereturns.reporting;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

import cn.xinning.villagereturns.reporting.HtmlReportModel.County;
import cn.xinning.villagereturns.reporting.HtmlReportModel.IndicatorInfo;
import cn.xinning.villagereturns.support.Numbers;

/**
 * The twelve-month trend of every indicator, one small ECharts line chart each in a grid.
 * The series are written once as JSON (a month without data is {@code null}: a gap in the
 * line, never 0) and drawn by a short script.
 */
final class TrendCharts {

	private TrendCharts() {
	}

	static void section(HtmlReportModel model, County county, String heading, Writer out) throws IOException {
		List<YearMonth> periods = model.trendPeriods();
		out.write("<h2>四、" + heading + "近12个月趋势 <span class=\"en\">12-month trend, " + periods.get(0) + " to "
				+ periods.get(periods.size() - 1) + "</span></h2>\n<p class=\"note\">全县月度值；折线中断处表示该月没有数据"
				+ "（不计为零）；横轴为月份。</p>\n<noscript><p class=\"note\">趋势图需要启用脚本。</p></noscript>\n<div class=\"charts\">\n");
		for (IndicatorInfo indicator : model.indicators()) {
			out.write("<figure class=\"chart-card\"><figcaption>" + Html.escape(indicator.nameZh())
					+ "<span class=\"unit\">" + Html.escape(indicator.unitZh())
					+ "</span></figcaption><div class=\"chart\" data-county=\"" + Html.escape(county.code())
					+ "\" data-indicator=\"" + Html.escape(indicator.code()) + "\"></div></figure>\n");
		}
		out.write("</div>\n");
	}

	/** The data of every chart as JSON, then the script that draws them. */
	static void script(HtmlReportModel model, Writer out) throws IOException {
		out.write("<script type=\"application/json\" id=\"trend-data\">\n");
		out.write(json(model));
		out.write("\n</script>\n<script>\n" + DRAW + "</script>\n");
	}

	/**
	 * {@code {"periods":["2025-03",...],"labels":["2025年3月",...],"series":{"430528":{"HOME_VISITS":[null,...,1670]}}}}:
	 * one line per county, then one per indicator, so the data reads in period order.
	 */
	static String json(HtmlReportModel model) {
		StringBuilder json = new StringBuilder("{\"periods\":[");
		List<YearMonth> periods = model.trendPeriods();
		for (int i = 0; i < periods.size(); i++) {
			json.append((i > 0) ? "," : "").append(Html.jsonString(periods.get(i).toString()));
		}
		json.append("],\"labels\":[");
		for (int i = 0; i < periods.size(); i++) {
			json.append((i > 0) ? "," : "").append(Html.jsonString(HtmlReportRenderer.monthZh(periods.get(i))));
		}
		json.append("],\"series\":{");
		for (int c = 0; c < model.counties().size(); c++) {
			County county = model.counties().get(c);
			json.append((c > 0) ? "," : "").append('\n').append(Html.jsonString(county.code())).append(":{");
			int i = 0;
			for (var entry : county.trend().entrySet()) {
				json.append((i++ > 0) ? "," : "").append('\n').append(Html.jsonString(entry.getKey())).append(":[");
				List<BigDecimal> values = entry.getValue();
				for (int m = 0; m < values.size(); m++) {
					json.append((m > 0) ? "," : "")
						.append((values.get(m) != null) ? Numbers.format(values.get(m)) : "null");
				}
				json.append(']');
			}
			json.append('}');
		}
		return json.append("}}").toString();
	}

	private static final String DRAW = """
			(function () {
				var data = JSON.parse(document.getElementById('trend-data').textContent);
				if (typeof echarts === 'undefined') {
					return;
				}
				var charts = [];
				document.querySelectorAll('.chart').forEach(function (el) {
					var values = (data.series[el.dataset.county] || {})[el.dataset.indicator] || [];
					var chart = echarts.init(el, null, { renderer: 'svg' });
					chart.setOption({
						animation: false,
						color: ['#c0392b'],
						grid: { left: 8, right: 14, top: 14, bottom: 6, containLabel: true },
						tooltip: { trigger: 'axis', valueFormatter: function (v) {
							return (v === null || v === undefined || v === '-') ? '\\u2014' : Number(v).toLocaleString('zh-CN');
						} },
						xAxis: { type: 'category', data: data.labels, boundaryGap: false,
							axisLabel: { fontSize: 10, interval: 0, showMinLabel: true, showMaxLabel: true,
								formatter: function (value, index) {
									var period = data.periods[index], month = Number(period.slice(5));
									return (index === 0 || month === 1) ? month + '\\n' + period.slice(0, 4) + '年' : String(month);
								} } },
						yAxis: { type: 'value', scale: false, splitNumber: 3, axisLabel: { fontSize: 10 } },
						series: [{ type: 'line', data: values, connectNulls: false, symbol: 'circle',
							symbolSize: 5, lineStyle: { width: 2 } }]
					});
					charts.push(chart);
				});
				window.addEventListener('resize', function () {
					charts.forEach(function (chart) { chart.resize(); });
				});
				window.addEventListener('beforeprint', function () {
					charts.forEach(function (chart) { chart.resize(); });
				});
			})();
			""";

}
