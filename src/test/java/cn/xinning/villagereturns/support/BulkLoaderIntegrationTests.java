package cn.xinning.villagereturns.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On the real MariaDB: LOAD DATA LOCAL stores exactly what batched inserts store (tabs,
 * line breaks, backslashes, Chinese, NULL, exact decimals), and a row the server would
 * only warn about fails the load and rolls the transaction back.
 */
class BulkLoaderIntegrationTests {

	static MariaDb.TestDatabase database;

	record Value(long id, String code, BigDecimal val, String note) {
	}

	static final List<Value> ROWS = List.of(new Value(1, "HOME_VISITS", new BigDecimal("405"), null),
			new Value(2, "SUBSIDY", new BigDecimal("12345678901234567.25"), "含\t制表符\n和换行"),
			new Value(3, "A.B-C", new BigDecimal("-0.50"), "back\\slash \\N and \\t literally, \r\n'quoted' \"too\""),
			new Value(4, "EMPTY_NOTE", BigDecimal.ZERO, ""));

	@BeforeAll
	static void createDatabase() {
		database = MariaDb.create("bulk");
	}

	@AfterAll
	static void dropDatabase() {
		database.close();
	}

	@Test
	void loadDataStoresWhatBatchedInsertsStore() {
		loadDataStoresWhatBatchedInsertsStore("", "");
	}

	/**
	 * A county server may run in NO_BACKSLASH_ESCAPES (set here for the test's sessions
	 * only, not on the shared server): the load must not depend on how the server reads a
	 * backslash in a quoted string.
	 */
	@Test
	void loadDataDoesNotDependOnTheSqlModeOfBackslashes() {
		String mode = "&sessionVariables=sql_mode='STRICT_TRANS_TABLES,NO_BACKSLASH_ESCAPES'";
		assertThat(template(true, mode).queryForObject("select @@session.sql_mode", String.class))
			.contains("NO_BACKSLASH_ESCAPES");
		loadDataStoresWhatBatchedInsertsStore(mode, "_nbe");
	}

	private void loadDataStoresWhatBatchedInsertsStore(String urlOptions, String suffix) {
		JdbcTemplate viaLoad = template(true, urlOptions);
		JdbcTemplate viaBatch = template(false, urlOptions);
		BulkLoader load = new BulkLoader(viaLoad.getDataSource(), new DatabaseDialect(viaLoad.getDataSource()));
		BulkLoader batch = new BulkLoader(viaBatch.getDataSource(), new DatabaseDialect(viaBatch.getDataSource()));
		assertThat(load.usesLoadData()).isTrue();
		assertThat(batch.usesLoadData()).isFalse();
		for (String table : List.of("loaded" + suffix, "batched" + suffix)) {
			viaLoad.execute("create table " + table + " (id bigint not null, code varchar(40) not null,"
					+ " val decimal(20,2) not null, note varchar(500), primary key (id, code))");
		}
		inTransaction(viaLoad, () -> insert(load, viaLoad, "loaded" + suffix, ROWS));
		inTransaction(viaBatch, () -> insert(batch, viaBatch, "batched" + suffix, ROWS));

		List<Map<String, Object>> loaded = viaLoad.queryForList("select * from loaded" + suffix + " order by id");
		assertThat(loaded).isEqualTo(viaLoad.queryForList("select * from batched" + suffix + " order by id"));
		assertThat(loaded).extracting((row) -> row.get("note"))
			.containsExactly(null, "含\t制表符\n和换行", "back\\slash \\N and \\t literally, \r\n'quoted' \"too\"", "");
		assertThat(loaded).extracting((row) -> row.get("val"))
			.containsExactly(new BigDecimal("405.00"), new BigDecimal("12345678901234567.25"), new BigDecimal("-0.50"),
					new BigDecimal("0.00"));
	}

	@Test
	void aRowTheServerWouldOnlyWarnAboutFailsTheLoad() {
		JdbcTemplate jdbc = template(true);
		BulkLoader load = new BulkLoader(jdbc.getDataSource(), new DatabaseDialect(jdbc.getDataSource()));
		jdbc.execute("create table strict_values (id bigint not null, code varchar(40) not null,"
				+ " val decimal(20,2) not null, note varchar(500), primary key (id, code))");
		jdbc.update("insert into strict_values values (9, 'X', 1, null)");

		assertThatThrownBy(() -> inTransaction(jdbc,
				() -> insert(load, jdbc, "strict_values",
						List.of(new Value(1, "X", BigDecimal.ONE, null),
								new Value(9, "X", BigDecimal.TEN, "duplicate key")))))
			.isInstanceOf(DataIntegrityViolationException.class)
			.hasMessageContaining("stored 1 of 2 rows");
		assertThat(jdbc.queryForList("select id, val from strict_values"))
			.containsExactly(Map.of("id", 9L, "val", new BigDecimal("1.00")));

		assertThatThrownBy(() -> inTransaction(jdbc,
				() -> insert(load, jdbc, "strict_values",
						List.of(new Value(2, "Y", new BigDecimal("1E+30"), "out of range")))))
			.isInstanceOf(DataIntegrityViolationException.class);
		assertThat(jdbc.queryForObject("select count(*) from strict_values", Integer.class)).isEqualTo(1);
	}

