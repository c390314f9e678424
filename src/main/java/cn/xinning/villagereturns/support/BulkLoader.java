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

	private static final java.time.format.DateTimeFormatter SECONDS = java.time.format.DateTimeFormatter
		.ofPattern("HH:mm:ss");

	private static final java.time.format.DateTimeFormatter MICROSECONDS = java.time.format.DateTimeFormatter
		.ofPattern("HH:mm:ss.SSSSSS");

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

	/**
	 * Sets columns of many rows of {@code table}, each found by its key, in the current
	 * transaction. With LOAD DATA the new values go into a session's temporary table in
	 * one load and {@code table} is updated from it in one {@code UPDATE … JOIN}: at a
	 * province that is 25,000 files a step, and one statement per file cost more server
	 * time than the rest of the step's writes. Otherwise (H2, or LOAD DATA off) one
	 * batched update per row by key.
	 * <p>
	 * The temporary table belongs to the connection (no other transaction sees or locks
	 * it) and is emptied before each use; the join is driven from it
	 * ({@code straight_join}), so only the rows named are read and locked in
	 * {@code table}, in key order, as the statements per row did: partitions running at
	 * once never lock each other's rows.
	 * @param <T> the rows' type
	 * @param jdbc the template (its connection is the transaction's)
	 * @param table the table updated
	 * @param scratch the temporary table's name, one per set of columns
	 * @param key the key column (a number)
	 * @param fixed assignments the same for every row (e.g. {@code state = 'FILED'}), or
	 * an empty string
	 * @param columns the columns set from the rows
	 * @param rows the rows
	 * @param cells writes a row's key, then its cells in column order, into the array
	 * given
	 */
	public <T> void update(JdbcTemplate jdbc, String table, String scratch, String key, String fixed,
			List<String> columns, List<T> rows, BiConsumer<T, Object[]> cells) {
		if (rows.isEmpty()) {
			return;
		}
		List<String> assignments = new java.util.ArrayList<>();
		if (!fixed.isEmpty()) {
			assignments.add(fixed);
		}
		if (!this.loadData) {
			columns.forEach((c) -> assignments.add(c + " = ?"));
			jdbc.batchUpdate("update " + table + " set " + String.join(", ", assignments) + " where " + key + " = ?",
					rows, 1000, (ps, row) -> {
						Object[] values = new Object[columns.size() + 1];
						cells.accept(row, values);
						for (int i = 1; i < values.length; i++) {
							ps.setObject(i, values[i]);
						}
						ps.setObject(values.length, values[0]);
					});
			return;
		}
		List<String> all = new java.util.ArrayList<>();
		all.add(key);
		all.addAll(columns);
		// the same column types as the table's, whatever the migrations made them
		jdbc.execute("create temporary table if not exists " + scratch + " (primary key (" + key + ")) select "
				+ String.join(", ", all) + " from " + table + " limit 0");
		jdbc.execute("delete from " + scratch);
		insert(jdbc, scratch, all, rows, cells);
		// the fixed assignments name columns the scratch table has not: they are the
		// table's
		columns.forEach((c) -> assignments.add("t." + c + " = s." + c));
		jdbc.update("update " + scratch + " s straight_join " + table + " t on t." + key + " = s." + key + " set "
				+ String.join(", ", assignments));
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
		else if (value instanceof Long || value instanceof Integer) {
			// as digits, without a String per number
			text.append(((Number) value).longValue());
		}
		else if (value instanceof Number || value instanceof Boolean) {
			text.append(value);
		}
		else if (value instanceof java.time.LocalDateTime time) {
			// as the server reads a DATETIME, with its seconds (toString leaves out zero
			// seconds)
			text.append(time.toLocalDate())
				.append(' ')
				.append(((time.getNano() == 0) ? SECONDS : MICROSECONDS).format(time.toLocalTime()));
		}
		else {
			String s = value.toString();
			// most cells need no escape: appended whole, a bulk copy; char by char into a
			// builder that holds Chinese text was a quarter of a nation's validation
			// processor time (the builder's bounds checks per char)
			if (!needsEscape(s)) {
				text.append(s);
				return;
			}
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

	private static boolean needsEscape(String s) {
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (c == '\\' || c == '\t' || c == '\n' || c == '\r' || c == '\0') {
				return true;
			}
		}
		return false;
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
