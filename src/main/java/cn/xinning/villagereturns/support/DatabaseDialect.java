package cn.xinning.villagereturns.support;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

import javax.sql.DataSource;

import org.springframework.stereotype.Component;

/**
 * Which database the program talks to, for the few statements whose SQL must differ
 * between H2 and MySQL/MariaDB (everything else is written once, in the MySQL dialect H2
 * emulates).
 */
@Component
public class DatabaseDialect {

	private final boolean mySql;

	public DatabaseDialect(DataSource dataSource) {
		try (Connection connection = dataSource.getConnection()) {
			String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
			this.mySql = product.contains("mysql") || product.contains("mariadb");
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot read the database's product name", ex);
		}
	}

	public boolean isMySql() {
		return this.mySql;
	}

	/**
	 * What follows {@code select} to make MySQL/MariaDB join the tables in the order
	 * written. For the few queries that start from a small range of the run's files: just
	 * after a bulk claim the optimizer's statistics can be stale enough to scan a whole
	 * table instead (seen at a province: 0.25 s a chunk instead of milliseconds). H2
	 * plans from the written order anyway.
	 */
	public String straightJoin() {
		return this.mySql ? "straight_join " : "";
	}

}
