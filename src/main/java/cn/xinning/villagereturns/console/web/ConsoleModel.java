package cn.xinning.villagereturns.console.web;

import java.util.Locale;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import cn.xinning.villagereturns.console.security.ConsolePrincipal;

/** What every page's layout shows: who is logged in, and the reader's language. */
@ControllerAdvice
@WebOnly
public class ConsoleModel {

	@ModelAttribute("me")
	ConsolePrincipal me(@AuthenticationPrincipal ConsolePrincipal principal) {
		return principal;
	}

	/**
	 * This page's address without its page number and language, to which the pager and
	 * the language switch add theirs.
	 */
	@ModelAttribute("selfUrl")
	String selfUrl(jakarta.servlet.http.HttpServletRequest request) {
		String url = org.springframework.web.util.UriComponentsBuilder.fromPath(request.getRequestURI())
			.query(request.getQueryString())
			.replaceQueryParam("page")
			.replaceQueryParam("lang")
			.build(true)
			.toUriString();
		return url + (url.contains("?") ? "&" : "?");
	}

	@ModelAttribute("english")
	boolean english(Locale locale) {
		return WebConfiguration.english(locale);
	}

}
