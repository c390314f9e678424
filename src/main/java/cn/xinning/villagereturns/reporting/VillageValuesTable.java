package cn.xinning.villagereturns.reporting;

import java.util.List;
import java.util.function.Consumer;

import org.springframework.stereotype.Component;

import cn.xinning.villagereturns.support.StreamingJdbc;

import cn.xinning.villagereturns.support.Numbers;
import cn.xinning.villagereturns.support.PeriodRange;

/**
 * {@code village_values.csv}: the accepted, current values; a missing value has no row.
 */
@Component
public class VillageValuesTable implements ExportTable {

	private static final List<Column> COLUMNS = List.of(Column.text("period", "报告期"),
			Column.text("village_code", "村代码"), Column.text("indicator_code", "指标代码"), Column.number("value", "数值"));

	private final StreamingJdbc jdbc;

	public VillageValuesTable(StreamingJdbc streaming) {
		this.jdbc = streaming;
	}

	@Override
	public String fileName() {
		return "village_values.csv";
	}

	@Override
	public List<Column> columns() {
		return COLUMNS;
	}

	@Override
	public void rows(PeriodRange range, Consumer<List<String>> sink) {
		IndicatorOrder grouped = new IndicatorOrder(2, sink);
		this.jdbc.query("select c.period, c.village_code, v.indicator_code, v.val from current_return c"
				+ " join submission_value v on v.submission_id = c.submission_id"
				+ " where c.period between ? and ? order by c.period, c.village_code", (rs) -> {
					grouped.accept(List.of(rs.getString(1), rs.getString(2), rs.getString(3),
							Numbers.format(rs.getBigDecimal(4))));
				}, range.firstText(), range.lastText());
		grouped.flush();
	}

}
