package cn.xinning.villagereturns.validation;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Renders problems for clerks: Chinese first, English on request. */
@Component
public class Messages {

	private final MessageSource messageSource;

	public Messages(MessageSource messageSource) {
		this.messageSource = messageSource;
	}

	public String render(Problem problem, Locale locale) {
		String body = this.messageSource.getMessage(problem.messageKey(), problem.arguments().toArray(), locale);
		if (problem.line() <= 0) {
			return body;
		}
		return this.messageSource.getMessage("line.prefix", new Object[] { String.valueOf(problem.line()) }, locale)
				+ " " + body;
	}

	public String chinese(Problem problem) {
		return render(problem, Locale.SIMPLIFIED_CHINESE);
	}

	public String english(Problem problem) {
		return render(problem, Locale.ENGLISH);
	}

	public String get(String key, Locale locale, Object... arguments) {
		return this.messageSource.getMessage(key, arguments, locale);
	}

}
