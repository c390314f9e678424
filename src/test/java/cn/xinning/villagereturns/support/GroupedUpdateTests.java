package cn.xinning.villagereturns.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Both ways {@link GroupedUpdate} writes: IN lists on MariaDB, single-row updates by key
 * on H2, the same rows changed.
 */
class GroupedUpdateTests {

	record Change(long id, String state, Long other) {
	}

	@Test
	void onH2EveryRowGetsItsOwnValues() {
		rowsWithTheSameNewValuesAreUpdatedTogetherAndEveryRowGetsItsOwn(new DriverManagerDataSource(
				"jdbc:h2:mem:grouped;DB_CLOSE_DELAY=-1;MODE=MySQL;DATABASE_TO_LOWER=TRUE", "sa", ""));
	}

	@Test
	void onMariaDbRowsWithTheSameNewValuesGoTogetherAndEveryRowGetsItsOwn() {
		try (MariaDb.TestDatabase database = MariaDb.create("grouped")) {
			rowsWithTheSameNewValuesAreUpdatedTogetherAndEveryRowGetsItsOwn(
					new DriverManagerDataSource(database.url(), database.user(), database.password()));
		}
	}

	private void rowsWithTheSameNewValuesAreUpdatedTogetherAndEveryRowGetsItsOwn(DataSource dataSource) {
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		jdbc.execute("create table t (id bigint primary key, state varchar(20), other bigint)");
		jdbc.batchUpdate("insert into t (id, state, other) values (?, 'STAGED', 7)",
				LongStream.rangeClosed(1, 2600).mapToObj((id) -> new Object[] { id }).toList());
		List<Change> changes = new ArrayList<>();
		// 2,500 alike (on MariaDB three statements of at most 1,000), two with their own
		// values, one NULL, and rows 2,504.. left alone
		LongStream.rangeClosed(1, 2500).forEach((id) -> changes.add(new Change(id, "CURRENT", null)));
		changes.add(new Change(2501, "SUPERSEDED", 2502L));
		changes.add(new Change(2502, "CURRENT", null));
		changes.add(new Change(2503, "DUPLICATE", 9L));
		GroupedUpdate.update(jdbc, new DatabaseDialect(dataSource), "t", "id", List.of("state", "other"), changes,
				Change::id, (c) -> new Object[] { c.state(), c.other() });

		assertThat(jdbc.query("select state, other, count(*) as n from t group by state, other order by state, other",
				(rs, n) -> rs.getString("state") + "/" + rs.getObject("other") + "/" + rs.getLong("n")))
			.containsExactly("CURRENT/null/2501", "DUPLICATE/9/1", "STAGED/7/97", "SUPERSEDED/2502/1");
	}

}
