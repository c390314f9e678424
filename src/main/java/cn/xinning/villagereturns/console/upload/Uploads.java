package cn.xinning.villagereturns.console.upload;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The {@code console_upload} table: who uploaded which file under which inbox name, and
 * what became of it (the inbox file a run claimed under that name).
 */
@Repository
public class Uploads {

	/**
	 * An upload and its fate.
	 *
	 * @param id upload number
	 * @param username who uploaded it
	 * @param originalName the name the clerk's file had
	 * @param storedPath its path under the inbox
	 * @param size bytes
	 * @param sha256 its content hash
	 * @param uploadedAt when
	 * @param fileId the inbox file a run made of it, once claimed
	 * @param runId that run
	 * @param state the file's state in the run
	 * @param outcome ARCHIVED or REJECTED, once filed away
	 * @param finalPath where it is now, once filed away
	 * @param accepted returns accepted
	 * @param rejected returns rejected
	 */
	public record Upload(long id, String username, String originalName, String storedPath, long size, String sha256,
			LocalDateTime uploadedAt, Long fileId, Long runId, String state, String outcome, String finalPath,
			Integer accepted, Integer rejected) {

		public boolean isFinal() {
			return this.outcome != null;
		}

	}

	private static final String SELECT = "select u.upload_id, u.username, u.original_name, u.stored_path,"
			+ " u.size_bytes, u.sha256, u.uploaded_at, f.file_id, f.run_id, f.state, f.outcome, f.final_path,"
			+ " f.returns_accepted, f.returns_rejected from console_upload u left join inbox_file f"
			+ " on f.file_id = (select max(g.file_id) from inbox_file g where g.relative_path = u.stored_path)";

	private static final RowMapper<Upload> ROW = (rs, n) -> new Upload(rs.getLong(1), rs.getString(2), rs.getString(3),
			rs.getString(4), rs.getLong(5), rs.getString(6), rs.getObject(7, LocalDateTime.class),
			(Long) rs.getObject(8, Long.class), (Long) rs.getObject(9, Long.class), rs.getString(10), rs.getString(11),
			rs.getString(12), (Integer) rs.getObject(13, Integer.class), (Integer) rs.getObject(14, Integer.class));

	private final JdbcClient jdbc;

	public Uploads(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Records an upload under a provisional name; returns its number. */
	long create(String username, String originalName, long size, String sha256, LocalDateTime at, String provisional) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		this.jdbc
			.sql("insert into console_upload (username, original_name, stored_path, size_bytes, sha256, uploaded_at)"
					+ " values (?, ?, ?, ?, ?, ?)")
			.params(username, originalName, provisional, size, sha256, at)
			.update(keys, "upload_id");
		return keys.getKey().longValue();
	}

	void setStoredPath(long id, String storedPath) {
		this.jdbc.sql("update console_upload set stored_path = ? where upload_id = ?").params(storedPath, id).update();
	}

	void delete(long id) {
		this.jdbc.sql("delete from console_upload where upload_id = ?").param(id).update();
	}

	public Optional<Upload> find(long id) {
		return this.jdbc.sql(SELECT + " where u.upload_id = ?").param(id).query(ROW).optional();
	}

	/**
	 * @param uploads the page
	 * @param total uploads matching
	 */
	public record Page(List<Upload> uploads, long total) {
	}

	/** The latest uploads first, of one user or of everyone. */
	public Page page(Optional<String> username, int offset, int limit) {
		String where = username.isPresent() ? " where u.username = ?" : "";
		List<Object> args = new ArrayList<>();
		username.ifPresent(args::add);
		long total = this.jdbc.sql("select count(*) from console_upload u" + where)
			.params(args)
			.query(Long.class)
			.single();
		args.add(limit);
		args.add(offset);
		return new Page(this.jdbc.sql(SELECT + where + " order by u.upload_id desc limit ? offset ?")
			.params(args)
			.query(ROW)
			.list(), total);
	}

}
