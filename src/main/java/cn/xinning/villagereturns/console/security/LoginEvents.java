package cn.xinning.villagereturns.console.security;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

import cn.xinning.villagereturns.VillageReturnsProperties;
import cn.xinning.villagereturns.console.audit.Audit;
import cn.xinning.villagereturns.console.users.ConsoleUsers;
import cn.xinning.villagereturns.console.web.WebOnly;
import cn.xinning.villagereturns.support.BusinessTime;

/**
 * Logins into the audit, and the lock-out: after
 * {@code village-returns.console.lockout-failures} wrong passwords in a row (default 5)
 * the user cannot log in for {@code village-returns.console.lockout-minutes} (default
 * 15), whatever the password; an administrator's {@code users passwd} lifts it.
 */
@Component
@WebOnly
class LoginEvents {

	private final ConsoleUsers users;

	private final Audit audit;

	private final VillageReturnsProperties properties;

	private final int failures;

	private final Duration lockout;

	LoginEvents(ConsoleUsers users, Audit audit, VillageReturnsProperties properties,
			@Value("${village-returns.console.lockout-failures:5}") int failures,
			@Value("${village-returns.console.lockout-minutes:15}") int minutes) {
		this.users = users;
		this.audit = audit;
		this.properties = properties;
		this.failures = failures;
		this.lockout = Duration.ofMinutes(minutes);
	}

	@EventListener
	void succeeded(AuthenticationSuccessEvent event) {
		String name = event.getAuthentication().getName();
		this.users.succeededLogin(name);
		this.audit.record(name, Audit.Action.LOGIN, "", remote(event.getAuthentication()));
	}

	@EventListener
	void failed(AbstractAuthenticationFailureEvent event) {
		String name = event.getAuthentication().getName();
		String remote = remote(event.getAuthentication());
		this.audit.record(name, Audit.Action.LOGIN_FAILED, event.getException().getClass().getSimpleName(), remote);
		if (event instanceof AuthenticationFailureBadCredentialsEvent && this.users.failedLogin(name, this.failures,
				BusinessTime.now(this.properties.timeZone()).plus(this.lockout))) {
			this.audit.record(name, Audit.Action.LOCKED_OUT,
					this.failures + " failures, " + this.lockout.toMinutes() + " min", remote);
		}
	}

	@EventListener
	void loggedOut(LogoutSuccessEvent event) {
		this.audit.record(event.getAuthentication().getName(), Audit.Action.LOGOUT, "",
				remote(event.getAuthentication()));
	}

	private static String remote(Authentication authentication) {
		return (authentication.getDetails() instanceof WebAuthenticationDetails details) ? details.getRemoteAddress()
				: null;
	}

}
