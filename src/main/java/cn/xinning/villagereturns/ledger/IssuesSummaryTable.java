package cn.xinning.villagereturns.ledger;

import java.time.YearMonth;
import java.util.List;
import java.util.function.Consumer;

import org.springframework.stereotype.Component;

import cn.xinning.villagereturns.reporting.ExportTable;
import cn.xinning.villagereturns.support.PeriodRange;

/** {@code issues_summary.csv} (spec section 12), and its sheet in the workbook. */
@Component
public class IssuesSummaryTable implements ExportTable {

	private static final List<Column> COLUMNS = List.of(new Column("period", "收集月份", false),
			new Column("org_level", "层级", false), new Column("org_code", "单位代码", false),
			new Column("raised", "收集问题数", true), new Column("resolved_village", "村级办结", true),
			new Column("resolved_township", "乡镇办结", true), new Column("resolved_county", "县级办结", true),
			new Column("open", "未办结", true), new Column("escalated_township", "报乡镇数", true),
			new Column("escalated_county", "报县数", true), new Column("escalated_late", "逾期上报数", true),
			new Column("median_days_to_resolve", "办结天数中位数", true));

	private final IssueSummaries summaries;

	public IssuesSummaryTable(IssueSummaries summaries) {
		this.summaries = summaries;
	}

	@Override
	public String fileName() {
		return "issues_summary.csv";
	}

	@Override
	public List<Column> columns() {
		return COLUMNS;
	}

	@Override
	public void rows(PeriodRange range, Consumer<List<String>> sink) {
		for (YearMonth period = range.first(); !period.isAfter(range.last()); period = period.plusMonths(1)) {
			this.summaries.of(period).forEach((row) -> sink.accept(row.cells()));
		}
	}

}
