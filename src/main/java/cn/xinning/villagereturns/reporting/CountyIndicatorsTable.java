package cn.xinning.villagereturns.reporting;

import java.util.List;
import java.util.function.Consumer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import cn.xinning.villagereturns.support.PeriodRange;

/** {@code county_indicators.csv}: the county table, the sum over all its villages. */
@Component
public class CountyIndicatorsTable implements ExportTable {

	private static final List<Column> COLUMNS = List.of(Column.text("period", "报告期"), Column.text("county_code", "县代码"),
			Column.text("indicator_code", "指标代码"), Column.number("value", "本月"), Column.number("ytd_value", "本年累计"),
			Column.number("villages_reporting", "报送村数"), Column.number("villages_expected", "应报村数"));

	private final JdbcTemplate jdbc;

	public CountyIndicatorsTable(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String fileName() {
		return "county_indicators.csv";
	}

	@Override
	public List<Column> columns() {
		return COLUMNS;
	}

	@Override
	public void rows(PeriodRange range, Consumer<List<String>> sink) {
		IndicatorOrder grouped = new IndicatorOrder(2, sink);
		this.jdbc.query("select period, county_code, indicator_code, total, ytd_total, villages_reporting,"
				+ " villages_expected from county_indicator where period between ? and ? order by period, county_code",
				(rs) -> {
					grouped.accept(List.of(rs.getString(1), rs.getString(2), rs.getString(3),
							TownshipIndicatorsTable.number(rs.getBigDecimal(4)),
							TownshipIndicatorsTable.number(rs.getBigDecimal(5)), rs.getString(6), rs.getString(7)));
				}, range.firstText(), range.lastText());
		grouped.flush();
	}

}
