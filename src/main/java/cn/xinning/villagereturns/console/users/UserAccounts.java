package cn.xinning.villagereturns.console.users;

import java.security.SecureRandom;
import java.util.Optional;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

import cn.xinning.villagereturns.console.audit.Audit;
import cn.xinning.villagereturns.reference.ReferenceData;

/**
 * Adds users, sets passwords, disables users: the rules the {@code users} command and the
 * console's user screen share. Passwords are stored as BCrypt hashes only; there is no
 * default password anywhere: the first {@code serve} on an empty table creates
 * {@code admin} with a random one-time password.
 */
@Service
public class UserAccounts {

	/** The user the first {@code serve} creates. */
	public static final String FIRST_ADMIN = "admin";

	static final int MIN_PASSWORD = 8;

	private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";

	private final ConsoleUsers users;

	private final Audit audit;

	private final ReferenceData referenceData;

	private final PasswordEncoder encoder = new BCryptPasswordEncoder();

	private final SecureRandom random = new SecureRandom();

	public UserAccounts(ConsoleUsers users, Audit audit, ReferenceData referenceData) {
		this.users = users;
		this.audit = audit;
		this.referenceData = referenceData;
	}

	public PasswordEncoder encoder() {
		return this.encoder;
	}

	/**
	 * Adds a user.
	 * @param by who adds it (for the audit)
	 * @throws IllegalArgumentException with what to correct (name taken or malformed,
	 * unknown township, a township for a role other than CLERK, a weak password)
	 */
	public void add(String username, Role role, Optional<String> township, String password, boolean mustChange,
			String by) {
		if (!ConsoleUsers.NAME.matcher(username).matches()) {
			throw new AccountException("console.user.nameInvalid", username);
		}
		if (this.users.find(username).isPresent()) {
			throw new AccountException("console.user.exists", username);
		}
		Optional<String> code = township.map(String::strip).filter((t) -> !t.isEmpty());
		if (code.isPresent()) {
			if (role != Role.CLERK) {
				throw new AccountException("console.user.townshipRole");
			}
			checkTownship(code.get());
		}
		checkPassword(username, password);
		this.users.add(username, this.encoder.encode(password), role, code, mustChange);
		this.audit.record(by, Audit.Action.USER_ADD,
				username + " " + role + code.map((c) -> " " + c).orElse("") + (mustChange ? " must-change" : ""), null);
	}

	/** Sets a new password. */
	public void setPassword(String username, String password, boolean mustChange, String by) {
		require(username);
		checkPassword(username, password);
		this.users.setPassword(username, this.encoder.encode(password), mustChange);
		this.audit.record(by, by.equals(username) ? Audit.Action.PASSWORD_CHANGE : Audit.Action.USER_PASSWORD,
				username + (mustChange ? " must-change" : ""), null);
	}

	/**
	 * A user's own change: the current password must match.
	 * @throws IllegalArgumentException when it does not, or the new one is weak
	 */
	public void changeOwn(String username, String current, String password) {
		ConsoleUser user = require(username);
		if (!this.encoder.matches(current, user.passwordHash())) {
			throw new AccountException("console.password.wrongCurrent");
		}
		if (this.encoder.matches(password, user.passwordHash())) {
			throw new AccountException("console.password.same");
		}
		setPassword(username, password, false, username);
	}

	public void disable(String username, String by) {
		require(username);
		this.users.setEnabled(username, false);
		this.audit.record(by, Audit.Action.USER_DISABLE, username, null);
	}

	public void enable(String username, String by) {
		require(username);
		this.users.setEnabled(username, true);
		this.audit.record(by, Audit.Action.USER_ENABLE, username, null);
	}

	/**
	 * On first start with no users: creates {@code admin} with a random password that
	 * must be changed at first login.
	 * @return the one-time password, to be shown once; empty when users exist
	 */
	public synchronized Optional<String> createFirstAdmin() {
		if (this.users.count() > 0) {
			return Optional.empty();
		}
		String password = randomPassword();
		this.users.add(FIRST_ADMIN, this.encoder.encode(password), Role.ADMIN, Optional.empty(), true);
		this.audit.record("serve", Audit.Action.USER_ADD, FIRST_ADMIN + " ADMIN must-change (first start)", null);
		return Optional.of(password);
	}

	public String randomPassword() {
		StringBuilder password = new StringBuilder();
		for (int i = 0; i < 16; i++) {
			password.append(ALPHABET.charAt(this.random.nextInt(ALPHABET.length())));
		}
		return password.toString();
	}

	private ConsoleUser require(String username) {
		return this.users.find(username).orElseThrow(() -> new AccountException("console.user.unknown", username));
	}

	private void checkTownship(String code) {
		if (this.referenceData.current()
			.registry()
			.all()
			.stream()
			.noneMatch((village) -> village.townshipCode().equals(code))) {
			throw new AccountException("console.user.townshipUnknown", code);
		}
	}

	public static void checkPassword(String username, String password) {
		if (password == null || password.length() < MIN_PASSWORD || password.equals(username)) {
			throw new AccountException("console.password.weak", MIN_PASSWORD);
		}
	}

}
