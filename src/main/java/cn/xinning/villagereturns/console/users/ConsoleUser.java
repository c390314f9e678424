package cn.xinning.villagereturns.console.users;

import java.time.LocalDateTime;
import java.util.Optional;

/**
 * A row of {@code console_user}.
 *
 * @param id its id
 * @param username login name
 * @param passwordHash BCrypt hash
 * @param role what the user may do
 * @param township the township a CLERK is limited to, if any
 * @param enabled false once disabled: the user cannot log in
 * @param mustChange the user must set a new password before anything else
 * @param failedLogins failed logins in a row
 * @param lockedUntil locked out until then after too many failures
 * @param createdAt when the user was added
 */
public record ConsoleUser(long id, String username, String passwordHash, Role role, Optional<String> township,
		boolean enabled, boolean mustChange, int failedLogins, Optional<LocalDateTime> lockedUntil,
		LocalDateTime createdAt) {

	public boolean isLockedAt(LocalDateTime now) {
		return this.lockedUntil.map(now::isBefore).orElse(false);
	}

}
