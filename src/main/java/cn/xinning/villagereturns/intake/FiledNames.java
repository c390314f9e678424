package cn.xinning.villagereturns.intake;

import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The names files are filed away under, taken by inserting a row of {@code filed_name}:
 * partitions in any process on any host never pick the same name, and a partition that
 * restarts after a crash finds the name it had taken. A name is taken in a transaction of
 * its own, committed before the file moves, so that it outlives a rolled-back chunk.
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

	/** The name the file has taken, if it has. */
	public Optional<String> of(long fileId) {
		return this.jdbc.queryForList("select final_path from filed_name where file_id = ?", String.class, fileId)
			.stream()
			.findFirst();
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
