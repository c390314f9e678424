package cn.xinning.villagereturns.benchmark;

import java.nio.file.Path;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import cn.xinning.villagereturns.aggregation.Aggregator;
import cn.xinning.villagereturns.support.DatabaseDialect;

/**
 * The floor a pipeline is measured against: the same month's values put into the same
 * database the fastest way it offers ({@code LOAD DATA LOCAL INFILE} on MySQL/MariaDB,
 * {@code CSVREAD} on H2) into a plain table, then the same township and county totals as
 * one {@code INSERT … SELECT … GROUP BY} each. Nothing checked, nothing filed, no history
 * looked at.
 */
@Component
class FloorMeasurement {

	private final JdbcTemplate jdbc;

	private final DatabaseDialect dialect;

	FloorMeasurement(JdbcTemplate jdbc, DatabaseDialect dialect) {
		this.jdbc = jdbc;
		this.dialect = dialect;
	}

	/**
	 * @param rows values loaded
	 * @param loadMillis time to load them
	 * @param aggregateMillis time to total them by township and county
	 */
	record Floor(long rows, long loadMillis, long aggregateMillis) {
	}

	Floor measure(Path values) {
		// one connection throughout: the session setting below must hold for the
		// statements after it
		return this.jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<Floor>) (connection) -> measure(
				new JdbcTemplate(new org.springframework.jdbc.datasource.SingleConnectionDataSource(connection, true)),
				values));
	}

	private Floor measure(JdbcTemplate jdbc, Path values) {
		for (String table : new String[] { "bench_floor_value", "bench_floor_township", "bench_floor_county" }) {
			jdbc.execute("drop table if exists " + table);
		}
		jdbc.execute("create table bench_floor_value (village_code char(12) not null,"
				+ " indicator_code varchar(40) not null, val decimal(20,2) not null)");
		jdbc.execute("create table bench_floor_township (township_code char(9) not null,"
				+ " indicator_code varchar(40) not null, total decimal(24,2), reporting int not null)");
		jdbc.execute("create table bench_floor_county (county_code char(6) not null,"
				+ " indicator_code varchar(40) not null, total decimal(24,2), reporting int not null)");
		boolean h2 = !this.dialect.isMySql();
		String path = values.toAbsolutePath().toString().replace("\\", "/").replace("'", "''");
		long start = System.nanoTime();
		if (h2) {
			jdbc.update("insert into bench_floor_value select * from csvread('" + path
					+ "', 'village_code,indicator_code,val', 'charset=UTF-8')");
		}
		else {
			jdbc.update("load data local infile '" + path + "' into table bench_floor_value"
					+ " fields terminated by ',' lines terminated by '\\n' (village_code, indicator_code, val)");
		}
		long loaded = System.nanoTime();
		if (!h2) {
			// as the pipeline's aggregation does (Aggregator): the grouping of a nation's
			// values in memory, not in an on-disk temporary table
			long memory = Aggregator.GROUPING_MEMORY;
			jdbc.execute("set session tmp_table_size = greatest(@@tmp_table_size, " + memory
					+ "), max_heap_table_size = greatest(@@max_heap_table_size, " + memory + ")");
		}
		jdbc.update("insert into bench_floor_township select v.township_code, f.indicator_code, sum(f.val), count(*)"
				+ " from bench_floor_value f join village v on v.village_code = f.village_code"
				+ " group by v.township_code, f.indicator_code");
		jdbc.update("insert into bench_floor_county select v.county_code, f.indicator_code, sum(f.val), count(*)"
				+ " from bench_floor_value f join village v on v.village_code = f.village_code"
				+ " group by v.county_code, f.indicator_code");
		long aggregated = System.nanoTime();
		Long rows = jdbc.queryForObject("select count(*) from bench_floor_value", Long.class);
		return new Floor((rows != null) ? rows : 0, (loaded - start) / 1_000_000, (aggregated - loaded) / 1_000_000);
	}

}
