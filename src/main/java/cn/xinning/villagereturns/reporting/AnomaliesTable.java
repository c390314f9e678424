package cn.xinning.villagereturns.reporting;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.springframework.stereotype.Component;

import cn.xinning.villagereturns.support.StreamingJdbc;

import cn.xinning.villagereturns.VillageReturnsProperties;
import cn.xinning.villagereturns.support.Numbers;
import cn.xinning.villagereturns.support.PeriodRange;

/**
 * {@code anomalies.csv}: every flag of the periods with its evidence and status, CLOSED
 * ones included (they are history; filter on status for the open work). Rows of one
 * organisation are sorted by indicator code and rule here, so the order is the same on
 * every database.
 */
@Component
public class AnomaliesTable implements ExportTable {

	private static final List<Column> COLUMNS = List.of(Column.text("period", "报告期"), Column.text("org_level", "层级"),
			Column.text("org_code", "单位代码"), Column.text("indicator_code", "指标代码"), Column.text("rule", "规则"),
			Column.text("severity", "级别"), Column.number("observed", "实际值"), Column.number("expected_low", "预期下限"),
			Column.number("expected_high", "预期上限"), Column.number("score", "偏离程度"), Column.text("status", "状态"),
			Column.text("message", "说明"));

	private final StreamingJdbc jdbc;

	private final boolean english;

	public AnomaliesTable(StreamingJdbc streaming, VillageReturnsProperties properties) {
		this.jdbc = streaming;
		this.english = "en".equalsIgnoreCase(properties.language());
	}

	@Override
	public String fileName() {
		return "anomalies.csv";
	}

	@Override
	public List<Column> columns() {
		return COLUMNS;
	}

	@Override
	public void rows(PeriodRange range, Consumer<List<String>> sink) {
		FlagOrder grouped = new FlagOrder(sink);
		this.jdbc.query("select period, org_level, org_code, indicator_code, rule_code, severity, observed,"
				+ " expected_low, expected_high, score, score_infinity, status, message_zh, message_en, flag_id,"
				+ " subject" + " from anomaly_flag where period between ? and ? order by period, org_level, org_code",
				(rs) -> {
					String score = (rs.getInt(11) != 0) ? ((rs.getInt(11) < 0) ? "-inf" : "inf")
							: number(rs.getBigDecimal(10));
					grouped.accept(rs.getLong(15), rs.getString(16),
							List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
									rs.getString(6), number(rs.getBigDecimal(7)), number(rs.getBigDecimal(8)),
									number(rs.getBigDecimal(9)), score, rs.getString(12),
									rs.getString(this.english ? 14 : 13)));
				}, range.firstText(), range.lastText());
		grouped.flush();
	}

	private static String number(BigDecimal value) {
		return Optional.ofNullable(value).map(Numbers::format).orElse("");
	}

	/**
	 * Sorts one organisation's flags by indicator code, rule, subject (the issue number
	 * of a ledger flag), then age.
	 */
	private static final class FlagOrder {

		private final Consumer<List<String>> sink;

		private final java.util.List<Grouped> group = new java.util.ArrayList<>();

		FlagOrder(Consumer<List<String>> sink) {
			this.sink = sink;
		}

		private record Grouped(long id, String subject, List<String> row) {
		}

		void accept(long id, String subject, List<String> row) {
			if (!this.group.isEmpty() && !this.group.get(0).row().subList(0, 3).equals(row.subList(0, 3))) {
				flush();
			}
			this.group.add(new Grouped(id, (subject != null) ? subject : "", row));
		}

		void flush() {
			this.group.sort(java.util.Comparator.comparing((Grouped g) -> g.row().get(3))
				.thenComparing((g) -> g.row().get(4))
				.thenComparing(Grouped::subject)
				.thenComparingLong(Grouped::id));
			this.group.forEach((g) -> this.sink.accept(g.row()));
			this.group.clear();
		}

	}

}
