package cn.xinning.villagereturns.ingest;

import java.time.LocalDateTime;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import cn.xinning.villagereturns.support.ProcessIdentity;

/**
 * The nightly runs taken, one row of {@code nightly_run} per scheduled time: with
 * {@code watch} on several nodes over one database, the first to insert the row runs that
 * night's run and the others skip it.
 */
@Repository
public class NightlyRuns {

	private final JdbcTemplate jdbc;

	public NightlyRuns(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Takes the nightly run due at the time; false when another process has. */
	public boolean take(LocalDateTime dueAt) {
		ProcessIdentity me = ProcessIdentity.current();
		try {
			this.jdbc.update("insert into nightly_run (due_at, owner_host, owner_pid) values (?, ?, ?)", dueAt,
					me.host(), me.pid());
			return true;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

}
