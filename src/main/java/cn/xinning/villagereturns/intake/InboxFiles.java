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

	public InboxFiles(JdbcClient jdbc, JdbcTemplate jdbcTemplate, DataSource dataSource) {
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

	public void register(long runId, List<Registration> files) {
		this.jdbcTemplate
			.batchUpdate("insert into inbox_file (run_id, seq, relative_path, file_name, size_bytes, sha256, state)"
					+ " values (?, 0, ?, ?, ?, ?, 'CLAIMED')", files, 500, (ps, f) -> {
						ps.setLong(1, runId);
						ps.setString(2, f.relativePath());
						ps.setString(3, f.fileName());
						ps.setLong(4, f.size());
						ps.setString(5, f.sha256());
					});
	}

	/** Numbers the run's files by name, then path: the order its returns are taken in. */
	public void renumber(long runId) {
		List<Map.Entry<Long, String[]>> files = this.jdbc
			.sql("select file_id, file_name, relative_path from inbox_file where run_id = ?")
			.param(runId)
			.query((rs, n) -> Map.entry(rs.getLong(1), new String[] { rs.getString(2), rs.getString(3) }))
			.list();
		List<Long> ordered = files.stream().sorted((a, b) -> {
			int byName = a.getValue()[0].compareTo(b.getValue()[0]);
			return (byName != 0) ? byName : a.getValue()[1].compareTo(b.getValue()[1]);
		}).map(Map.Entry::getKey).toList();
		List<long[]> numbering = new java.util.ArrayList<>(ordered.size());
		for (int i = 0; i < ordered.size(); i++) {
			numbering.add(new long[] { i + 1, ordered.get(i) });
		}
		this.jdbcTemplate.batchUpdate("update inbox_file set seq = ? where file_id = ?", numbering, 500, (ps, e) -> {
			ps.setInt(1, (int) e[0]);
			ps.setLong(2, e[1]);
		});
	}

	public JdbcPagingItemReader<ClaimedFile> reader(String name, long runId, State state, int pageSize)
			throws Exception {
		return new JdbcPagingItemReaderBuilder<ClaimedFile>().name(name)
			.dataSource(this.dataSource)
			.selectClause("select file_id, run_id, seq, relative_path, file_name, sha256")
			.fromClause("from inbox_file")
			.whereClause("where run_id = :runId and state = :state")
			.sortKeys(Map.of("seq", Order.ASCENDING))
			.parameterValues(Map.of("runId", runId, "state", state.name()))
			.rowMapper(MAPPER)
			.pageSize(pageSize)
			.saveState(false)
			.build();
	}

	public int count(long runId) {
		return this.jdbc.sql("select count(*) from inbox_file where run_id = ?")
			.param(runId)
			.query(Integer.class)
			.single();
	}

}
