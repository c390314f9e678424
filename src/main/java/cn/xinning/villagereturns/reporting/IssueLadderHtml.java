package cn.xinning.villagereturns.reporting;

import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import cn.xinning.villagereturns.ledger.IssueSummaries;
import cn.xinning.villagereturns.ledger.IssueSummary;
import cn.xinning.villagereturns.reference.ReferenceData;
import cn.xinning.villagereturns.reference.Village;

/**
 * The report's section on the issue ledger (spec section 12): for the county and each
 * township, the issues raised in the month and where they stand on the ladder (resolved
 * in the village, reported to and resolved by the township, reported to and resolved by
 * the county, still open), with how many were escalated late. The same figures as
 * {@code issues_summary.csv}.
 */
@Component
class IssueLadderHtml {

	private final IssueSummaries summaries;

	private final ReferenceData referenceData;

	IssueLadderHtml(IssueSummaries summaries, ReferenceData referenceData) {
		this.summaries = summaries;
		this.referenceData = referenceData;
	}

	String section(YearMonth period) {
		List<IssueSummary> rows = this.summaries.of(period);
		Map<String, String> townships = new HashMap<>();
		for (Village village : this.referenceData.recent().registry().all()) {
			townships.putIfAbsent(village.townshipCode(), village.townshipName());
		}
		StringBuilder out = new StringBuilder();
		out.append("<section class=\"ladder\" id=\"issue-ladder\">\n<h2>四、民情问题三级办理 <span class=\"en\">The issue"
				+ " ladder: issues raised in the month by where they stand</span></h2>\n");
		if (rows.stream().allMatch((r) -> r.raised() == 0)) {
			out.append("<p class=\"empty\">本月没有收集问题的记录。<span class=\"en\">No issues raised in this month.</span>"
					+ "</p>\n</section>\n");
			return out.toString();
		}
		out.append("<table class=\"data ladder-table\">\n<thead><tr><th class=\"name\">单位</th><th>收集</th>"
				+ "<th>村级办结</th><th>报乡镇</th><th>乡镇办结</th><th>报县</th><th>县级办结</th><th>未办结</th>"
				+ "<th>逾期上报</th><th>办结天数中位数</th></tr></thead>\n<tbody>\n");
		for (IssueSummary row : rows.stream().filter((r) -> "TOWNSHIP".equals(r.orgLevel())).toList()) {
			row(out, townships.getOrDefault(row.orgCode(), row.orgCode()), row, "");
		}
		for (IssueSummary row : rows.stream().filter((r) -> "COUNTY".equals(r.orgLevel())).toList()) {
			row(out, "全县 " + row.orgCode(), row, " class=\"total\"");
		}
		out.append("</tbody>\n</table>\n<p class=\"legend\">村党支部每周民情碰头会解决不了的，20日前报乡镇党委；乡镇解决不了的，28日前报县。"
				+ "“逾期上报”为超过期限才报乡镇或报县的问题数。<span class=\"en\">Late: reported to the township after the"
				+ " 20th, or to the county after the 28th.</span></p>\n</section>\n");
		return out.toString();
	}

	private static void row(StringBuilder out, String name, IssueSummary row, String rowClass) {
		out.append("<tr")
			.append(rowClass)
			.append(" data-org=\"")
			.append(Html.escape(row.orgCode()))
			.append("\"><th class=\"name\" scope=\"row\">")
			.append(Html.escape(name))
			.append("</th>");
		for (int count : new int[] { row.raised(), row.resolvedVillage(), row.escalatedTownship(),
				row.resolvedTownship(), row.escalatedCounty(), row.resolvedCounty(), row.open() }) {
			out.append("<td class=\"num\">").append(count).append("</td>");
		}
		out.append("<td class=\"num")
			.append((row.escalatedLate() > 0) ? " late" : "")
			.append("\">")
			.append(row.escalatedLate())
			.append("</td><td class=\"num\">")
			.append(row.medianDaysToResolve()
				.map((m) -> Html.number(cn.xinning.villagereturns.support.Numbers.format(m)))
				.orElse(Html.MISSING))
			.append("</td></tr>\n");
	}

}
