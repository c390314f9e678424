package cn.xinning.villagereturns.console.security;

import java.io.Serial;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import cn.xinning.villagereturns.console.users.Role;

/**
 * The logged-in user as the console sees it. A role carries the authorities of the roles
 * below it (ADMIN is also CLERK and VIEWER), so {@code hasRole('CLERK')} holds for an
 * administrator without a role hierarchy to configure.
 *
 * @param username login name
 * @param passwordHash BCrypt hash (erased after login)
 * @param role the user's role
 * @param township the township a CLERK is limited to, if any
 * @param enabled false when disabled
 * @param locked true while locked out
 * @param mustChange the user must set a new password first
 */
public record ConsolePrincipal(String username, String passwordHash, Role role, Optional<String> township,
		boolean enabled, boolean locked, boolean mustChange) implements UserDetails {

	@Serial
	private static final long serialVersionUID = 1L;

	/** Held until the user has set a new password: every other page redirects. */
	public static final String MUST_CHANGE = "PASSWORD_CHANGE_REQUIRED";

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		List<GrantedAuthority> authorities = new ArrayList<>();
		for (Role each : Role.values()) {
			if (each.ordinal() <= this.role.ordinal()) {
				authorities.add(new SimpleGrantedAuthority(each.authority()));
			}
		}
		if (this.mustChange) {
			authorities.add(new SimpleGrantedAuthority(MUST_CHANGE));
		}
		return authorities;
	}

	@Override
	public String getPassword() {
		return this.passwordHash;
	}

	@Override
	public String getUsername() {
		return this.username;
	}

	@Override
	public boolean isAccountNonLocked() {
		return !this.locked;
	}

	@Override
	public boolean isEnabled() {
		return this.enabled;
	}

	/** The township whose villages this user is limited to, if any. */
	public Optional<String> townshipLimit() {
		return (this.role == Role.CLERK) ? this.township : Optional.empty();
	}

}
