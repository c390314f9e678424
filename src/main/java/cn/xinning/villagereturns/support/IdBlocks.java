package cn.xinning.villagereturns.support;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands out blocks of ids from {@code id_sequence} in a transaction of their own, so that
 * a chunk can insert rows and the rows referring to them in batches, and parallel chunks
 * never wait on each other's commit for an id. A rolled-back chunk leaves a gap, which is
 * harmless.
 */
@Component
public class IdBlocks {

	private final JdbcClient jdbc;

	private final TransactionTemplate separate;

	public IdBlocks(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
		this.jdbc = jdbc;
		this.separate = new TransactionTemplate(transactionManager);
		this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** The first of {@code count} consecutive ids that no one else will get. */
	public long allocate(String sequence, int count) {
		if (count == 0) {
			return 0;
		}
		Long first = this.separate.execute((status) -> {
			int updated = this.jdbc.sql("update id_sequence set next_value = next_value + ? where sequence_name = ?")
				.params(count, sequence)
				.update();
			if (updated != 1) {
				throw new IllegalStateException("No id sequence " + sequence);
			}
			return this.jdbc.sql("select next_value from id_sequence where sequence_name = ?")
				.param(sequence)
				.query(Long.class)
				.single() - count;
		});
		return first;
	}

}
