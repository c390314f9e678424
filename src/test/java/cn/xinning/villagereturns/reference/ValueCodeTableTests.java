package cn.xinning.villagereturns.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import cn.xinning.villagereturns.support.MariaDb;
import cn.xinning.villagereturns.support.ValueCodes;
import cn.xinning.villagereturns.support.ValuesText;

/**
 * The numbers of value texts (V78) on both databases: an installation upgraded with a
 * catalogue in place numbers it in its order; a later catalogue's new codes get the next
 * numbers and the old ones keep theirs; texts written before V78 (codes by name) and
 * after read the same.
 */
class ValueCodeTableTests {

	@Test
	void onH2() {
		upgradedInstallationNumbersItsCatalogueAndLaterCodesGetTheNextNumbers(new DriverManagerDataSource(
				"jdbc:h2:mem:valuecodes;DB_CLOSE_DELAY=-1;MODE=MySQL;DATABASE_TO_LOWER=TRUE", "sa", ""), "h2");
	}

	@Test
	void onMariaDb() {
		try (MariaDb.TestDatabase database = MariaDb.create("valuecodes")) {
			upgradedInstallationNumbersItsCatalogueAndLaterCodesGetTheNextNumbers(
					new DriverManagerDataSource(database.url(), database.user(), database.password()), "mysql");
		}
	}

	private void upgradedInstallationNumbersItsCatalogueAndLaterCodesGetTheNextNumbers(DataSource dataSource,
			String vendor) {
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		flyway(dataSource, vendor).target("77").load().migrate();
		// the catalogue of an installation before V78, and a text it wrote
		int order = 0;
		for (String code : List.of("HOME_VISITS", "PAIRED_HOUSEHOLDS", "LAND_TRANSFER_MU")) {
			jdbc.update("insert into indicator (indicator_code, name_zh, name_en, unit_zh, value_type, kind,"
					+ " required_flag, min_abs_change, display_order) values (?, ?, ?, '户', 'INTEGER', 'FLOW', 'Y', 1, ?)",
					code, code, code, ++order);
		}
		String before = ValuesText.encode(
				Map.of("HOME_VISITS", new BigDecimal("412.00"), "LAND_TRANSFER_MU", new BigDecimal("35.50")),
				ValueCodes.NONE);
		assertThat(before).isEqualTo("HOME_VISITS=412.00;LAND_TRANSFER_MU=35.50");

		flyway(dataSource, vendor).load().migrate();
		ValueCodeTable table = new ValueCodeTable(jdbc);
		assertThat(numbers(jdbc)).containsExactly("1 HOME_VISITS", "2 PAIRED_HOUSEHOLDS", "3 LAND_TRANSFER_MU");

		// a later catalogue drops one code, adds two: the old keep their numbers
		table.register(List.of("PAIRED_HOUSEHOLDS", "ISSUES_RAISED", "HOME_VISITS", "COOP_NEW_MEMBERS"));
		table.register(List.of("ISSUES_RAISED"));
		assertThat(numbers(jdbc)).containsExactly("1 HOME_VISITS", "2 PAIRED_HOUSEHOLDS", "3 LAND_TRANSFER_MU",
				"4 ISSUES_RAISED", "5 COOP_NEW_MEMBERS");

		ValueCodes codes = table.load();
		Map<String, BigDecimal> values = Map.of("HOME_VISITS", new BigDecimal("412.00"), "LAND_TRANSFER_MU",
				new BigDecimal("35.50"), "NEW_NOT_NUMBERED", new BigDecimal("-1.00"));
		String after = ValuesText.encode(values, codes);
		assertThat(after).isEqualTo("#1=412.00;#3=35.50;NEW_NOT_NUMBERED=-1.00");
		assertThat(table.texts().decode(after)).isEqualTo(values);
		assertThat(table.texts().decode(before))
			.isEqualTo(Map.of("HOME_VISITS", new BigDecimal("412.00"), "LAND_TRANSFER_MU", new BigDecimal("35.50")));
	}

	private static org.flywaydb.core.api.configuration.FluentConfiguration flyway(DataSource dataSource,
			String vendor) {
		return Flyway.configure()
			.dataSource(dataSource)
			.locations("classpath:db/migration/common", "classpath:db/migration/" + vendor);
	}

	private static List<String> numbers(JdbcTemplate jdbc) {
		return jdbc.query("select code_no, indicator_code from value_code order by code_no",
				(rs, n) -> rs.getInt(1) + " " + rs.getString(2));
	}

}
