package cn.xinning.villagereturns.intake;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The names files are filed away under, taken by inserting a row of {@code filed_name}:
 * partitions in any process on any host never pick the same name, and a partition that
 * restarts after a crash finds the name it had taken. A name is taken in a transaction of
 * its own, committed before the file moves, so that it outlives a rolled-back chunk; a
 * chunk's names are taken in one batch.
 */
@Repository
public class FiledNames {

	private final JdbcTemplate jdbc;

	private final TransactionTemplate separate;

	public FiledNames(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
		this.jdbc = jdbc;
		this.separate = new TransactionTemplate(transactionManager);
		this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** The names the files have taken, by file, for those that have. */
	public Map<Long, String> of(Collection<Long> fileIds) {
		Map<Long, String> names = new HashMap<>();
		if (!fileIds.isEmpty()) {
			new NamedParameterJdbcTemplate(this.jdbc).query(
					"select file_id, final_path from filed_name where file_id in (:files)", Map.of("files", fileIds),
					(rs) -> {
						names.put(rs.getLong(1), rs.getString(2));
					});
		}
		return names;
	}

	/**
	 * Takes the names for the files, in one batch when no other file has any of them;
	 * returns the files that got theirs.
	 */
	public Set<Long> takeAll(Map<Long, String> wanted) {
		if (wanted.isEmpty()) {
			return Set.of();
		}
		List<Map.Entry<Long, String>> rows = new ArrayList<>(wanted.entrySet());
		try {
			this.separate.executeWithoutResult((status) -> this.jdbc
				.batchUpdate("insert into filed_name (final_path, file_id) values (?, ?)", rows, 500, (ps, row) -> {
					ps.setString(1, row.getValue());
					ps.setLong(2, row.getKey());
				}));
			return wanted.keySet();
		}
		catch (DuplicateKeyException ex) {
			// another partition took one of them meanwhile: one by one
			Set<Long> got = new HashSet<>();
			rows.stream().filter((row) -> take(row.getValue(), row.getKey())).forEach((row) -> got.add(row.getKey()));
			return got;
		}
	}

	/** Takes the name for the file; false when another file has it. */
	public boolean take(String finalPath, long fileId) {
		try {
			return Boolean.TRUE.equals(this.separate.execute((status) -> this.jdbc
				.update("insert into filed_name (final_path, file_id) values (?, ?)", finalPath, fileId) == 1));
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

}
