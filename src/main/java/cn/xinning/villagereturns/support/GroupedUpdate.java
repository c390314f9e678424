package cn.xinning.villagereturns.support;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToLongFunction;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Updates many rows by primary key where most get the same new values (every file of a
 * chunk ACCEPTED with one return, every return CURRENT): one statement per distinct set
 * of values, {@code update t set a = ?, b = ? where id in (...)}, instead of one per row.
 * A batch of single-row updates still costs the server a statement per row; at a province
 * these were a quarter of a run's database time.
 * <p>
 * Only for steps whose chunks run one at a time (acceptance): MySQL may plan an IN-list
 * update as a scan, which under REPEATABLE READ locks rows it does not change, and two
 * partitions doing so deadlock.
 * <p>
 * On H2 the rows go in a batch of single-row updates by key instead. H2 finds the rows of
 * an IN list by the index, but then checks each row found against the whole list again,
 * one comparison per entry (its {@code ConditionInList}; only a list of literals gets a
 * hash set): a statement of 1,000 keys made half a million comparisons, and the profile
 * of a county's acceptance had more than half its samples there. Embedded H2 has no
 * network round trip per statement, which is what grouping saves on MySQL; a batched
 * update by key costs it 5 µs a row against 12.5 µs in lists of 1,000 (measured warm).
 */
public final class GroupedUpdate {

	private static final int IDS_PER_STATEMENT = 1000;

	private GroupedUpdate() {
	}

	/**
	 * @param <T> the rows' type
	 * @param jdbc the template
	 * @param dialect the database's: IN lists on MySQL/MariaDB, single-row updates on H2
	 * @param table the table
	 * @param idColumn its key column
	 * @param setColumns the columns set
	 * @param rows the rows to update
	 * @param id a row's key
	 * @param values a row's new values, in the order of {@code setColumns} (null: NULL)
	 */
	public static <T> void update(JdbcTemplate jdbc, DatabaseDialect dialect, String table, String idColumn,
			List<String> setColumns, List<T> rows, ToLongFunction<T> id, Function<T, Object[]> values) {
		if (!dialect.isMySql()) {
			updateByKey(jdbc, table, idColumn, setColumns, rows, id, values);
			return;
		}
		Map<List<Object>, List<Long>> groups = new LinkedHashMap<>();
		for (T row : rows) {
			Object[] set = values.apply(row);
			if (set.length != setColumns.size()) {
				throw new IllegalArgumentException(set.length + " values for " + setColumns);
			}
			groups.computeIfAbsent(Arrays.asList(set), (k) -> new ArrayList<>()).add(id.applyAsLong(row));
		}
		String assignments = String.join(", ", setColumns.stream().map((c) -> c + " = ?").toList());
		for (Map.Entry<List<Object>, List<Long>> group : groups.entrySet()) {
			List<Long> ids = group.getValue();
			for (int from = 0; from < ids.size(); from += IDS_PER_STATEMENT) {
				List<Long> part = ids.subList(from, Math.min(ids.size(), from + IDS_PER_STATEMENT));
				String sql = "update " + table + " set " + assignments + " where " + idColumn + " in ("
						+ String.join(", ", Collections.nCopies(part.size(), "?")) + ")";
				List<Object> arguments = new ArrayList<>(group.getKey());
				arguments.addAll(part);
				jdbc.update(sql, (ps) -> {
					for (int i = 0; i < arguments.size(); i++) {
						ps.setObject(i + 1, arguments.get(i));
					}
				});
			}
		}
	}

	private static <T> void updateByKey(JdbcTemplate jdbc, String table, String idColumn, List<String> setColumns,
			List<T> rows, ToLongFunction<T> id, Function<T, Object[]> values) {
		String assignments = String.join(", ", setColumns.stream().map((c) -> c + " = ?").toList());
		jdbc.batchUpdate("update " + table + " set " + assignments + " where " + idColumn + " = ?", rows, 1000,
				(ps, row) -> {
					Object[] set = values.apply(row);
					if (set.length != setColumns.size()) {
						throw new IllegalArgumentException(set.length + " values for " + setColumns);
					}
					for (int i = 0; i < set.length; i++) {
						ps.setObject(i + 1, set[i]);
					}
					ps.setLong(set.length + 1, id.applyAsLong(row));
				});
	}

}
