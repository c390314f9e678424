package cn.xinning.villagereturns.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.function.Consumer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import cn.xinning.villagereturns.support.Numbers;
import cn.xinning.villagereturns.support.PeriodRange;

/**
 * {@code completeness.csv}: per period, county and township, how many villages were
 * expected, how many reported, how many on time. Percentages are rounded half up (四舍五入)
 * to one decimal, from exact decimals.
 */
@Component
public class CompletenessTable implements ExportTable {

	private static final List<Column> COLUMNS = List.of(Column.text("period", "报告期"), Column.text("org_level", "层级"),
			Column.text("org_code", "单位代码"), Column.number("expected", "应报村数"), Column.number("received", "已报村数"),
			Column.number("on_time", "按时报送村数"), Column.number("completeness_pct", "报送率%"),
			Column.number("timeliness_pct", "及时率%"));

	private final JdbcTemplate jdbc;

	public CompletenessTable(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String fileName() {
		return "completeness.csv";
	}

	@Override
	public List<Column> columns() {
		return COLUMNS;
	}

	@Override
	public void rows(PeriodRange range, Consumer<List<String>> sink) {
		this.jdbc.query("select period, org_level, org_code, expected, received, on_time from completeness"
				+ " where period between ? and ? order by period, org_level, org_code", (rs) -> {
					int expected = rs.getInt(4);
					int received = rs.getInt(5);
					int onTime = rs.getInt(6);
					sink.accept(List.of(rs.getString(1), rs.getString(2), rs.getString(3), String.valueOf(expected),
							String.valueOf(received), String.valueOf(onTime), percent(received, expected),
							percent(onTime, expected)));
				}, range.firstText(), range.lastText());
	}

	static String percent(int part, int whole) {
		if (whole == 0) {
			return "";
		}
		return Numbers
			.format(BigDecimal.valueOf(100L * part).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP));
	}

}
