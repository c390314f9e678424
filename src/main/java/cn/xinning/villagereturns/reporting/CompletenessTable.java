package cn.xinning.villagereturns.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
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
		query(range, Optional.empty(),
				(f) -> sink.accept(List.of(f.period().toString(), f.level(), f.orgCode(), String.valueOf(f.expected()),
						String.valueOf(f.received()), String.valueOf(f.onTime()), f.completenessPct(),
						f.timelinessPct())));
	}

	/**
	 * The rows of one period that {@code completeness.csv} writes, as figures: the
	 * console's completeness screen shows exactly these (one query for both).
	 * @param period the period
	 * @param orgPrefix only organisations whose code starts with this (a county's code:
	 * the county and its townships), or all
	 * @return in export order (COUNTY before TOWNSHIP, then by code)
	 */
	public List<Figures> figures(YearMonth period, Optional<String> orgPrefix) {
		List<Figures> figures = new ArrayList<>();
		query(new PeriodRange(period, period), orgPrefix, figures::add);
		return figures;
	}

	/** The periods that have figures, latest first. */
	public List<YearMonth> periods() {
		return this.jdbc.queryForList("select distinct period from completeness order by period desc", String.class)
			.stream()
			.map(YearMonth::parse)
			.toList();
	}

	/**
	 * The latest period in which some village reported (a period recomputed before any
	 * return came has figures of zero), else the latest period with figures.
	 */
	public Optional<YearMonth> latestWithData() {
		String latest = this.jdbc.queryForObject(
				"select coalesce(max(case when received > 0 then period end), max(period)) from completeness"
						+ " where org_level = 'COUNTY'",
				String.class);
		return Optional.ofNullable(latest).map(YearMonth::parse);
	}

	private void query(PeriodRange range, Optional<String> orgPrefix, Consumer<Figures> sink) {
		List<Object> args = new ArrayList<>(List.of(range.firstText(), range.lastText()));
		String where = "";
		if (orgPrefix.isPresent()) {
			where = " and org_code like ?";
			args.add(orgPrefix.get() + "%");
		}
		this.jdbc.query(
				"select period, org_level, org_code, expected, received, on_time from completeness"
						+ " where period between ? and ?" + where + " order by period, org_level, org_code",
				(RowCallbackHandler) (rs) -> sink.accept(new Figures(YearMonth.parse(rs.getString(1)), rs.getString(2),
						rs.getString(3), rs.getInt(4), rs.getInt(5), rs.getInt(6))),
				args.toArray());
	}

	/**
	 * One row of {@code completeness.csv} (spec section 6).
	 *
	 * @param period the period
	 * @param level TOWNSHIP or COUNTY
	 * @param orgCode the township's 9 or the county's 6 digits
	 * @param expected villages valid in the period
	 * @param received villages with an accepted return for it
	 * @param onTime villages whose first accepted return came by the due date
	 */
	public record Figures(YearMonth period, String level, String orgCode, int expected, int received, int onTime) {

		public boolean county() {
			return "COUNTY".equals(this.level);
		}

		/** Received, but not on time. */
		public int late() {
			return this.received - this.onTime;
		}

		/** Expected without an accepted return. */
		public int missing() {
			return this.expected - this.received;
		}

		/** As exported: one decimal, half up; empty when none was expected. */
		public String completenessPct() {
			return percent(this.received, this.expected);
		}

		public String timelinessPct() {
			return percent(this.onTime, this.expected);
		}

		/**
		 * The html report's shading of a percentage: ok, warn (below 100), bad (below
		 * 80), na.
		 */
		public String completenessShade() {
			return Html.percentClass(completenessPct());
		}

		public String timelinessShade() {
			return Html.percentClass(timelinessPct());
		}

	}

	static String percent(int part, int whole) {
		if (whole == 0) {
			return "";
		}
		return Numbers
			.format(BigDecimal.valueOf(100L * part).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP));
	}

}
