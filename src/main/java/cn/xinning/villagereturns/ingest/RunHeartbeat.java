package cn.xinning.villagereturns.ingest;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import cn.xinning.villagereturns.VillageReturnsProperties;
import cn.xinning.villagereturns.support.BusinessTime;
import cn.xinning.villagereturns.support.DaemonScheduler;

/**
 * Says, every few seconds while a run works, that its process is alive: in
 * {@code ingest_run}. A restart on another host judges a run's process dead by this
 * heartbeat.
 */
@Component
public class RunHeartbeat implements DisposableBean {

	static final long PERIOD_SECONDS = 10;

	/**
	 * A run's process on another host whose heartbeat is older than this is taken for
	 * dead (many missed beats, not one slow commit).
	 */
	static final java.time.Duration STALE = java.time.Duration.ofMinutes(2);

	private static final Logger log = LoggerFactory.getLogger(RunHeartbeat.class);

	private final ScheduledExecutorService scheduler = DaemonScheduler.single("run-heartbeat");

	private final JdbcTemplate jdbc;

	private final VillageReturnsProperties properties;

	public RunHeartbeat(JdbcTemplate jdbc, VillageReturnsProperties properties) {
		this.jdbc = jdbc;
		this.properties = properties;
	}

	/** Beats for the run until the returned handle is closed. */
	public AutoCloseable start(long runId) {
		ScheduledFuture<?> beating = this.scheduler.scheduleAtFixedRate(() -> beat(runId), PERIOD_SECONDS,
				PERIOD_SECONDS, TimeUnit.SECONDS);
		return () -> beating.cancel(false);
	}

	private void beat(long runId) {
		try {
			this.jdbc.update("update ingest_run set heartbeat_at = ? where run_id = ?",
					BusinessTime.now(this.properties.timeZone()), runId);
		}
		catch (RuntimeException ex) {
			// the run itself will fail on the same database problem; a missed beat is
			// harmless
			log.warn("Heartbeat of run {} failed: {}", runId, ex.toString());
		}
	}

	@Override
	public void destroy() {
		this.scheduler.shutdownNow();
	}

}
