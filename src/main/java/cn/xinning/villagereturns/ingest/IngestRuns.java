package cn.xinning.villagereturns.ingest;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.xinning.villagereturns.support.ProcessIdentity;

/** The {@code ingest_run} table. */
@Repository
public class IngestRuns {

	private final JdbcClient jdbc;

	private static final int MAX_ATTEMPTS = 20;

	public IngestRuns(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A new run, numbered one more than the last: operators quote run numbers on the
	 * phone, so they stay dense. An identity column would not: H2 hands out identities
	 * from a cache of 32 and loses the rest of it when the process is killed (runs 1, 33,
	 * 34, 66), and MySQL loses one on every rolled back insert. Two processes (two nodes)
	 * may read the same last number: the primary key refuses the second insert, which
	 * then takes the next number. The job repository's run numbers count too: a number it
	 * has seen is never given again (its tables are upper case, as MySQL on Linux
	 * compares table names).
	 */
	public IngestRun create(Path root, LocalDateTime asOf, LocalDateTime now, ProcessIdentity owner) {
		for (int attempt = 1;; attempt++) {
			long id = nextNumber();
			try {
				this.jdbc
					.sql("insert into ingest_run (run_id, root_dir, as_of, created_at, host, pid, owner_started,"
							+ " heartbeat_at) values (?, ?, ?, ?, ?, ?, ?, ?)")
					.params(id, root.toString(), asOf, now, owner.host(), owner.pid(), owner.started(), now)
					.update();
				return new IngestRun(id, root, asOf, now, owner.host(), owner.pid());
			}
			catch (org.springframework.dao.DuplicateKeyException ex) {
				// another process (a second node) took the number between our read and
				// insert: take the next one
				if (attempt == MAX_ATTEMPTS) {
					throw ex;
				}
			}
		}
	}

	private long nextNumber() {
		long last = this.jdbc.sql("select coalesce(max(run_id), 0) from ingest_run").query(Long.class).single();
		long known = this.jdbc
			.sql("select PARAMETER_VALUE from BATCH_JOB_EXECUTION_PARAMS where PARAMETER_NAME = ?"
					+ " order by length(PARAMETER_VALUE) desc, PARAMETER_VALUE desc limit 1")
			.param(IngestJobConfiguration.RUN_ID)
			.query(String.class)
			.optional()
			.map(Long::parseLong)
			.orElse(0L);
		return Math.max(last, known) + 1;
	}

	public Optional<IngestRun> find(long runId) {
		return this.jdbc.sql("select run_id, root_dir, as_of, created_at, host, pid from ingest_run where run_id = ?")
			.param(runId)
			.query((rs, n) -> new IngestRun(rs.getLong("run_id"), Path.of(rs.getString("root_dir")),
					rs.getObject("as_of", LocalDateTime.class), rs.getObject("created_at", LocalDateTime.class),
					rs.getString("host"), rs.getLong("pid")))
			.optional();
	}

	public IngestRun get(long runId) {
		return find(runId).orElseThrow(() -> new IllegalStateException("No ingest run " + runId));
	}

	/**
	 * The process that last worked on a run, and its last heartbeat.
	 *
	 * @param process the process
	 * @param heartbeat its last heartbeat
	 */
	public record Owner(ProcessIdentity process, Optional<LocalDateTime> heartbeat) {
	}

	public Owner owner(long runId) {
		return this.jdbc.sql("select host, pid, owner_started, heartbeat_at from ingest_run where run_id = ?")
			.param(runId)
			.query((rs, n) -> new Owner(
					new ProcessIdentity(rs.getString(1), rs.getLong(2),
							(rs.getString(3) != null) ? rs.getString(3) : ""),
					Optional.ofNullable(rs.getObject(4, LocalDateTime.class))))
			.single();
	}

	/** This process takes over a run (to restart it). */
	public void takeOver(long runId, ProcessIdentity owner, LocalDateTime now) {
		this.jdbc.sql("update ingest_run set host = ?, pid = ?, owner_started = ?, heartbeat_at = ? where run_id = ?")
			.params(owner.host(), owner.pid(), owner.started(), now, runId)
			.update();
	}

	/** Marks periods for the run to recompute. */
	public void touch(long runId, List<YearMonth> periods) {
		for (YearMonth period : periods) {
			this.jdbc.sql("insert into run_period (run_id, period) values (?, ?)")
				.params(runId, period.toString())
				.update();
		}
	}

}
