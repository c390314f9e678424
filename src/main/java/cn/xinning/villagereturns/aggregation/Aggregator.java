package cn.xinning.villagereturns.aggregation;

import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import cn.xinning.villagereturns.VillageReturnsProperties;
import cn.xinning.villagereturns.support.DueDates;

/**
 * Recomputes the township and county tables and the completeness of one period from the
 * returns currently accepted (spec section 6), in set-based SQL: delete the period,
 * insert it again. Totals are exact DECIMAL sums; a total with no reporting village stays
 * null.
 *
 * <p>
 * The year-to-date total of a FLOW indicator is the month's total plus the stored totals
 * of the earlier months of the year, so periods of one year must be recomputed in
 * ascending order ({@link AggregationPlan} does); a STOCK's year-to-date is its month's
 * value.
 */
@Component
public class Aggregator {

	/**
	 * A village row of the registry valid in the period named by the given column or
	 * parameter.
	 */
	private static String validIn(String alias, String period) {
		return "(" + alias + ".valid_from is null or " + alias + ".valid_from <= " + period + ") and (" + alias
				+ ".valid_to is null or " + alias + ".valid_to >= " + period + ")";
	}

	private static final String EXPECTED = "select %1$s as org_code, count(*) as expected from village e where "
			+ validIn("e", ":period") + " group by %1$s";

	private static final String MONTH = "select v.%1$s as org_code, sv.indicator_code, sum(sv.val) as total,"
			+ " count(*) as reporting from current_return c join village v on v.village_code = c.village_code and "
			+ validIn("v", "c.period") + " join submission_value sv on sv.submission_id = c.submission_id"
			+ " where c.period = :period group by v.%1$s, sv.indicator_code";

	private static final String EARLIER = "select %1$s as org_code, indicator_code, sum(total) as total from %2$s"
			+ " where period >= :yearStart and period < :period group by %1$s, indicator_code";

	private static final String INDICATORS = "insert into %2$s (period, %1$s, indicator_code, total, ytd_total,"
			+ " villages_reporting, villages_expected)"
			+ " select :period, x.org_code, i.indicator_code, m.total, case when i.kind = 'STOCK' then m.total"
			+ " when m.total is null and p.total is null then null else coalesce(m.total, 0) + coalesce(p.total, 0) end,"
			+ " coalesce(m.reporting, 0), x.expected from (" + EXPECTED + ") x cross join indicator i" + " left join ("
			+ MONTH + ") m on m.org_code = x.org_code and m.indicator_code = i.indicator_code" + " left join ("
			+ EARLIER + ") p on p.org_code = x.org_code and p.indicator_code = i.indicator_code";

	private static final String COMPLETENESS = "insert into completeness (period, org_level, org_code, expected,"
			+ " received, on_time) select :period, '%2$s', x.org_code, x.expected, coalesce(r.received, 0),"
			+ " coalesce(r.on_time, 0) from (" + EXPECTED + ") x left join (select v.%1$s as org_code,"
			+ " count(*) as received, sum(case when c.first_received_at <= :due then 1 else 0 end) as on_time"
			+ " from current_return c join village v on v.village_code = c.village_code and " + validIn("v", "c.period")
			+ " where c.period = :period group by v.%1$s) r on r.org_code = x.org_code";

	private final NamedParameterJdbcTemplate jdbc;

	private final DueDates dueDates;

	private final ZoneId zone;

	public Aggregator(NamedParameterJdbcTemplate jdbc, VillageReturnsProperties properties) {
		this.jdbc = jdbc;
		this.dueDates = new DueDates(properties.dueDay());
		this.zone = properties.timeZone();
	}

	/** Recomputes one period; the caller's transaction makes it all or nothing. */
	public void recompute(YearMonth period) {
		Map<String, Object> params = Map.of("period", period.toString(), "yearStart",
				YearMonth.of(period.getYear(), 1).toString(), "due", this.dueDates.dueOf(period));
		for (String table : new String[] { "township_indicator", "county_indicator", "completeness" }) {
			this.jdbc.update("delete from " + table + " where period = :period", params);
		}
		this.jdbc.update(INDICATORS.formatted("township_code", "township_indicator"), params);
		this.jdbc.update(INDICATORS.formatted("county_code", "county_indicator"), params);
		this.jdbc.update(COMPLETENESS.formatted("township_code", "TOWNSHIP"), params);
		this.jdbc.update(COMPLETENESS.formatted("county_code", "COUNTY"), params);
		// whichever runs touched the period, its figures now include their returns
		this.jdbc.update("update run_period set aggregated_at = :now where period = :period and aggregated_at is null",
				Map.of("now", LocalDateTime.now(this.zone).withNano(0), "period", period.toString()));
	}

	/**
	 * Periods of the range with accepted returns that are not yet in the figures (a run
	 * failed before them).
	 */
	public List<YearMonth> pending(YearMonth first, YearMonth last) {
		return this.jdbc
			.queryForList(
					"select distinct period from run_period where aggregated_at is null and period between"
							+ " :first and :last order by period",
					Map.of("first", first.toString(), "last", last.toString()), String.class)
			.stream()
			.map(YearMonth::parse)
			.toList();
	}

}
