package cn.xinning.villagereturns.support;

import java.time.YearMonth;
import java.util.Collection;
import java.util.TreeSet;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A lock per period, in the database, for whoever writes a period's figures (acceptance,
 * aggregation, flagging, recompute) in any process: its row of {@code period_lock},
 * locked for update in the caller's transaction, so that the lock is held exactly until
 * the writes commit or roll back, and is released by the server if the process dies.
 * Periods are locked in order, so two writers of several periods cannot deadlock.
 */
@Repository
public class PeriodLocks {

	private final JdbcTemplate jdbc;

	private final TransactionTemplate separate;

	public PeriodLocks(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
		this.jdbc = jdbc;
		this.separate = new TransactionTemplate(transactionManager);
		this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * Waits until no other transaction holds the period; holds it until this one ends.
	 */
	public void lock(YearMonth period) {
		lockAll(java.util.List.of(period.toString()));
	}

	/** {@link #lock} for every period, in order. */
	public void lockAll(Collection<String> periods) {
		for (String period : new TreeSet<>(periods)) {
			// a plain read first: a locking read of a missing row would lock the gap (at
			// REPEATABLE READ) and block the row's own creation
			Integer rows = this.jdbc.queryForObject("select count(*) from period_lock where period = ?", Integer.class,
					period);
			if (rows == null || rows == 0) {
				create(period);
			}
			this.jdbc.queryForList("select period from period_lock where period = ? for update", String.class, period);
		}
	}

	/** The row, once and for all, committed at once so that others can wait on it. */
	private void create(String period) {
		try {
			this.separate.executeWithoutResult(
					(status) -> this.jdbc.update("insert into period_lock (period) values (?)", period));
		}
		catch (DuplicateKeyException ex) {
			// another process created it first
		}
	}

}
