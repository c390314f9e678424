package cn.xinning.villagereturns.console.security;

import java.io.IOException;
import java.time.LocalDateTime;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.filter.OncePerRequestFilter;

import cn.xinning.villagereturns.VillageReturnsProperties;
import cn.xinning.villagereturns.console.users.ConsoleUser;
import cn.xinning.villagereturns.console.users.ConsoleUsers;
import cn.xinning.villagereturns.console.users.UserAccounts;
import cn.xinning.villagereturns.console.web.WebOnly;
import cn.xinning.villagereturns.support.BusinessTime;

/**
 * Who may open what. VIEWER reads every page; CLERK also uploads (and reviews flags);
 * ADMIN also starts, stops and restarts runs and manages users and reads the audit. A
 * control a role may not use is not shown, and posting to it answers 403. Form login with
 * CSRF, logout by POST, a new session id at login, a lock-out after repeated failures,
 * and a content security policy without inline script.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@WebOnly
public class SecurityConfiguration {

	static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
			+ " object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

	@Bean
	SecurityFilterChain consoleSecurity(HttpSecurity http, ConsoleUsers users) throws Exception {
		http.authorizeHttpRequests((requests) -> requests
			.requestMatchers("/login", "/css/**", "/webjars/**", "/favicon.ico", "/error", "/error/**")
			.permitAll()
			.requestMatchers(HttpMethod.POST, "/runs/**")
			.hasRole("ADMIN")
			.requestMatchers("/users/**", "/audit/**")
			.hasRole("ADMIN")
			.requestMatchers("/upload/**", "/upload")
			.hasRole("CLERK")
			// reviewing a flag (confirm or dismiss with a note) is a clerk's or an
			// administrator's
			.requestMatchers(HttpMethod.POST, "/flags/**", "/flags")
			.hasRole("CLERK")
			.anyRequest()
			.hasRole("VIEWER"))
			.formLogin((form) -> form.loginPage("/login")
				.defaultSuccessUrl("/runs", false)
				.failureHandler((request, response, ex) -> response
					.sendRedirect(request.getContextPath() + "/login?error=" + reason(ex)))
				.permitAll())
			.logout((logout) -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout").permitAll())
			.sessionManagement((session) -> session.sessionFixation((fixation) -> fixation.changeSessionId()))
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CSP))
				.frameOptions((frame) -> frame.deny())
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
			.exceptionHandling((errors) -> errors.accessDeniedPage("/error/403"))
			.addFilterAfter(new MustChangePasswordFilter(users), AuthorizationFilter.class);
		return http.build();
	}

	private static String reason(Exception ex) {
		if (ex instanceof LockedException) {
			return "locked";
		}
		if (ex instanceof DisabledException) {
			return "disabled";
		}
		return "bad";
	}

	@Bean
	UserDetailsService consoleUserDetails(ConsoleUsers users, VillageReturnsProperties properties) {
		return (username) -> {
			ConsoleUser user = users.find(username).orElseThrow(() -> new UsernameNotFoundException(username));
			LocalDateTime now = BusinessTime.now(properties.timeZone());
			return new ConsolePrincipal(user.username(), user.passwordHash(), user.role(), user.township(),
					user.enabled(), user.isLockedAt(now), user.mustChange());
		};
	}

	@Bean
	PasswordEncoder consolePasswordEncoder(UserAccounts accounts) {
		return accounts.encoder();
	}

	/**
	 * A user disabled (or removed) while logged in is logged out at the next request;
	 * until a user with a one-time password has set a new one, every page but the
	 * password form (and logout) redirects there.
	 */
	static final class MustChangePasswordFilter extends OncePerRequestFilter {

		private final ConsoleUsers users;

		MustChangePasswordFilter(ConsoleUsers users) {
			this.users = users;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
			String path = request.getRequestURI().substring(request.getContextPath().length());
			boolean asset = path.startsWith("/css/") || path.startsWith("/webjars/") || path.startsWith("/error");
			if (!asset && authentication != null
					&& authentication.getPrincipal() instanceof ConsolePrincipal principal) {
				if (!this.users.find(principal.username()).map(ConsoleUser::enabled).orElse(false)) {
					jakarta.servlet.http.HttpSession session = request.getSession(false);
					if (session != null) {
						session.invalidate();
					}
					SecurityContextHolder.clearContext();
					response.sendRedirect(request.getContextPath() + "/login?error=disabled");
					return;
				}
				if (principal.mustChange() && !path.equals("/account/password") && !path.equals("/logout")) {
					response.sendRedirect(request.getContextPath() + "/account/password");
					return;
				}
			}
			chain.doFilter(request, response);
		}

	}

}
