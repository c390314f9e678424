package cn.xinning.villagereturns.operations;

import java.util.regex.Pattern;

import cn.xinning.villagereturns.ConfigurationException;

/**
 * Explains why the program could not start, naming the database URL but never a password.
 */
final class StartupFailure {

	private static final Pattern PASSWORD = Pattern.compile("(?i)(password=)[^&;\\s]*");

	/** {@code jdbc:mysql://user:secret@host/db}, {@code mysql://user:secret@host}. */
	private static final Pattern USER_INFO = Pattern.compile("(//[^/@:?;\\s]*:)[^/\\s]*@");

	private StartupFailure() {
	}

	static String describe(Throwable failure, String datasourceUrl) {
		Throwable root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String url = mask(datasourceUrl);
		for (Throwable t = failure; t != null; t = (t.getCause() == t) ? null : t.getCause()) {
			if (t instanceof ConfigurationException configuration) {
				// the program's own refusal says what to do: nothing to add
				return mask(configuration.getMessage());
			}
		}
		String cause = mask(root.getClass().getSimpleName() + ": " + root.getMessage());
		if (isDatabaseProblem(failure)) {
			return "无法连接数据库 " + url + "，请检查数据库是否运行、地址和账号是否正确。\n" + "Cannot connect to the database " + url
					+ ". Check that it is running and the URL and account.\n" + cause;
		}
		return "程序无法启动，请检查配置。/ The program cannot start; check the configuration.\n" + cause;
	}

	/** Hides passwords written into a URL, in a URL or in any message quoting one. */
	static String mask(String text) {
		String masked = PASSWORD.matcher(String.valueOf(text)).replaceAll("$1***");
		return USER_INFO.matcher(masked).replaceAll("$1***@");
	}

	private static boolean isDatabaseProblem(Throwable failure) {
		for (Throwable t = failure; t != null; t = (t.getCause() == t) ? null : t.getCause()) {
			if (t instanceof java.sql.SQLException || t instanceof java.net.ConnectException
					|| t.getClass().getName().startsWith("org.flywaydb")
					|| t.getClass().getName().contains("CannotGetJdbcConnection")) {
				return true;
			}
		}
		return false;
	}

}
