package cn.xinning.villagereturns.console.audit;

import java.time.LocalDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.xinning.villagereturns.VillageReturnsProperties;
import cn.xinning.villagereturns.support.BusinessTime;

/**
 * The {@code console_audit} table: who did what and when (logins, failed logins, uploads,
 * restarts, stops, starts, reviews, user changes), append only.
 */
@Repository
public class Audit {

	/** What was done. */
	public enum Action {

		LOGIN, LOGIN_FAILED, LOCKED_OUT, LOGOUT, PASSWORD_CHANGE, UPLOAD, START, RESTART, STOP, RECOMPUTE, REVIEW,
		USER_ADD, USER_PASSWORD, USER_DISABLE, USER_ENABLE, EXPORT

	}

	/**
	 * One entry.
	 *
	 * @param id its id
	 * @param at when (Asia/Shanghai)
	 * @param username who (the name tried, for a failed login)
	 * @param action what
	 * @param detail the object and outcome
	 * @param remote the client's address, when over the web
	 */
	public record Entry(long id, LocalDateTime at, String username, String action, String detail, String remote) {
	}

	/**
	 * A page of entries.
	 *
	 * @param entries the entries, latest first
	 * @param total entries matching
	 */
	public record Page(List<Entry> entries, long total) {
	}

	private final JdbcClient jdbc;

	private final VillageReturnsProperties properties;

	public Audit(JdbcClient jdbc, VillageReturnsProperties properties) {
		this.jdbc = jdbc;
		this.properties = properties;
	}

	public void record(String username, Action action, String detail, String remote) {
		this.jdbc.sql("insert into console_audit (at, username, action, detail, remote) values (?, ?, ?, ?, ?)")
			.params(BusinessTime.now(this.properties.timeZone()), clip(username, 64), action.name(), clip(detail, 1000),
					clip(remote, 64))
			.update();
	}

	/** The latest entries first, optionally of one action. */
	public Page page(java.util.Optional<String> action, int offset, int limit) {
		String where = action.isPresent() ? " where action = ?" : "";
		Object[] filter = action.map((a) -> new Object[] { a }).orElse(new Object[0]);
		long total = this.jdbc.sql("select count(*) from console_audit" + where)
			.params(filter)
			.query(Long.class)
			.single();
		List<Object> args = new java.util.ArrayList<>(List.of(filter));
		args.add(limit);
		args.add(offset);
		List<Entry> entries = this.jdbc
			.sql("select audit_id, at, username, action, detail, remote from console_audit" + where
					+ " order by audit_id desc limit ? offset ?")
			.params(args)
			.query((rs, n) -> new Entry(rs.getLong(1), rs.getObject(2, LocalDateTime.class), rs.getString(3),
					rs.getString(4), rs.getString(5), rs.getString(6)))
			.list();
		return new Page(entries, total);
	}

	private static String clip(String text, int length) {
		if (text == null) {
			return null;
		}
		return (text.length() <= length) ? text : text.substring(0, length);
	}

}
