package cn.xinning.villagereturns.reporting;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.Consumer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import cn.xinning.villagereturns.support.Numbers;
import cn.xinning.villagereturns.support.PeriodRange;

/**
 * {@code township_indicators.csv}: the township tables; an empty value when no village
 * reported.
 */
@Component
public class TownshipIndicatorsTable implements ExportTable {

	private static final List<Column> COLUMNS = List.of(Column.text("period", "报告期"),
			Column.text("township_code", "乡镇代码"), Column.text("township_name", "乡镇"),
			Column.text("indicator_code", "指标代码"), Column.number("value", "本月"), Column.number("ytd_value", "本年累计"),
			Column.number("villages_reporting", "报送村数"), Column.number("villages_expected", "应报村数"));

	private final JdbcTemplate jdbc;

	public TownshipIndicatorsTable(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String fileName() {
		return "township_indicators.csv";
	}

	@Override
	public List<Column> columns() {
		return COLUMNS;
	}

	@Override
	public void rows(PeriodRange range, Consumer<List<String>> sink) {
		IndicatorOrder grouped = new IndicatorOrder(3, sink);
		this.jdbc.query("select t.period, t.township_code, (select min(v.township_name) from village v"
				+ " where v.township_code = t.township_code) as township_name, t.indicator_code, t.total, t.ytd_total,"
				+ " t.villages_reporting, t.villages_expected from township_indicator t where t.period between ? and ?"
				+ " order by t.period, t.township_code", (rs) -> {
					grouped.accept(List.of(rs.getString(1), rs.getString(2), nonNull(rs.getString(3)), rs.getString(4),
							number(rs.getBigDecimal(5)), number(rs.getBigDecimal(6)), rs.getString(7),
							rs.getString(8)));
				}, range.firstText(), range.lastText());
		grouped.flush();
	}

	static String number(BigDecimal value) {
		return (value != null) ? Numbers.format(value) : "";
	}

	static String nonNull(String text) {
		return (text != null) ? text : "";
	}

}
