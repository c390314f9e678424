package cn.xinning.villagereturns.intake;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import cn.xinning.villagereturns.intake.InboxScanner.LeftReason;
import cn.xinning.villagereturns.intake.InboxScanner.Leftover;

/**
 * The {@code inbox_leftover} table: what a run's claim left in the inbox, and why, so
 * that its summary can name every file it did not take.
 */
@Repository
public class InboxLeftovers {

	/** Leftovers named per run; the rest are only counted. */
	public static final int KEPT = 1000;

	private final JdbcTemplate jdbc;

	public InboxLeftovers(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Replaces what the run's claim recorded before (a restarted claim looks again).
	 * @param leftovers the first {@value #KEPT} at most
	 * @param total how many there were
	 */
	public void record(long runId, List<Leftover> leftovers, int total) {
		this.jdbc.update("delete from inbox_leftover where run_id = ?", runId);
		this.jdbc.batchUpdate("insert into inbox_leftover (run_id, relative_path, reason) values (?, ?, ?)", leftovers,
				1000, (ps, leftover) -> {
					ps.setLong(1, runId);
					ps.setString(2, leftover.relativePath());
					ps.setString(3, leftover.reason().name());
				});
		this.jdbc.update("update ingest_run set left_in_inbox = ? where run_id = ?", total, runId);
	}

	/** What the run left, in path order. */
	public List<Leftover> of(long runId) {
		return this.jdbc.query(
				"select relative_path, reason from inbox_leftover where run_id = ? order by relative_path",
				(rs, n) -> new Leftover(rs.getString(1), LeftReason.valueOf(rs.getString(2))), runId);
	}

	/** How many files the run left, named or not. */
	public int count(long runId) {
		Integer total = this.jdbc.queryForObject("select left_in_inbox from ingest_run where run_id = ?", Integer.class,
				runId);
		return (total != null) ? total : 0;
	}

}