	record Change(long id, String state, String path) {
	}

	/**
	 * An update from the scratch table sets exactly what one update per row sets (a NULL,
	 * Chinese, a tab, and the fixed assignment), touches no row it was not given, and a
	 * second use in the same session sees none of the first's rows.
	 */
	@Test
	void updateFromAScratchTableSetsWhatOneUpdatePerRowSets() {
		JdbcTemplate viaLoad = template(true);
		JdbcTemplate viaBatch = template(false);
		BulkLoader load = new BulkLoader(viaLoad.getDataSource(), new DatabaseDialect(viaLoad.getDataSource()));
		BulkLoader batch = new BulkLoader(viaBatch.getDataSource(), new DatabaseDialect(viaBatch.getDataSource()));
		for (String table : List.of("files_loaded", "files_batched")) {
			viaLoad.execute("create table " + table + " (file_id bigint not null, state varchar(12) not null,"
					+ " outcome varchar(12), final_path varchar(1000), received_at datetime(6),"
					+ " primary key (file_id))");
			viaLoad.update("insert into " + table + " (file_id, state, outcome, final_path) values"
					+ " (1, 'ACCEPTED', 'X', 'old'), (2, 'ACCEPTED', null, null), (3, 'ACCEPTED', null, null),"
					+ " (4, 'ACCEPTED', null, 'untouched')");
		}
		List<Change> first = List.of(new Change(1, "ARCHIVED", "archive/2026-11-04/村 1.csv"),
				new Change(3, "REJECTED", null));
		List<Change> second = List.of(new Change(2, "QUARANTINED", "quarantine/a\\tb\t(2).csv"));
		java.time.LocalDateTime at = java.time.LocalDateTime.of(2026, 11, 4, 10, 0);
		for (var pair : List.of(Map.entry(load, viaLoad), Map.entry(batch, viaBatch))) {
			String table = (pair.getKey() == load) ? "files_loaded" : "files_batched";
			JdbcTemplate jdbc = pair.getValue();
			new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource()))
				.executeWithoutResult((status) -> {
					update(pair.getKey(), jdbc, table, first, at);
					update(pair.getKey(), jdbc, table, second, at.plusSeconds(1));
				});
		}
		List<Map<String, Object>> loaded = viaLoad.queryForList("select * from files_loaded order by file_id");
		assertThat(loaded).isEqualTo(viaLoad.queryForList("select * from files_batched order by file_id"));
		assertThat(loaded).extracting((row) -> row.get("state")).containsExactly("FILED", "FILED", "FILED", "ACCEPTED");
		assertThat(loaded).extracting((row) -> row.get("final_path"))
			.containsExactly("archive/2026-11-04/村 1.csv", "quarantine/a\\tb\t(2).csv", null, "untouched");
		assertThat(loaded).extracting((row) -> row.get("received_at")).containsExactly(at, at.plusSeconds(1), at, null);
	}

	private static void update(BulkLoader loader, JdbcTemplate jdbc, String table, List<Change> rows,
			java.time.LocalDateTime at) {
		loader.update(jdbc, table, "scratch_" + table, "file_id", "state = 'FILED'",
				List.of("outcome", "final_path", "received_at"), rows, (row, cells) -> {
					cells[0] = row.id();
					cells[1] = row.state();
					cells[2] = row.path();
					cells[3] = at;
				});
	}

	private static void insert(BulkLoader loader, JdbcTemplate jdbc, String table, List<Value> rows) {
		loader.insert(jdbc, table, List.of("id", "code", "val", "note"), rows, (row, cells) -> {
			cells[0] = row.id();
			cells[1] = row.code();
			cells[2] = row.val();
			cells[3] = row.note();
		});
	}

	private static void inTransaction(JdbcTemplate jdbc, Runnable work) {
		new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource()))
			.executeWithoutResult((s) -> work.run());
	}

	private static JdbcTemplate template(boolean allowLoadData) {
		return template(allowLoadData, "");
	}

	private static JdbcTemplate template(boolean allowLoadData, String urlOptions) {
		DriverManagerDataSource dataSource = new DriverManagerDataSource(database.url()
				+ "?rewriteBatchedStatements=true" + (allowLoadData ? "&allowLoadLocalInfile=true" : "") + urlOptions,
				database.user(), database.password());
		return new JdbcTemplate(dataSource);
	}

}
