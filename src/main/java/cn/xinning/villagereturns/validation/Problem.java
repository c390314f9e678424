package cn.xinning.villagereturns.validation;

import java.util.List;

/**
 * One problem found in a file, where the clerk can find it.
 *
 * @param line line in the file as a text editor numbers it (header = 1), 0 when the
 * problem is not on one line (an empty or unreadable file)
 * @param column the column header as written in the file (or the indicator code a missing
 * value belongs to), empty when the problem is not in one column
 * @param value the offending cell as written, empty when there is none
 * @param rule rule code
 * @param severity ERROR or WARNING
 * @param messageKey key of the message in {@code i18n/messages}
 * @param arguments arguments of the message
 */
public record Problem(int line, String column, String value, RuleCode rule, Severity severity, String messageKey,
		List<Object> arguments) {

	public Problem {
		column = (column != null) ? column : "";
		value = (value != null) ? value : "";
		arguments = List.copyOf(arguments);
	}

	public static Problem error(int line, String column, String value, RuleCode rule, String messageKey,
			Object... arguments) {
		return new Problem(line, column, value, rule, Severity.ERROR, messageKey, List.of(arguments));
	}

	public static Problem warning(int line, String column, String value, RuleCode rule, String messageKey,
			Object... arguments) {
		return new Problem(line, column, value, rule, Severity.WARNING, messageKey, List.of(arguments));
	}

	public boolean isError() {
		return this.severity == Severity.ERROR;
	}

}
