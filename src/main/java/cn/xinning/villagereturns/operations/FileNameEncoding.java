package cn.xinning.villagereturns.operations;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import sun.misc.Signal;

/**
 * Makes Chinese file names work whatever the locale the program was started in. The JVM
 * encodes file names in the charset of the locale it starts in ({@code sun.jnu.encoding},
 * fixed at start: on JDK 17 {@code -Dsun.jnu.encoding=UTF-8} is ignored), and cron and
 * systemd usually start programs with {@code LANG=C}, where a name such as
 * {@code 湾坝村.csv} cannot even be represented. The launcher, the systemd unit and the
 * crontab set {@code LC_ALL=C.UTF-8}; a program started some other way under a non-UTF-8
 * locale starts itself again under {@code C.UTF-8}, and if that still does not give UTF-8
 * it refuses clearly (exit 2) rather than failing at the first Chinese name.
 */
public final class FileNameEncoding {

	/** Set in the second start, so that it never starts a third. */
	static final String RELAUNCHED = "VILLAGE_RETURNS_UTF8_RELAUNCHED";

	static final String UTF8_LOCALE = "C.UTF-8";

	/** A file with the command's arguments, for the second start. */
	static final String ARGUMENTS = "VILLAGE_RETURNS_UTF8_ARGUMENTS";

	private FileNameEncoding() {
	}

	/**
	 * The exit status of the program run again under a UTF-8 locale, or empty when this
	 * JVM encodes file names in UTF-8 already and runs the command itself.
	 * @param args the command's arguments as this JVM decoded them
	 */
	public static OptionalInt runUnderUtf8(String[] args, PrintWriter err) {
		String encoding = System.getProperty("sun.jnu.encoding", "");
		if (isUtf8(encoding)) {
			return OptionalInt.empty();
		}
		Optional<List<String>> command = ownCommand();
		if (System.getenv(RELAUNCHED) != null || command.isEmpty() || command.get().size() <= args.length) {
			err.println(refusal(encoding));
			return OptionalInt.of(Cli.USAGE);
		}
		return OptionalInt.of(relaunch(command.get(), args.length, err, encoding));
	}

	/**
	 * The arguments of a second start, as the first one was given them: this JVM's
	 * decoding of them would have turned Chinese into question marks in the first.
	 */
	public static String[] arguments(String[] args) {
		String file = System.getenv(ARGUMENTS);
		if (file == null || System.getenv(RELAUNCHED) == null) {
			return args;
		}
		Path path = Path.of(file);
		try {
			String text = Files.readString(path, StandardCharsets.UTF_8);
			Files.deleteIfExists(path);
			return text.isEmpty() ? new String[0] : text.split("\0", -1);
		}
		catch (IOException ex) {
			return args;
		}
	}

	static String refusal(String encoding) {
		return "系统区域设置（locale）不是 UTF-8（文件名编码 " + encoding + "），无法处理中文文件名。请设置 LC_ALL=C.UTF-8 后再运行"
				+ "（bin/village-returns、systemd 单元和 crontab 示例已设置）。\n"
				+ "The locale does not encode file names in UTF-8 (" + encoding
				+ "): Chinese file names cannot be handled. Run with LC_ALL=C.UTF-8 (bin/village-returns, the"
				+ " systemd unit and jobs/crontab.example set it); check that the locale exists: locale -a | grep -i utf";
	}

	private static boolean isUtf8(String encoding) {
		try {
			return Charset.forName(encoding).equals(StandardCharsets.UTF_8);
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	private static int relaunch(List<String> command, int arguments, PrintWriter err, String encoding) {
		// the arguments travel in a UTF-8 file: Java 17 would pass them to the child in
		// this locale's charset, where a Chinese --root cannot be written
		List<String> jvm = command.subList(0, command.size() - arguments);
		List<String> program = command.subList(command.size() - arguments, command.size());
		ProcessBuilder builder = new ProcessBuilder(jvm).inheritIO();
		Map<String, String> environment = builder.environment();
		environment.put("LC_ALL", UTF8_LOCALE);
		environment.put(RELAUNCHED, encoding);
		Process child;
		try {
			Path file = Files.createTempFile("village-returns-arguments-", ".txt");
			Files.writeString(file, String.join("\0", program), StandardCharsets.UTF_8);
			environment.put(ARGUMENTS, file.toString());
			child = builder.start();
		}
		catch (IOException ex) {
			err.println(refusal(encoding) + "\n" + ex);
			return Cli.USAGE;
		}
		// Ctrl-C reaches the child from the terminal itself; a SIGTERM sent to this
		// process alone (kill PID) is passed on, so the child stops at its next commit
		forwardSignals(child);
		while (true) {
			try {
				return child.waitFor();
			}
			catch (InterruptedException ex) {
				// keep waiting: this process must not end before the child has
			}
		}
	}

	private static void forwardSignals(Process child) {
		try {
			Signal.handle(new Signal("INT"), (signal) -> {
			});
			Signal.handle(new Signal("TERM"), (signal) -> child.toHandle().destroy());
		}
		catch (IllegalArgumentException ex) {
			// the signal does not exist here: the default applies
		}
	}

	/**
	 * This JVM's command line. Linux keeps it as bytes in /proc; read as UTF-8 it keeps a
	 * Chinese {@code --root} that the JVM's own decoding under this locale has lost.
	 */
	private static Optional<List<String>> ownCommand() {
		Optional<String> java = ProcessHandle.current().info().command();
		if (java.isEmpty()) {
			return Optional.empty();
		}
		List<String> command = new ArrayList<>();
		command.add(java.get());
		try {
			byte[] raw = Files.readAllBytes(Path.of("/proc/self/cmdline"));
			String[] parts = new String(raw, StandardCharsets.UTF_8).split("\0");
			command.addAll(Arrays.asList(parts).subList(1, parts.length));
			return Optional.of(command);
		}
		catch (IOException | RuntimeException ex) {
			return ProcessHandle.current().info().arguments().map((arguments) -> {
				command.addAll(Arrays.asList(arguments));
				return command;
			});
		}
	}

}
