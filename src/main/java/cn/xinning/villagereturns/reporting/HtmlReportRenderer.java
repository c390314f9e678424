package cn.xinning.villagereturns.reporting;

import java.io.IOException;
import java.io.Writer;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import cn.xinning.villagereturns.reporting.HtmlReportModel.County;
import cn.xinning.villagereturns.reporting.HtmlReportModel.IndicatorInfo;
import cn.xinning.villagereturns.reporting.HtmlReportModel.Township;

/**
 * Draws the report of one period as one self-contained HTML page (inline CSS, the
 * charting library inlined): the county table, the township tables with their coverage,
 * completeness and timeliness by township, and the twelve-month trends
 * ({@link TrendCharts}). Every text from the data is escaped; an empty aggregate shows
 * "—".
 */
final class HtmlReportRenderer {

	/**
	 * Indicators per township table, so that a table fits a screen and a printed page.
	 */
	static final int INDICATORS_PER_TABLE = 7;

	private final String chartLibrary;

	/**
	 * @param chartLibrary the ECharts script, inlined into the page
	 */
	HtmlReportRenderer(String chartLibrary) {
		this.chartLibrary = chartLibrary;
	}

	void render(HtmlReportModel model, Writer out) throws IOException {
		render(model, "", out);
	}

	/**
	 * @param issueLadder the issue ledger's section, HTML drawn elsewhere
	 * ({@code IssueLadderHtml})
	 */
	void render(HtmlReportModel model, String issueLadder, Writer out) throws IOException {
		String title = title(model);
		out.write("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
				+ "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>"
				+ Html.escape(title) + "</title>\n<style>\n" + HtmlReportStyle.CSS
				+ "</style>\n</head>\n<body>\n<main>\n");
		out.write("<header>\n<h1>" + Html.escape(title) + "</h1>\n<p class=\"subtitle\">Monthly village returns, "
				+ Html.escape(model.period().toString()) + " — county and township indicators, completeness and"
				+ " timeliness, 12-month trends</p>\n<p class=\"legend\">“" + Html.MISSING
				+ "”表示没有村报送该指标（缺报不计为零）；“报送/应报”为报送该指标的村数与应报村数。" + " <span class=\"en\">“" + Html.MISSING
				+ "” = no village reported (missing is not zero).</span></p>\n" + "</header>\n");
		if (model.counties().isEmpty()) {
			out.write("<p class=\"empty\">本期尚无汇总数据。<span class=\"en\">No aggregates for this period yet.</span></p>\n");
		}
		for (County county : model.counties()) {
			String heading = (model.counties().size() > 1) ? Html.escape(county.name()) + " " : "";
			out.write("<section class=\"county\" id=\"county-" + Html.escape(county.code()) + "\">\n");
			if (model.counties().size() > 1) {
				out.write("<h2 class=\"county-name\">" + heading + "<small>" + Html.escape(county.code())
						+ "</small></h2>\n");
			}
			summary(county, out);
			countyTable(model, county, heading, out);
			townshipTables(model, county, heading, out);
			completenessTable(county, heading, out);
			TrendCharts.section(model, county, heading, out);
			out.write("</section>\n");
		}
		out.write(issueLadder);
		out.write("<footer>\n<p>说明：本月值为报送村数值之和；本年累计对当月发生类指标为1月至本月各月之和，对月末存量类指标为本月值。"
				+ "报送率＝已报村数÷应报村数，及时率＝按时报送村数÷应报村数（首次被接收的报表在截止时间前收到为按时）。"
				+ "低于100%的比率以黄色标出，低于80%以红色标出。</p>\n</footer>\n</main>\n");
		out.write("<script>\n");
		out.write(this.chartLibrary);
		out.write("\n</script>\n");
		TrendCharts.script(model, out);
		out.write("</body>\n</html>\n");
	}

	static String title(HtmlReportModel model) {
		List<County> counties = model.counties();
		String place = (counties.size() == 1) ? counties.get(0).name()
				: (counties.isEmpty() ? "" : counties.size() + "个县（市、区）");
		return place + "“五个到户”村级月报 " + monthZh(model.period());
	}

