package cn.xinning.villagereturns.support;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import cn.xinning.villagereturns.VillageReturnsProperties;
import cn.xinning.villagereturns.support.BusinessTime;
import cn.xinning.villagereturns.support.ProcessIdentity;

/**
 * The lock that lets one process at a time work on the inbox and the figures of a root
 * and database: a row of {@code process_lock}, taken by inserting it. A lock whose holder
 * died (its process is gone from this host, or its heartbeat is stale on another) is
 * taken over.
 */
@Repository
public class ProcessLock {

	public static final String INGEST = "ingest";

	/** A holder on another host whose heartbeat is older than this is taken for dead. */
	public static final Duration STALE = Duration.ofMinutes(2);

	private static final Logger log = LoggerFactory.getLogger(ProcessLock.class);

	private final JdbcTemplate jdbc;

	private final TransactionTemplate separate;

	private final VillageReturnsProperties properties;

	public ProcessLock(JdbcTemplate jdbc, PlatformTransactionManager transactionManager,
			VillageReturnsProperties properties) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.separate = new TransactionTemplate(transactionManager);
		this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * Who holds a lock.
	 *
	 * @param owner the holding process
	 * @param runId the run it is working on, if it said
	 * @param since when it took the lock
	 */
	public record Holder(ProcessIdentity owner, Optional<Long> runId, LocalDateTime since) {
	}

	/** Takes the lock for this process; when a live process holds it, says who. */
	/**
	 * Takes the lock, or says who holds it.
	 * @param name the lock
	 * @throws RootBusyException when another live process holds it
	 */
	public void acquireOrThrow(String name) {
		Optional<Holder> holder = tryAcquire(name);
		if (holder.isPresent()) {
			throw new RootBusyException(holder.get());
		}
	}

	public Optional<Holder> tryAcquire(String name) {
		ProcessIdentity me = ProcessIdentity.current();
		LocalDateTime now = now();
		return this.separate.execute((status) -> {
			try {
				this.jdbc.update(
						"insert into process_lock (lock_name, owner_host, owner_pid, owner_started, acquired_at,"
								+ " heartbeat_at) values (?, ?, ?, ?, ?, ?)",
						name, me.host(), me.pid(), me.started(), now, now);
				return Optional.<Holder>empty();
			}
			catch (DuplicateKeyException ex) {
				return takeOverIfDead(name, me, now);
			}
		});
	}

	private Optional<Holder> takeOverIfDead(String name, ProcessIdentity me, LocalDateTime now) {
		var rows = this.jdbc.query(
				"select owner_host, owner_pid, owner_started, run_id, acquired_at, heartbeat_at"
						+ " from process_lock where lock_name = ?",
				(rs, n) -> new Object[] { new ProcessIdentity(rs.getString(1), rs.getLong(2), rs.getString(3)),
						(Long) rs.getObject(4, Long.class), rs.getObject(5, LocalDateTime.class),
						rs.getObject(6, LocalDateTime.class) },
				name);
		if (rows.isEmpty()) {
			return Optional.of(new Holder(me, Optional.empty(), now));
		}
		ProcessIdentity owner = (ProcessIdentity) rows.get(0)[0];
		Holder holder = new Holder(owner, Optional.ofNullable((Long) rows.get(0)[1]), (LocalDateTime) rows.get(0)[2]);
		if (owner.equals(me)) {
			return Optional.empty();
		}
		if (owner.isAlive(Optional.ofNullable((LocalDateTime) rows.get(0)[3]), now, STALE)) {
			return Optional.of(holder);
		}
		int taken = this.jdbc.update(
				"update process_lock set owner_host = ?, owner_pid = ?, owner_started = ?,"
						+ " run_id = null, acquired_at = ?, heartbeat_at = ? where lock_name = ? and owner_host = ?"
						+ " and owner_pid = ? and owner_started = ?",
				me.host(), me.pid(), me.started(), now, now, name, owner.host(), owner.pid(), owner.started());
		if (taken == 1) {
			log.warn("Took over the {} lock of {}, which is no longer running", name, owner);
			return Optional.empty();
		}
		return Optional.of(holder);
	}

	/** Notes the run the holder works on, for whoever has to wait. */
	public void working(String name, long runId) {
		ProcessIdentity me = ProcessIdentity.current();
		this.separate.executeWithoutResult((status) -> this.jdbc.update(
				"update process_lock set run_id = ? where lock_name = ? and owner_host = ? and owner_pid = ?", runId,
				name, me.host(), me.pid()));
	}

	public void heartbeat(String name) {
		ProcessIdentity me = ProcessIdentity.current();
		this.separate.executeWithoutResult((status) -> this.jdbc.update(
				"update process_lock set heartbeat_at = ? where lock_name = ? and owner_host = ? and owner_pid = ?",
				now(), name, me.host(), me.pid()));
	}

	/**
	 * Beats for the lock every few seconds until closed, so that no one takes it over as
	 * dead.
	 */
	public AutoCloseable keepAlive(String name) {
		java.util.concurrent.ScheduledExecutorService beating = DaemonScheduler.single("lock-heartbeat");
		beating.scheduleAtFixedRate(() -> {
			try {
				heartbeat(name);
			}
			catch (RuntimeException ex) {
				log.warn("Heartbeat of the {} lock failed: {}", name, ex.toString());
			}
		}, 10, 10, java.util.concurrent.TimeUnit.SECONDS);
		return beating::shutdownNow;
	}

	public void release(String name) {
		ProcessIdentity me = ProcessIdentity.current();
		this.separate.executeWithoutResult((status) -> this.jdbc.update(
				"delete from process_lock where lock_name = ? and owner_host = ? and owner_pid = ?", name, me.host(),
				me.pid()));
	}

	private LocalDateTime now() {
		return BusinessTime.now(this.properties.timeZone());
	}

}
