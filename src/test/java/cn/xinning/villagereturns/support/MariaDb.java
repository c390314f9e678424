package cn.xinning.villagereturns.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The machine's MariaDB (127.0.0.1:3306, root, no password; {@code MARIADB_URL}
 * overrides), one database per test, dropped afterwards. When the server cannot be
 * reached the test is skipped on a developer's machine and fails under CI
 * ({@code CI=true}), where .ci/run has started it.
 */
public final class MariaDb {

	static final String SERVER = System.getenv().getOrDefault("MARIADB_URL", "jdbc:mysql://127.0.0.1:3306/");

	static final String USER = System.getenv().getOrDefault("MARIADB_USER", "root");

	static final String PASSWORD = System.getenv().getOrDefault("MARIADB_PASSWORD", "");

	private MariaDb() {
	}

	/**
	 * A database of its own.
	 *
	 * @param name its name
	 * @param url its JDBC URL
	 */
	public record TestDatabase(String name, String url) implements AutoCloseable {

		public String user() {
			return USER;
		}

		public String password() {
			return PASSWORD;
		}

		public Connection connect() throws SQLException {
			return DriverManager.getConnection(this.url, USER, PASSWORD);
		}

		@Override
		public void close() {
			execute("drop database if exists " + this.name);
		}

	}

	public static TestDatabase create(String prefix) {
		return create(prefix, "character set utf8mb4 collate utf8mb4_bin");
	}

	/**
	 * A database of its own created with these options (e.g. {@code character set
	 * latin1}, as a server's default may be).
	 */
	public static TestDatabase create(String prefix, String options) {
		requireServer();
		String name = "vr_" + prefix + "_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffL);
		execute("create database " + name + " " + options);
		return new TestDatabase(name, SERVER + name);
	}

	private static void requireServer() {
		try (Connection connection = DriverManager.getConnection(SERVER, USER, PASSWORD)) {
			connection.isValid(2);
		}
		catch (SQLException ex) {
			String message = "MariaDB is not reachable at " + SERVER + " (" + ex.getMessage() + ")";
			if ("true".equalsIgnoreCase(System.getenv("CI"))) {
				Assertions.fail(message + "; .ci/run should have started it");
			}
			Assumptions.abort(message
					+ "; start it with: start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd");
		}
	}

	static void execute(String sql) {
		try (Connection connection = DriverManager.getConnection(SERVER, USER, PASSWORD);
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot run \"" + sql + "\" on " + SERVER, ex);
		}
	}

}
