package cn.xinning.villagereturns.console.submissions;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** 拒收文件 Rejected files: the files with at least one rejected return, latest first. */
@Repository
public class RejectedFiles {

	/**
	 * @param fileId the file
	 * @param fileName its name
	 * @param relativePath its path under the inbox when claimed
	 * @param finalPath where it is now (under rejected/)
	 * @param runId the run that rejected it
	 * @param asOf the run's business time
	 * @param returns returns read
	 * @param rejected returns rejected
	 * @param errors its errors
	 * @param uploadedBy who uploaded it in the console, if it came that way
	 */
	public record RejectedFile(long fileId, String fileName, String relativePath, String finalPath, long runId,
			LocalDateTime asOf, Integer returns, Integer rejected, int errors, String uploadedBy) {
	}

	/**
	 * @param files the page
	 * @param total files matching
	 */
	public record Page(List<RejectedFile> files, long total) {
	}

	private static final String SELECT = "select f.file_id, f.file_name, f.relative_path, f.final_path, f.run_id,"
			+ " r.as_of, f.returns_total, f.returns_rejected, (select count(*) from problem p where p.file_id = f.file_id"
			+ " and p.severity = 'ERROR'), (select min(u.username) from console_upload u where u.stored_path = f.relative_path)"
			+ " from inbox_file f join ingest_run r on r.run_id = f.run_id";

	private final JdbcClient jdbc;

	public RejectedFiles(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @param query part of the file name, or a village code (or its start) or part of a
	 * village name in it
	 * @param township only files with a return of this township, or uploaded by
	 * {@code username} (a CLERK's limit)
	 */
	public Page page(Optional<String> query, Optional<String> township, String username, int offset, int limit) {
		StringBuilder where = new StringBuilder(" where f.outcome = 'REJECTED'");
		List<Object> args = new ArrayList<>();
		limit(where, args, township, username);
		query.map(String::strip).filter((q) -> !q.isEmpty()).ifPresent((q) -> {
			String like = "%" + q.replace("%", "").replace("_", "") + "%";
			where.append(" and (f.file_name like ? or exists (select 1 from submission s where s.file_id = f.file_id"
					+ " and (s.village_code like ? or s.village_name like ?)))");
			args.add(like);
			args.add(q + "%");
			args.add(like);
		});
		long total = this.jdbc.sql("select count(*) from inbox_file f" + where).params(args).query(Long.class).single();
		List<Object> pageArgs = new ArrayList<>(args);
		pageArgs.add(limit);
		pageArgs.add(offset);
		return new Page(this.jdbc.sql(SELECT + where + " order by f.file_id desc limit ? offset ?")
			.params(pageArgs)
			.query((rs, n) -> new RejectedFile(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getLong(5), rs.getObject(6, LocalDateTime.class), (Integer) rs.getObject(7, Integer.class),
					(Integer) rs.getObject(8, Integer.class), rs.getInt(9), rs.getString(10)))
			.list(), total);
	}

	/** One rejected file, if the reader may see it. */
	public Optional<RejectedFile> find(long fileId, Optional<String> township, String username) {
		StringBuilder where = new StringBuilder(" where f.outcome = 'REJECTED' and f.file_id = ?");
		List<Object> args = new ArrayList<>(List.of(fileId));
		limit(where, args, township, username);
		return this.jdbc.sql(SELECT + where)
			.params(args)
			.query((rs, n) -> new RejectedFile(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getLong(5), rs.getObject(6, LocalDateTime.class), (Integer) rs.getObject(7, Integer.class),
					(Integer) rs.getObject(8, Integer.class), rs.getInt(9), rs.getString(10)))
			.optional();
	}

	private static void limit(StringBuilder where, List<Object> args, Optional<String> township, String username) {
		township.ifPresent((code) -> {
			where.append(
					" and (exists (select 1 from submission s where s.file_id = f.file_id and s.village_code like ?)"
							+ " or exists (select 1 from console_upload cu where cu.stored_path = f.relative_path"
							+ " and cu.username = ?))");
			args.add(code + "%");
			args.add(username);
		});
	}

}
