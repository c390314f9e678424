package cn.xinning.villagereturns.console.users;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.xinning.villagereturns.VillageReturnsProperties;
import cn.xinning.villagereturns.support.BusinessTime;

/**
 * The {@code console_user} table: the console's users with BCrypt hashes, their role,
 * township, and lock-out state. Hashing happens in {@link UserAccounts}; this class only
 * stores.
 */
@Repository
public class ConsoleUsers {

	/** User names: letters, digits, {@code . _ -}, 1 to 64 characters. */
	public static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

	private static final RowMapper<ConsoleUser> ROW = (rs, n) -> new ConsoleUser(rs.getLong("user_id"),
			rs.getString("username"), rs.getString("password_hash"), Role.valueOf(rs.getString("role")),
			Optional.ofNullable(rs.getString("township_code")).map(String::strip), rs.getInt("enabled") == 1,
			rs.getInt("must_change") == 1, rs.getInt("failed_logins"),
			Optional.ofNullable(rs.getObject("locked_until", LocalDateTime.class)),
			rs.getObject("created_at", LocalDateTime.class));

	private final JdbcClient jdbc;

	private final VillageReturnsProperties properties;

	public ConsoleUsers(JdbcClient jdbc, VillageReturnsProperties properties) {
		this.jdbc = jdbc;
		this.properties = properties;
	}

	public Optional<ConsoleUser> find(String username) {
		return this.jdbc.sql("select * from console_user where username = ?").param(username).query(ROW).optional();
	}

	public List<ConsoleUser> all() {
		return this.jdbc.sql("select * from console_user order by username").query(ROW).list();
	}

	public long count() {
		return this.jdbc.sql("select count(*) from console_user").query(Long.class).single();
	}

	public void add(String username, String hash, Role role, Optional<String> township, boolean mustChange) {
		LocalDateTime now = now();
		this.jdbc
			.sql("insert into console_user (username, password_hash, role, township_code, enabled, must_change,"
					+ " failed_logins, created_at, password_changed) values (?, ?, ?, ?, 1, ?, 0, ?, ?)")
			.params(username, hash, role.name(), township.orElse(null), mustChange ? 1 : 0, now, now)
			.update();
	}

	/** A new password; also lifts a lock-out and re-enables nothing. */
	public void setPassword(String username, String hash, boolean mustChange) {
		this.jdbc
			.sql("update console_user set password_hash = ?, must_change = ?, failed_logins = 0, locked_until = null,"
					+ " password_changed = ? where username = ?")
			.params(hash, mustChange ? 1 : 0, now(), username)
			.update();
	}

	public void setEnabled(String username, boolean enabled) {
		this.jdbc.sql("update console_user set enabled = ? where username = ?")
			.params(enabled ? 1 : 0, username)
			.update();
	}

	/**
	 * Counts a failed login; the {@code limit}-th in a row locks the user out until
	 * {@code until}.
	 * @return true when this failure locked the user out
	 */
	public boolean failedLogin(String username, int limit, LocalDateTime until) {
		this.jdbc.sql("update console_user set failed_logins = failed_logins + 1 where username = ?")
			.param(username)
			.update();
		return this.jdbc.sql(
				"update console_user set locked_until = ?, failed_logins = 0 where username = ? and failed_logins >= ?")
			.params(until, username, limit)
			.update() == 1;
	}

	public void succeededLogin(String username) {
		this.jdbc.sql("update console_user set failed_logins = 0, locked_until = null where username = ?")
			.param(username)
			.update();
	}

	private LocalDateTime now() {
		return BusinessTime.now(this.properties.timeZone());
	}

}
