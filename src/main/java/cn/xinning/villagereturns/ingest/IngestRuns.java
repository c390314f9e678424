package cn.xinning.villagereturns.ingest;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The {@code ingest_run} table. */
@Repository
public class IngestRuns {

	private final JdbcClient jdbc;

	public IngestRuns(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public IngestRun create(Path root, LocalDateTime asOf, LocalDateTime now, String host, long pid) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql(
				"insert into ingest_run (root_dir, as_of, created_at, host, pid, heartbeat_at) values (?, ?, ?, ?, ?, ?)")
			.params(root.toString(), asOf, now, host, pid, now)
			.update(keys, "run_id");
		long id = keys.getKey().longValue();
		return new IngestRun(id, root, asOf, now, host, pid);
	}

	public Optional<IngestRun> find(long runId) {
		return this.jdbc.sql("select run_id, root_dir, as_of, created_at, host, pid from ingest_run where run_id = ?")
			.param(runId)
			.query((rs, n) -> new IngestRun(rs.getLong("run_id"), Path.of(rs.getString("root_dir")),
					rs.getObject("as_of", LocalDateTime.class), rs.getObject("created_at", LocalDateTime.class),
					rs.getString("host"), rs.getLong("pid")))
			.optional();
	}

	/** Marks periods for the run to recompute. */
	public void touch(long runId, java.util.List<java.time.YearMonth> periods) {
		for (java.time.YearMonth period : periods) {
			this.jdbc.sql("insert into run_period (run_id, period) values (?, ?)")
				.params(runId, period.toString())
				.update();
		}
	}

	public IngestRun get(long runId) {
		return find(runId).orElseThrow(() -> new IllegalStateException("No ingest run " + runId));
	}

}
