package cn.xinning.villagereturns.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.stereotype.Component;

import cn.xinning.villagereturns.ConfigurationException;

/**
 * Checks a MySQL/MariaDB database's character set and collation before Flyway touches it.
 * A database created with the server's default ({@code latin1} on many installations)
 * cannot hold Chinese names: a migration fails half-way and leaves Flyway's history
 * needing a manual repair. Refusing first leaves the database as it was, and says what to
 * run. {@code utf8mb4_bin} because village codes, file names and names must compare
 * exactly, as on H2 (the parity of the exports depends on it).
 */
@Component
public class DatabaseCharacterSet implements FlywayMigrationStrategy {

	static final String CHARSET = "utf8mb4";

	static final String COLLATION = "utf8mb4_bin";

	@Override
	public void migrate(Flyway flyway) {
		check(flyway.getConfiguration().getDataSource());
		flyway.migrate();
	}

	static void check(DataSource dataSource) {
		try (Connection connection = dataSource.getConnection()) {
			String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
			if (!product.contains("mysql") && !product.contains("mariadb")) {
				return;
			}
			try (PreparedStatement statement = connection
				.prepareStatement("select schema_name," + " default_character_set_name, default_collation_name,"
						+ " (select count(*) from information_schema.tables t where t.table_schema = s.schema_name)"
						+ " from information_schema.schemata s where schema_name = database()");
					ResultSet result = statement.executeQuery()) {
				if (result.next()) {
					refuseUnlessUtf8mb4Bin(result.getString(1), result.getString(2), result.getString(3),
							result.getInt(4));
				}
			}
		}
		catch (SQLException ex) {
			// not reachable or not allowed to look: Flyway's own connection will say why
		}
	}

	static void refuseUnlessUtf8mb4Bin(String database, String charset, String collation, int tables) {
		if (CHARSET.equalsIgnoreCase(charset) && COLLATION.equalsIgnoreCase(collation)) {
			return;
		}
		String alter = "ALTER DATABASE `" + database + "` CHARACTER SET " + CHARSET + " COLLATE " + COLLATION;
		String existing = (tables == 0) ? ""
				: "\n数据库中已有 " + tables + " 张表，仍是原字符集：请删除后重建空库（程序会自动建表），或逐表执行 ALTER TABLE 表名 CONVERT TO CHARACTER SET "
						+ CHARSET + " COLLATE " + COLLATION + "。/ The database already has " + tables
						+ " tables in the old character set: drop it and create it again empty (the program creates"
						+ " every table), or convert each one with ALTER TABLE name CONVERT TO CHARACTER SET " + CHARSET
						+ " COLLATE " + COLLATION + ".";
		throw new ConfigurationException("数据库 " + database + " 的字符集是 " + charset + "（排序规则 " + collation + "），需要 "
				+ CHARSET + " / " + COLLATION + "，否则无法保存中文。数据库未做任何改动。请执行：" + alter + "; 然后重新运行。\n" + "The database "
				+ database + " has character set " + charset + " (collation " + collation + "); the program needs "
				+ CHARSET + " with " + COLLATION + " to store Chinese names exactly." + " Nothing was changed. Run: "
				+ alter + "; then start again." + existing);
	}

}
