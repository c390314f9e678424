package cn.xinning.villagereturns.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The database server the bench runs against, when it is a process of this machine whose
 * processor time can be read from {@code /proc/PID/stat}. On two cores the server takes
 * nearly half of what a province month asks of them (README, issue #16 of 2026-12-02,
 * afternoon), and its processor time over the timed run moves much less with the
 * machine's other load than the wall does: it showed a change to the server's work (V77)
 * that the runs' wall times, scattered by a third, could not.
 * <p>
 * Unknown, never zero, for H2 (it runs inside the timed process, whose processor time
 * counts it), for a server on another host, and where more than one server or no
 * {@code /proc} leaves it unclear which process to read. A server shared with others
 * counts their statements too.
 */
record ServerProcess(Path stat) {

	private static final Set<String> SERVER_COMMANDS = Set.of("mariadbd", "mysqld");

	/**
	 * The server process behind a {@code jdbc:mysql://host:port/} or
	 * {@code jdbc:mariadb://} address, if it is the one database server running here.
	 */
	static Optional<ServerProcess> local(String jdbcUrl) {
		if (!isLoopback(jdbcUrl)) {
			return Optional.empty();
		}
		List<Long> servers = ProcessHandle.allProcesses()
			.map(ProcessHandle::pid)
			.filter((pid) -> SERVER_COMMANDS.contains(command(pid)))
			.toList();
		return (servers.size() == 1)
				? Optional.of(new ServerProcess(Path.of("/proc", String.valueOf(servers.get(0)), "stat")))
				: Optional.empty();
	}

	/** Its processor time so far, user and system; empty once it cannot be read. */
	OptionalLong cpuMillis() {
		return ChildJvm.cpuMillis(this.stat);
	}

	/**
	 * Its processor time since a reading of {@link #cpuMillis}; empty if either is
	 * unknown.
	 */
	OptionalLong cpuMillisSince(OptionalLong before) {
		OptionalLong now = cpuMillis();
		return (before.isPresent() && now.isPresent()) ? OptionalLong.of(now.getAsLong() - before.getAsLong())
				: OptionalLong.empty();
	}

	static boolean isLoopback(String jdbcUrl) {
		if (!jdbcUrl.startsWith("jdbc:mysql://") && !jdbcUrl.startsWith("jdbc:mariadb://")) {
			return false;
		}
		try {
			String host = new URI(jdbcUrl.substring("jdbc:".length())).getHost();
			// read from the address, never resolved: a bench must not wait on a name
			// server, and a name that resolves to this machine is rare enough to show n/a
			return host != null && (host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]"));
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

	private static String command(long pid) {
		try {
			return Files.readString(Path.of("/proc", String.valueOf(pid), "comm")).strip();
		}
		catch (IOException | UncheckedIOException ex) {
			// the process ended, or not on Linux
			return "";
		}
	}

}
