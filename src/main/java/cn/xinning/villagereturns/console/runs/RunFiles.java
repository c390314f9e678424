package cn.xinning.villagereturns.console.runs;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The files of a run with their fate, a page at a time. */
@Repository
public class RunFiles {

	/**
	 * @param fileId the file
	 * @param seq its order in the run
	 * @param relativePath its path under the inbox
	 * @param state CLAIMED, VALIDATED, ACCEPTED, FILED
	 * @param outcome ARCHIVED or REJECTED once filed away, else empty
	 * @param duplicate whether its content had been accepted before
	 * @param returns returns read, once validated
	 * @param accepted returns accepted, once accepted
	 * @param rejected returns rejected, once validated
	 * @param finalPath where it is now (relative to the root), once filed away
	 * @param uploadedBy who uploaded it in the console, if it came that way
	 */
	public record RunFile(long fileId, int seq, String relativePath, String state, String outcome, boolean duplicate,
			Integer returns, Integer accepted, Integer rejected, String finalPath, String uploadedBy) {
	}

	/**
	 * @param files the page
	 * @param total files matching
	 */
	public record Page(List<RunFile> files, long total) {
	}

	private final JdbcClient jdbc;

	public RunFiles(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @param township only files with a return of this township's villages (a CLERK's
	 * limit), or uploaded by {@code username}
	 */
	public Page page(long runId, Optional<String> township, String username, int offset, int limit) {
		StringBuilder where = new StringBuilder(" where f.run_id = ?");
		List<Object> args = new ArrayList<>(List.of(runId));
		township.ifPresent((code) -> {
			where.append(
					" and (exists (select 1 from submission s where s.file_id = f.file_id and s.village_code like ?)"
							+ " or exists (select 1 from console_upload cu where cu.stored_path = f.relative_path"
							+ " and cu.username = ?))");
			args.add(code + "%");
			args.add(username);
		});
		long total = this.jdbc.sql("select count(*) from inbox_file f" + where).params(args).query(Long.class).single();
		List<Object> pageArgs = new ArrayList<>(args);
		pageArgs.add(limit);
		pageArgs.add(offset);
		List<RunFile> files = this.jdbc
			.sql("select f.file_id, f.seq, f.relative_path, f.state, f.outcome, f.duplicate_of, f.returns_total,"
					+ " f.returns_accepted, f.returns_rejected, f.final_path, u.username from inbox_file f"
					+ " left join console_upload u on u.stored_path = f.relative_path" + where
					+ " order by f.seq limit ? offset ?")
			.params(pageArgs)
			.query((rs, n) -> new RunFile(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4),
					(rs.getString(5) != null) ? rs.getString(5) : "", rs.getObject(6) != null,
					(Integer) rs.getObject(7, Integer.class), (Integer) rs.getObject(8, Integer.class),
					(Integer) rs.getObject(9, Integer.class), rs.getString(10), rs.getString(11)))
			.list();
		return new Page(files, total);
	}

}
