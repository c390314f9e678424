package cn.xinning.villagereturns.aggregation;

import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import cn.xinning.villagereturns.VillageReturnsProperties;
import cn.xinning.villagereturns.support.DatabaseDialect;
import cn.xinning.villagereturns.support.DueDates;
import cn.xinning.villagereturns.support.PeriodLocks;

/**
 * Recomputes the township and county tables and the completeness of one period from the
 * returns currently accepted (spec section 6), in set-based SQL: delete the period,
 * insert it again. Totals are exact DECIMAL sums; a total with no reporting village stays
 * null.
 *
 * <p>
 * Each organisation level goes through the scratch tables of V9, joined on their keys:
 * the month's totals by organisation and indicator, every organisation valid in the
 * period with every indicator (a township without data still has its rows, with empty
 * totals), the totals of the earlier months of the year, and the villages expected and
 * received. The year-to-date total of a FLOW indicator is the month's total plus the
 * stored totals of the earlier months of the year, so periods of one year must be
 * recomputed in ascending order ({@link AggregationPlan} does); a STOCK's year-to-date is
 * its month's value.
 *
 * <p>
 * The month's values, and its received returns, are read with their registry rows once
 * for both levels: totalled by township, county and indicator into the scratch tables of
 * V70, from which each level's totals are summed (that join was most of the step).
 */
@Component
public class Aggregator {

	private static final Logger log = LoggerFactory.getLogger(Aggregator.class);

	/**
	 * A village row of the registry valid in the period named by the given column or
	 * parameter.
	 */
	private static String validIn(String alias, String period) {
		return "(" + alias + ".valid_from is null or " + alias + ".valid_from <= " + period + ") and (" + alias
				+ ".valid_to is null or " + alias + ".valid_to >= " + period + ")";
	}

	/** The two organisation levels: column of {@code village} and table of results. */
	private enum Level {

		TOWNSHIP("township_code", "township_indicator"), COUNTY("county_code", "county_indicator");

		private final String column;

		private final String table;

		Level(String column, String table) {
			this.column = column;
			this.table = table;
		}

	}

	/**
	 * The month's values totalled once by township, county and indicator (V70): the one
	 * pass over the values and their registry rows that both levels are summed from. The
	 * returns meet their registry rows in a derived table, before their values: H2 had
	 * joined the values first and looked the village up again for each of them (500,000
	 * lookups instead of 25,000 at a province; the statement took 3.3 to 3.8 s instead of
	 * 2.2, warm). MySQL and MariaDB merge the derived table into the same plan as before.
	 */
	private static final String MONTH_BY_TOWNSHIP_AND_COUNTY = "insert into aggregate_month (township_code,"
			+ " county_code, indicator_code, total, reporting) select x.township_code, x.county_code,"
			+ " sv.indicator_code, sum(sv.val), count(*) from (select c.submission_id, v.township_code,"
			+ " v.county_code from current_return c join village v on v.village_code = c.village_code and "
			+ validIn("v", "c.period") + " where c.period = :period) x"
			+ " join submission_value sv on sv.submission_id = x.submission_id"
			+ " group by x.township_code, x.county_code, sv.indicator_code";

	private static final String MONTH = "insert into aggregate_stage (org_code, indicator_code, total, reporting)"
			+ " select %1$s, indicator_code, sum(total), sum(reporting) from aggregate_month"
			+ " group by %1$s, indicator_code";

	private static final String EXPECTED = "insert into aggregate_expected (org_code, expected)"
			+ " select e.%1$s, count(*) from village e where " + validIn("e", ":period") + " group by e.%1$s";

	private static final String EVERY_INDICATOR = "insert into aggregate_stage (org_code, indicator_code, total,"
			+ " reporting) select x.org_code, i.indicator_code, null, 0 from aggregate_expected x cross join indicator i"
			+ " where not exists (select 1 from aggregate_stage s where s.org_code = x.org_code"
			+ " and s.indicator_code = i.indicator_code)";

	private static final String EARLIER = "insert into aggregate_earlier (org_code, indicator_code, total)"
			+ " select %1$s, indicator_code, sum(total) from %2$s where period >= :yearStart and period < :period"
			+ " group by %1$s, indicator_code";

	private static final String RESULT = "insert into %2$s (period, %1$s, indicator_code, total, ytd_total,"
			+ " villages_reporting, villages_expected) select :period, s.org_code, s.indicator_code, s.total,"
			+ " case when i.kind = 'STOCK' then s.total when s.total is null and e.total is null then null"
			+ " else coalesce(s.total, 0) + coalesce(e.total, 0) end, s.reporting, x.expected from aggregate_stage s"
			+ " join aggregate_expected x on x.org_code = s.org_code join indicator i on i.indicator_code = s.indicator_code"
			+ " left join aggregate_earlier e on e.org_code = s.org_code and e.indicator_code = s.indicator_code";

