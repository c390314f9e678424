package cn.xinning.villagereturns.support;

import java.util.HashMap;
import java.util.Map;

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
 * <p>
 * The ids come from a reserve held in memory, taken from the table {@link #RESERVE} at a
 * time (or the count asked, if more): at a province validation asked for ids twice a
 * chunk, a thousand transactions of their own, each a commit the server writes through to
 * disk (a tenth of the step's time waited on them). A process that ends leaves the rest
 * of its reserve unused, a gap like a rolled-back chunk's; the ids of one request are
 * still consecutive, and no two processes get the same.
 */
@Component
public class IdBlocks {

	private final JdbcClient jdbc;

	/** Ids taken from the table at a time. */
	static final int RESERVE = 10_000;

	private final TransactionTemplate separate;

	/** Per sequence, the next id of the reserve and how many are left. */
	private final Map<String, Block> reserves = new HashMap<>();

	private record Block(long next, int left) {
	}

	public IdBlocks(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
		this.jdbc = jdbc;
		this.separate = new TransactionTemplate(transactionManager);
		this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** The first of {@code count} consecutive ids that no one else will get. */
	public synchronized long allocate(String sequence, int count) {
		if (count == 0) {
			return 0;
		}
		Block block = this.reserves.get(sequence);
		if (block == null || block.left() < count) {
			int taken = Math.max(count, RESERVE);
			block = new Block(take(sequence, taken), taken);
		}
		this.reserves.put(sequence, new Block(block.next() + count, block.left() - count));
		return block.next();
	}

	private long take(String sequence, int count) {
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