	static String monthZh(YearMonth period) {
		return period.getYear() + "年" + period.getMonthValue() + "月";
	}

	private static void summary(County county, Writer out) throws IOException {
		Completeness c = county.completeness();
		out.write("<div class=\"cards\">\n");
		card(out, "应报村数", (c != null) ? Html.number(String.valueOf(c.expected())) : Html.MISSING, "Expected", "");
		card(out, "已报村数", (c != null) ? Html.number(String.valueOf(c.received())) : Html.MISSING, "Received", "");
		card(out, "报送率", (c != null) ? Html.percent(c.completenessPct()) : Html.MISSING, "Completeness",
				(c != null) ? Html.percentClass(c.completenessPct()) : "na");
		card(out, "及时率", (c != null) ? Html.percent(c.timelinessPct()) : Html.MISSING, "Timeliness",
				(c != null) ? Html.percentClass(c.timelinessPct()) : "na");
		out.write("</div>\n");
	}

	private static void card(Writer out, String label, String value, String english, String css) throws IOException {
		out.write("<div class=\"card " + css + "\"><div class=\"card-label\">" + label + " <span class=\"en\">"
				+ english + "</span></div><div class=\"card-value\">" + Html.escape(value) + "</div></div>\n");
	}

	private static void countyTable(HtmlReportModel model, County county, String heading, Writer out)
			throws IOException {
		out.write("<h2>一、" + heading + "全县指标 <span class=\"en\">County indicators</span></h2>\n");
		out.write("<table class=\"data county-table\">\n<thead><tr><th>序号</th><th class=\"name\">指标</th><th>单位</th>"
				+ "<th>口径</th><th>本月</th><th>本年累计</th><th>报送/应报（村）</th></tr></thead>\n<tbody>\n");
		int row = 0;
		for (IndicatorInfo indicator : model.indicators()) {
			Figure figure = county.figures().get(indicator.code());
			row++;
			out.write("<tr data-indicator=\"" + Html.escape(indicator.code()) + "\"><td class=\"seq\">" + row
					+ "</td><td class=\"name\">" + Html.escape(indicator.nameZh()) + "</td><td class=\"unit\">"
					+ Html.escape(indicator.unitZh()) + "</td><td class=\"kind\">" + kindZh(indicator) + "</td>");
			if (figure == null) {
				out.write("<td class=\"num na\">" + Html.MISSING + "</td><td class=\"num na\">" + Html.MISSING
						+ "</td><td class=\"cov na\">" + Html.MISSING + "</td></tr>\n");
				continue;
			}
			out.write("<td class=\"num" + (figure.value().isEmpty() ? " na" : "") + "\">" + Html.number(figure.value())
					+ "</td><td class=\"num" + (figure.ytd().isEmpty() ? " na" : "") + "\">" + Html.number(figure.ytd())
					+ "</td><td class=\"cov" + (figure.fullyReported() ? "" : " partial") + "\">" + coverage(figure)
					+ "</td></tr>\n");
		}
		out.write("</tbody>\n</table>\n");
	}

	private static void townshipTables(HtmlReportModel model, County county, String heading, Writer out)
			throws IOException {
		out.write("<h2>二、" + heading + "各乡镇指标 <span class=\"en\">Township indicators (value, villages"
				+ " reporting / expected)</span></h2>\n");
		List<IndicatorInfo> indicators = model.indicators();
		int tables = Math.max(1, (indicators.size() + INDICATORS_PER_TABLE - 1) / INDICATORS_PER_TABLE);
		int perTable = (indicators.size() + tables - 1) / tables;
		for (int from = 0; from < indicators.size(); from += perTable) {
			List<IndicatorInfo> group = indicators.subList(from, Math.min(indicators.size(), from + perTable));
			out.write("<div class=\"scroll\"><table class=\"data township-table\">\n<caption>指标 " + (from + 1) + "–"
					+ (from + group.size()) + "</caption>\n<thead><tr><th class=\"name\">乡镇</th>");
			for (IndicatorInfo indicator : group) {
				out.write("<th data-indicator=\"" + Html.escape(indicator.code()) + "\">"
						+ Html.escape(indicator.nameZh()) + "<span class=\"unit\">" + Html.escape(indicator.unitZh())
						+ "</span></th>");
			}
			out.write("</tr></thead>\n<tbody>\n");
			for (Township township : county.townships()) {
				townshipRow(township.code(), township.name(), township.figures(), group, "", out);
			}
			townshipRow(county.code(), "全县合计", county.figures(), group, " class=\"total\"", out);
			out.write("</tbody>\n</table></div>\n");
		}
	}