	private static final String RECEIVED_BY_TOWNSHIP_AND_COUNTY = "insert into aggregate_month_received"
			+ " (township_code, county_code, received, on_time) select v.township_code, v.county_code, count(*),"
			+ " sum(case when c.first_received_at <= :due then 1 else 0 end) from current_return c"
			+ " join village v on v.village_code = c.village_code and " + validIn("v", "c.period")
			+ " where c.period = :period group by v.township_code, v.county_code";

	private static final String RECEIVED = "insert into aggregate_received (org_code, received, on_time)"
			+ " select %1$s, sum(received), sum(on_time) from aggregate_month_received group by %1$s";

	private static final String COMPLETENESS = "insert into completeness (period, org_level, org_code, expected,"
			+ " received, on_time) select :period, :level, x.org_code, x.expected, coalesce(r.received, 0),"
			+ " coalesce(r.on_time, 0) from aggregate_expected x left join aggregate_received r on r.org_code = x.org_code";

	/**
	 * Bytes the grouping of a month's values may take in memory on MySQL/MariaDB (the
	 * bench's floor groups with the same).
	 */
	public static final long GROUPING_MEMORY = 512L * 1024 * 1024;

	private static final List<String> SCRATCH = List.of("aggregate_stage", "aggregate_earlier", "aggregate_expected",
			"aggregate_received");

	private final NamedParameterJdbcTemplate jdbc;

	private final DueDates dueDates;

	private final ZoneId zone;

	private final PeriodLocks periodLocks;

	private final DatabaseDialect dialect;

	public Aggregator(NamedParameterJdbcTemplate jdbc, VillageReturnsProperties properties, PeriodLocks periodLocks,
			DatabaseDialect dialect) {
		this.dialect = dialect;
		this.jdbc = jdbc;
		this.periodLocks = periodLocks;
		this.dueDates = new DueDates(properties.dueDay());
		this.zone = properties.timeZone();
	}

	/** Recomputes one period; the caller's transaction makes it all or nothing. */
	public void recompute(YearMonth period) {
		// another process may be writing the period: wait for it, hold it until commit
		this.periodLocks.lock(period);
		for (String table : new String[] { "township_indicator", "county_indicator", "completeness" }) {
			this.jdbc.update("delete from " + table + " where period = :period", Map.of("period", period.toString()));
		}
		Map<String, Object> month = Map.of("period", period.toString(), "due", this.dueDates.dueOf(period));
		this.jdbc.update("delete from aggregate_month", Map.of());
		this.jdbc.update("delete from aggregate_month_received", Map.of());
		if (this.dialect.isMySql()) {
			// the month's totals are grouped in a temporary table of one row per township
			// and indicator: 490,000 rows at the nation, about 200 MiB, which beyond the
			// session's 16 MiB default goes to disk (Aria) and cost most of the step; at
			// most that much memory, for this connection, while it aggregates
			this.jdbc.getJdbcTemplate()
				.execute("set session tmp_table_size = greatest(@@tmp_table_size, " + GROUPING_MEMORY
						+ "), max_heap_table_size = greatest(@@max_heap_table_size, " + GROUPING_MEMORY + ")");
		}
		try {
			this.jdbc.update(MONTH_BY_TOWNSHIP_AND_COUNTY, month);
			this.jdbc.update(RECEIVED_BY_TOWNSHIP_AND_COUNTY, month);
			for (Level level : Level.values()) {
				Map<String, Object> params = Map.of("period", period.toString(), "yearStart",
						YearMonth.of(period.getYear(), 1).toString(), "due", this.dueDates.dueOf(period), "level",
						level.name());
				for (String scratch : SCRATCH) {
					this.jdbc.update("delete from " + scratch, Map.of());
				}
				this.jdbc.update(MONTH.formatted(level.column), params);
				this.jdbc.update(EXPECTED.formatted(level.column), params);
				this.jdbc.update(EVERY_INDICATOR, params);
				this.jdbc.update(EARLIER.formatted(level.column, level.table), params);
				this.jdbc.update(RESULT.formatted(level.column, level.table), params);
				this.jdbc.update(RECEIVED.formatted(level.column), params);
				this.jdbc.update(COMPLETENESS, params);
			}
		}
		finally {
			if (this.dialect.isMySql()) {
				restoreGroupingMemory();
			}
		}
		// whichever runs touched the period, its figures now include their returns
		this.jdbc.update("update run_period set aggregated_at = :now where period = :period and aggregated_at is null",
				Map.of("now", LocalDateTime.now(this.zone).withNano(0), "period", period.toString()));
	}

	/**
	 * Gives the session the server's limits again. When the connection itself failed,
	 * this fails too: the aggregation's own error is then the one to report, and a pooled
	 * connection that keeps the higher limits can only group more in memory.
	 */
	private void restoreGroupingMemory() {
		try {
			this.jdbc.getJdbcTemplate()
				.execute("set session tmp_table_size = @@global.tmp_table_size,"
						+ " max_heap_table_size = @@global.max_heap_table_size");
		}
		catch (org.springframework.dao.DataAccessException ex) {
			log.warn("Could not restore the session's temporary-table limits after aggregating: {}", ex.getMessage());
		}
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
