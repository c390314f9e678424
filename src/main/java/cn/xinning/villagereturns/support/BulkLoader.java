package cn.xinning.villagereturns.support;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.List;
import java.util.function.BiConsumer;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.mysql.cj.conf.PropertyKey;
import com.mysql.cj.jdbc.JdbcConnection;
import com.mysql.cj.jdbc.JdbcStatement;

/**
 * Inserts many rows into one table in one statement where the database allows it:
 * {@code LOAD DATA LOCAL INFILE} fed from memory on MySQL/MariaDB, when the JDBC URL says
 * {@code allowLoadLocalInfile=true} and the server has {@code local_infile} on. Otherwise
 * (H2, or the option off) batched inserts. At a province the values of a month are half a
 * million rows, and binding them one by one costs more CPU in the driver than the server
 * spends storing them.
 * <p>
 * LOAD DATA LOCAL turns errors into warnings (a duplicate key is skipped, a number out of
 * range clipped): any warning, or a row count that differs, fails the load, and the
 * chunk's transaction rolls back.
 */
@Component
public class BulkLoader {

	private static final Logger logger = LoggerFactory.getLogger(BulkLoader.class);

	private final boolean loadData;

	public BulkLoader(DataSource dataSource, DatabaseDialect dialect) {
		this.loadData = dialect.isMySql() && loadDataAllowed(dataSource);
		logger.info("Bulk inserts use {}", this.loadData ? "LOAD DATA LOCAL INFILE" : "batched INSERT statements");
	}

	public boolean usesLoadData() {
		return this.loadData;
	}

	/**
	 * Inserts the rows into {@code table}'s {@code columns}, in the current transaction.
	 * @param <T> the rows' type
	 * @param jdbc the template (its connection is the transaction's)
	 * @param table the table
	 * @param columns the columns filled
	 * @param rows the rows
	 * @param cells writes a row's cells, in column order, into the array given
	 */
	public <T> void insert(JdbcTemplate jdbc, String table, List<String> columns, List<T> rows,
			BiConsumer<T, Object[]> cells) {
		if (rows.isEmpty()) {
			return;
		}
		if (!this.loadData) {
			String marks = String.join(", ", columns.stream().map((c) -> "?").toList());
			jdbc.batchUpdate("insert into " + table + " (" + String.join(", ", columns) + ") values (" + marks + ")",
					rows, 1000, (ps, row) -> {
						Object[] values = new Object[columns.size()];
						cells.accept(row, values);
						for (int i = 0; i < values.length; i++) {
							ps.setObject(i + 1, values[i]);
						}
					});
			return;
		}
		byte[] tsv = tsv(columns.size(), rows, cells);
		// tab, backslash and line feed as hex literals: a quoted '\t' means backslash-t
		// when the server or session is in sql_mode NO_BACKSLASH_ESCAPES, and the load
		// would fail
		String sql = "load data local infile 'rows.tsv' into table " + table + " character set utf8mb4"
				+ " fields terminated by X'09' escaped by X'5C' lines terminated by X'0A' ("
				+ String.join(", ", columns) + ")";
		jdbc.execute((ConnectionCallback<Void>) (connection) -> {
			try (Statement statement = connection.createStatement()) {
				statement.unwrap(JdbcStatement.class).setLocalInfileInputStream(new ByteArrayInputStream(tsv));
				int loaded = statement.executeUpdate(sql);
				SQLWarning warning = statement.getWarnings();
				if (loaded != rows.size() || warning != null) {
					throw new DataIntegrityViolationException("LOAD DATA into " + table + " stored " + loaded + " of "
							+ rows.size() + " rows" + ((warning != null) ? ": " + warning.getMessage() : ""));
				}
			}
			return null;
		});
	}

	private static <T> byte[] tsv(int width, List<T> rows, BiConsumer<T, Object[]> cells) {
		StringBuilder text = new StringBuilder(rows.size() * 48);
		Object[] values = new Object[width];
		for (T row : rows) {
			cells.accept(row, values);
			for (int i = 0; i < width; i++) {
				if (i > 0) {
					text.append('\t');
				}
				append(text, values[i]);
			}
			text.append('\n');
		}
		return text.toString().getBytes(StandardCharsets.UTF_8);
	}

	private static void append(StringBuilder text, Object value) {
		if (value == null) {
			text.append("\\N");
		}
		else if (value instanceof BigDecimal decimal) {
			text.append(decimal.toPlainString());
		}
		else if (value instanceof Number || value instanceof Boolean) {
			text.append(value);
		}
		else {
			String s = value.toString();
			for (int i = 0; i < s.length(); i++) {
				char c = s.charAt(i);
				switch (c) {
					case '\\' -> text.append("\\\\");
					case '\t' -> text.append("\\t");
					case '\n' -> text.append("\\n");
					case '\r' -> text.append("\\r");
					case '\0' -> text.append("\\0");
					default -> text.append(c);
				}
			}
		}
	}

	private static boolean loadDataAllowed(DataSource dataSource) {
		try (Connection connection = dataSource.getConnection()) {
			boolean client = connection.unwrap(JdbcConnection.class)
				.getPropertySet()
				.getBooleanProperty(PropertyKey.allowLoadLocalInfile)
				.getValue();
			if (!client) {
				return false;
			}
			try (Statement statement = connection.createStatement();
					var result = statement.executeQuery("select @@local_infile")) {
				return result.next() && result.getInt(1) == 1;
			}
		}
		catch (SQLException ex) {
			logger.warn("Cannot tell whether LOAD DATA LOCAL is allowed; using batched inserts", ex);
			return false;
		}
	}

}
