package cn.xinning.villagereturns.console.users;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;

import cn.xinning.villagereturns.operations.Cli;
import cn.xinning.villagereturns.operations.RootOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code users}: the web console's users (add, list, passwd, disable). */
@Command(name = "users", mixinStandardHelpOptions = true,
		description = { "管理网页控制台的用户。", "Manage the web console's users." }, subcommands = { UsersCommand.Add.class,
				UsersCommand.ListUsers.class, UsersCommand.Passwd.class, UsersCommand.Disable.class })
public class UsersCommand {

	@Mixin
	RootOption root;

	/**
	 * What the subcommands share: printing refusals in both languages, reading passwords.
	 */
	abstract static class UserCommand implements Callable<Integer> {

		@Mixin
		RootOption root;

		@Spec
		picocli.CommandLine.Model.CommandSpec spec;

		@Autowired
		UserAccounts accounts;

		@Autowired
		MessageSource messages;

		@Override
		public Integer call() throws Exception {
			try {
				return run(this.spec.commandLine().getOut());
			}
			catch (AccountException ex) {
				this.spec.commandLine()
					.getErr()
					.println(this.messages.getMessage(ex.key(), ex.arguments(), Locale.SIMPLIFIED_CHINESE) + " / "
							+ this.messages.getMessage(ex.key(), ex.arguments(), Locale.ENGLISH));
				return Cli.USAGE;
			}
		}

		abstract int run(PrintWriter out) throws Exception;

		/** From standard input (one line), or asked twice on the terminal. */
		String password(boolean fromStdin) throws IOException {
			if (fromStdin) {
				String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
				if (line == null) {
					throw new AccountException("console.password.none");
				}
				return line;
			}
			Console console = System.console();
			if (console == null) {
				throw new AccountException("console.password.noTerminal");
			}
			char[] first = console.readPassword("密码 password: ");
			char[] second = console.readPassword("再输一次 again: ");
			try {
				if (first == null || second == null || !Arrays.equals(first, second)) {
					throw new AccountException("console.password.mismatch");
				}
				return new String(first);
			}
			finally {
				if (first != null) {
					Arrays.fill(first, ' ');
				}
				if (second != null) {
					Arrays.fill(second, ' ');
				}
			}
		}

	}

	@Command(name = "add", mixinStandardHelpOptions = true, description = { "添加用户（不带 --password-stdin 时在终端上输入两次密码）。",
			"Add a user (without --password-stdin the password is asked twice on the terminal)." })
	static class Add extends UserCommand {

		@Parameters(index = "0", paramLabel = "NAME")
		String name;

		@Option(names = "--role", required = true, paramLabel = "ADMIN|CLERK|VIEWER")
		Role role;

		@Option(names = "--township", paramLabel = "CODE",
				description = "a CLERK sees and uploads only this township's villages")
		String township;

		@Option(names = "--password-stdin", description = "read the password from standard input")
		boolean passwordStdin;

		@Option(names = "--must-change", description = "the user sets a new password at first login")
		boolean mustChange;

		@Override
		int run(PrintWriter out) throws Exception {
			this.accounts.add(this.name, this.role, Optional.ofNullable(this.township), password(this.passwordStdin),
					this.mustChange, "cli");
			out.println("已添加用户 added user " + this.name + " (" + this.role
					+ ((this.township != null) ? ", " + this.township : "") + ")");
			return Cli.OK;
		}

	}

	@Command(name = "list", mixinStandardHelpOptions = true, description = { "列出用户。", "List the users." })
	static class ListUsers extends UserCommand {

		@Autowired
		ConsoleUsers users;

		@Override
		int run(PrintWriter out) {
			out.printf("%-20s %-7s %-10s %-9s %s%n", "user", "role", "township", "state", "created");
			for (ConsoleUser user : this.users.all()) {
				out.printf("%-20s %-7s %-10s %-9s %s%n", user.username(), user.role(), user.township().orElse("-"),
						!user.enabled() ? "disabled" : user.mustChange() ? "must-chg" : "active", user.createdAt());
			}
			return Cli.OK;
		}

	}

	@Command(name = "passwd", mixinStandardHelpOptions = true,
			description = { "设置用户的新密码（解除锁定）。", "Set a user's new password (lifts a lock-out)." })
	static class Passwd extends UserCommand {

		@Parameters(index = "0", paramLabel = "NAME")
		String name;

		@Option(names = "--password-stdin", description = "read the password from standard input")
		boolean passwordStdin;

		@Option(names = "--must-change", description = "the user sets a new password at next login")
		boolean mustChange;

		@Override
		int run(PrintWriter out) throws Exception {
			this.accounts.setPassword(this.name, password(this.passwordStdin), this.mustChange, "cli");
			out.println("已设置新密码 password set for " + this.name);
			return Cli.OK;
		}

	}

	@Command(name = "disable", mixinStandardHelpOptions = true,
			description = { "停用用户（不能再登录）。", "Disable a user (no more logins)." })
	static class Disable extends UserCommand {

		@Parameters(index = "0", paramLabel = "NAME")
		String name;

		@Override
		int run(PrintWriter out) {
			this.accounts.disable(this.name, "cli");
			out.println("已停用用户 disabled user " + this.name);
			return Cli.OK;
		}

	}

}
