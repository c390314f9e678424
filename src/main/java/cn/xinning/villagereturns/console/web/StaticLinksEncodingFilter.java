package cn.xinning.villagereturns.console.web;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;
import org.springframework.web.servlet.resource.ResourceUrlProvider;
import org.springframework.web.servlet.resource.ResourceUrlProviderExposingInterceptor;

/**
 * Spring's {@link ResourceUrlEncodingFilter} (which Boot registers because the webjars
 * locator is present) asks the resource chain about every link a page writes: for a link
 * to a screen ({@code /indicators?county=...}) it looks for a static file of that name in
 * four class path folders of the jar, finds none, and caches nothing. A province's pages
 * write hundreds of links (79 counties in three tables, 320 villages of a grid), and
 * those look-ups were 40% of the all-counties indicators page's time. This one resolves
 * only the links under the static folders the console serves ({@code /css/},
 * {@code /js/}, {@code /webjars/}: the webjars' version-less paths get their version, as
 * before) and leaves every other link as written. Being a
 * {@code ResourceUrlEncodingFilter} it replaces Boot's.
 */
public class StaticLinksEncodingFilter extends ResourceUrlEncodingFilter {

	static final List<String> STATIC = List.of("/css/", "/js/", "/webjars/");

	@Override
	public void doFilter(ServletRequest request, ServletResponse response, FilterChain filterChain)
			throws ServletException, IOException {
		if (!(request instanceof HttpServletRequest http) || !(response instanceof HttpServletResponse out)) {
			throw new ServletException("StaticLinksEncodingFilter only supports HTTP requests");
		}
		filterChain.doFilter(request, new HttpServletResponseWrapper(out) {

			@Override
			public String encodeURL(String url) {
				return super.encodeURL(resolved(http, url));
			}

		});
	}

	static String resolved(HttpServletRequest request, String url) {
		String context = request.getContextPath();
		if (!url.startsWith(context + "/")) {
			return url;
		}
		String path = url.substring(context.length());
		if (STATIC.stream().noneMatch(path::startsWith)) {
			return url;
		}
		if (!(request.getAttribute(
				ResourceUrlProviderExposingInterceptor.RESOURCE_URL_PROVIDER_ATTR) instanceof ResourceUrlProvider provider)) {
			return url;
		}
		int end = path.length();
		for (char c : new char[] { '?', '#' }) {
			int at = path.indexOf(c);
			if (at >= 0 && at < end) {
				end = at;
			}
		}
		String found = provider.getForLookupPath(path.substring(0, end));
		return (found != null) ? context + found + path.substring(end) : url;
	}

	/**
	 * Registered as Boot registers its own, which it then leaves out: its condition looks
	 * for a {@code FilterRegistrationBean<ResourceUrlEncodingFilter>}, generics compared
	 * exactly, so the declared type must be that.
	 */
	@Configuration(proxyBeanMethods = false)
	@WebOnly
	static class Registration {

		@Bean
		FilterRegistrationBean<ResourceUrlEncodingFilter> staticLinksEncodingFilter() {
			FilterRegistrationBean<ResourceUrlEncodingFilter> registration = new FilterRegistrationBean<>(
					new StaticLinksEncodingFilter());
			registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
			return registration;
		}

	}

}
