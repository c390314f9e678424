package cn.xinning.villagereturns.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.springframework.jdbc.core.ArgumentPreparedStatementSetter;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

/**
 * Queries whose rows are handled one at a time and must never be held in memory together
 * (a province's month is millions of values). MySQL Connector/J reads a whole result into
 * memory unless the fetch size is {@code Integer.MIN_VALUE} (row-by-row streaming). H2
 * computes a whole result before its first row, and writes it to a temporary file beyond
 * some thousands of rows, unless the session is lazy: the query makes it lazy while it
 * runs. (The flag step's read of thirteen months of returns at a province spent a third
 * of its time writing and reading that file.) While such a query streams, its connection
 * runs nothing else: the handler must not use the database.
 */
@Component
public class StreamingJdbc {

	private final JdbcTemplate template;

	private final boolean mySql;

	public StreamingJdbc(DataSource dataSource, DatabaseDialect dialect) {
		this.template = new JdbcTemplate(dataSource);
		this.mySql = dialect.isMySql();
	}

	/**
	 * Runs the query on the current transaction's connection (or a connection of its own
	 * outside one) and hands each row to the handler as it comes.
	 * @param sql the query
	 * @param handler takes one row at a time
	 * @param arguments the query's arguments
	 */
	public void query(String sql, RowCallbackHandler handler, Object... arguments) {
		this.template.execute((ConnectionCallback<Void>) (connection) -> {
			if (!this.mySql) {
				lazy(connection, true);
			}
			boolean read = false;
			try (PreparedStatement statement = connection.prepareStatement(sql)) {
				statement.setFetchSize(this.mySql ? Integer.MIN_VALUE : 1000);
				new ArgumentPreparedStatementSetter(arguments).setValues(statement);
				try (ResultSet rows = statement.executeQuery()) {
					while (rows.next()) {
						handler.processRow(rows);
					}
				}
				read = true;
			}
			finally {
				if (!this.mySql) {
					// the connection goes back to the pool, or on in the transaction, as
					// it came; when the query failed, its own error is the one to report
					try {
						lazy(connection, false);
					}
					catch (SQLException ex) {
						if (read) {
							throw ex;
						}
					}
				}
			}
			return null;
		});
	}

	private static void lazy(Connection connection, boolean lazy) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("set lazy_query_execution " + lazy);
		}
	}

}