	private static void townshipRow(String code, String name, Map<String, Figure> figures, List<IndicatorInfo> group,
			String rowClass, Writer out) throws IOException {
		out.write("<tr" + rowClass + " data-org=\"" + Html.escape(code) + "\"><th class=\"name\" scope=\"row\">"
				+ Html.escape(name) + "</th>");
		for (IndicatorInfo indicator : group) {
			Figure figure = figures.get(indicator.code());
			if (figure == null) {
				out.write("<td class=\"fig na\">" + Html.MISSING + "</td>");
				continue;
			}
			String css = "fig" + (figure.value().isEmpty() ? " na" : "") + (figure.fullyReported() ? "" : " partial");
			out.write("<td class=\"" + css + "\" title=\"本年累计 " + Html.escape(Html.number(figure.ytd())) + "\"><b>"
					+ Html.number(figure.value()) + "</b><span class=\"cov\">" + coverage(figure) + "</span></td>");
		}
		out.write("</tr>\n");
	}

	private static void completenessTable(County county, String heading, Writer out) throws IOException {
		out.write("<h2>三、" + heading + "报送完整性与及时性 <span class=\"en\">Completeness and timeliness by township</span>"
				+ "</h2>\n<table class=\"data completeness-table\">\n<thead><tr><th class=\"name\">乡镇</th><th>应报</th>"
				+ "<th>已报</th><th>按时</th><th>逾期</th><th>未报</th><th>报送率</th><th>及时率</th>"
				+ "<th class=\"missing\">未报送村</th></tr></thead>\n<tbody>\n");
		for (Township township : county.townships()) {
			String missing = String.join("、", township.missingVillages().stream().map(Html::escape).toList());
			if (township.missingCount() > township.missingVillages().size()) {
				missing += " 等" + township.missingCount() + "个村";
			}
			completenessRow(township.code(), township.name(), township.completeness(), missing, "", out);
		}
		completenessRow(county.code(), "全县", county.completeness(), "", " class=\"total\"", out);
		out.write("</tbody>\n</table>\n");
	}

	private static void completenessRow(String code, String name, Completeness c, String missing, String rowClass,
			Writer out) throws IOException {
		out.write("<tr" + rowClass + " data-org=\"" + Html.escape(code) + "\"><th class=\"name\" scope=\"row\">"
				+ Html.escape(name) + "</th>");
		if (c == null) {
			out.write(("<td class=\"num na\">" + Html.MISSING + "</td>").repeat(7) + "<td class=\"missing\">" + missing
					+ "</td></tr>\n");
			return;
		}
		for (int count : new int[] { c.expected(), c.received(), c.onTime(), c.received() - c.onTime(),
				c.expected() - c.received() }) {
			out.write("<td class=\"num\">" + Html.number(String.valueOf(count)) + "</td>");
		}
		out.write("<td class=\"pct " + Html.percentClass(c.completenessPct()) + "\">"
				+ Html.percent(c.completenessPct()) + "</td><td class=\"pct " + Html.percentClass(c.timelinessPct())
				+ "\">" + Html.percent(c.timelinessPct()) + "</td><td class=\"missing\">" + missing + "</td></tr>\n");
	}

	private static String coverage(Figure figure) {
		return figure.reporting() + "/" + figure.expected();
	}

	private static String kindZh(IndicatorInfo indicator) {
		return switch (indicator.kind()) {
			case "FLOW" -> "当月发生";
			case "STOCK" -> "月末存量";
			default -> "";
		};
	}

}
