package cn.xinning.villagereturns.console.users;

import java.util.List;

/**
 * Why a user change was refused, as a message key of the console bundle and its
 * arguments: the command line prints it in both languages, the console in the reader's.
 */
public class AccountException extends IllegalArgumentException {

	private final String key;

	private final transient List<Object> arguments;

	public AccountException(String key, Object... arguments) {
		super(key);
		this.key = key;
		this.arguments = List.of(arguments);
	}

	public String key() {
		return this.key;
	}

	public Object[] arguments() {
		return this.arguments.toArray();
	}

}
