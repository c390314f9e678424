package cn.xinning.villagereturns.intake;

import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.springframework.batch.infrastructure.item.database.JdbcPagingItemReader;
import org.springframework.batch.infrastructure.item.database.Order;
import org.springframework.batch.infrastructure.item.database.builder.JdbcPagingItemReaderBuilder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.xinning.villagereturns.support.DatabaseDialect;

/** The {@code inbox_file} table: every file a run claimed, and how far it has come. */
@Repository
public class InboxFiles {

	/** How far a claimed file has come; each step moves its files one state on. */
	public enum State {

		CLAIMED, VALIDATED, ACCEPTED, FILED

	}

	static final RowMapper<ClaimedFile> MAPPER = (rs, n) -> new ClaimedFile(rs.getLong("file_id"), rs.getLong("run_id"),
			rs.getInt("seq"), rs.getString("relative_path"), rs.getString("file_name"), rs.getString("sha256"));

	private final JdbcClient jdbc;

	private final JdbcTemplate jdbcTemplate;

	private final DataSource dataSource;

	private final DatabaseDialect dialect;

	private final cn.xinning.villagereturns.support.BulkLoader bulk;

	public InboxFiles(JdbcClient jdbc, JdbcTemplate jdbcTemplate, DataSource dataSource, DatabaseDialect dialect,
			cn.xinning.villagereturns.support.BulkLoader bulk) {
		this.bulk = bulk;
		this.dialect = dialect;
		this.jdbc = jdbc;
		this.jdbcTemplate = jdbcTemplate;
		this.dataSource = dataSource;
	}

	/**
	 * A file found in a run's work folder.
	 *
	 * @param relativePath path under the work folder
	 * @param fileName name
	 * @param size bytes
	 * @param sha256 content hash
	 */
	public record Registration(String relativePath, String fileName, long size, String sha256) {
	}

	public Set<String> registeredPaths(long runId) {
		return Set.copyOf(this.jdbc.sql("select relative_path from inbox_file where run_id = ?")
			.param(runId)
			.query(String.class)
			.list());
	}

	/**
	 * Makes the scratch table {@link #register} writes to ready for the run's claim, in
	 * the claim's transaction: empty of the run's rows, whatever an earlier attempt left.
	 */
	public void prepareClaim(long runId) {
		if (this.dialect.isMySql()) {
			// the connection's own table (no implicit commit; the same types and binary
			// collation as inbox_file's): a shared one made two runs claiming at once
			// deadlock on each other's rows in the delete. InnoDB whatever the server's
			// default engine for temporary tables, so that a rolled-back claim leaves
			// nothing in it
			this.jdbcTemplate.execute("create temporary table if not exists scratch_claimed_file engine = InnoDB"
					+ " select run_id, relative_path, file_name, size_bytes, sha256 from inbox_file limit 0");
		}
		this.jdbcTemplate.update("delete from scratch_claimed_file where run_id = ?", runId);
	}

	/**
	 * Notes files found in the run's work folder; {@link #recordClaimed} records them all
	 * at once, numbered.
	 */
	public void register(long runId, List<Registration> files) {
		// the bulk path: binding a nation's 490,000 files one by one was half the claim's
		// processor time
		this.bulk.insert(this.jdbcTemplate, "scratch_claimed_file",
				List.of("run_id", "relative_path", "file_name", "size_bytes", "sha256"), files, (f, cells) -> {
					cells[0] = runId;
					cells[1] = f.relativePath();
					cells[2] = f.fileName();
					cells[3] = f.size();
					cells[4] = f.sha256();
				});
	}

	/**
	 * Records the files {@link #register registered} since the last call, numbered by
	 * name, then path: the order its returns are taken in (spec section 5). In the
	 * database, so that a million files need no memory here; inserted with their numbers,
	 * not numbered afterwards (V76 says why), and (unless an earlier attempt recorded
	 * some) with ids in the same order.
	 * @param runId the run
	 * @param recordedBefore an earlier attempt of the claim recorded files of the run
	 * ({@link #registeredPaths} is not empty): they are numbered again with these
	 */
	public void recordClaimed(long runId, boolean recordedBefore) {
		this.jdbcTemplate.update("insert into inbox_file (run_id, seq, relative_path, file_name, size_bytes, sha256,"
				+ " state) select run_id, row_number() over (order by file_name, relative_path), relative_path,"
				+ " file_name, size_bytes, sha256, 'CLAIMED' from scratch_claimed_file where run_id = ?"
				+ " order by file_name, relative_path", runId);
		this.jdbcTemplate.update("delete from scratch_claimed_file where run_id = ?", runId);
		if (recordedBefore) {
			// files an earlier attempt of the claim recorded: one numbering of them all
			numberInClaimOrder(runId);
		}
	}

	/**
	 * Numbers all of the run's files in claim order. The two databases take the same
	 * window function, but differ in how an update joins a query.
	 */
	private void numberInClaimOrder(long runId) {
		String numbered = "select file_id, row_number() over (order by file_name, relative_path) as rn"
				+ " from inbox_file where run_id = ?";
		if (this.dialect.isMySql()) {
			this.jdbcTemplate.update(
					"update inbox_file f join (" + numbered + ") x on x.file_id = f.file_id" + " set f.seq = x.rn",
					runId);
		}
		else {
			this.jdbcTemplate.update("merge into inbox_file f using (" + numbered + ") x on (f.file_id = x.file_id)"
					+ " when matched then update set f.seq = x.rn", runId);
		}
	}

	/**
	 * Records the contents of the run's files where the duplicate check looks them up
	 * (V74: rows never updated, unlike the files'); skips files recorded before, which a
	 * restarted claim may have.
	 */
	public void recordContents(long runId) {
		this.jdbcTemplate.update("insert into file_content (file_id, sha256) select f.file_id, f.sha256"
				+ " from inbox_file f where f.run_id = ? and not exists (select 1 from file_content c"
				+ " where c.file_id = f.file_id)", runId);
	}

	public JdbcPagingItemReader<ClaimedFile> reader(String name, long runId, State state, int pageSize)
			throws Exception {
		return reader(name, runId, state, 1, Integer.MAX_VALUE, pageSize);
	}

	/**
	 * The run's files in one state whose order numbers are in [firstSeq, lastSeq] (a
	 * partition).
	 */
	public JdbcPagingItemReader<ClaimedFile> reader(String name, long runId, State state, int firstSeq, int lastSeq,
			int pageSize) throws Exception {
		return new JdbcPagingItemReaderBuilder<ClaimedFile>().name(name)
			.dataSource(this.dataSource)
			.selectClause("select file_id, run_id, seq, relative_path, file_name, sha256")
			.fromClause("from inbox_file")
			.whereClause("where run_id = :runId and state = :state and seq between :firstSeq and :lastSeq")
			.sortKeys(Map.of("seq", Order.ASCENDING))
			.parameterValues(Map.of("runId", runId, "state", state.name(), "firstSeq", firstSeq, "lastSeq", lastSeq))
			.rowMapper(MAPPER)
			.pageSize(pageSize)
			.saveState(false)
			.build();
	}

}
