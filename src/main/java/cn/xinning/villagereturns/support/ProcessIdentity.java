package cn.xinning.villagereturns.support;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Optional;

/**
 * Which process does something: host, pid and the process's start time (a pid is reused;
 * with its start time it is not). Used to tell a run that is still going from one whose
 * process was killed.
 *
 * @param host host name
 * @param pid process id
 * @param started the process's start instant, as text, or empty when the system does not
 * say
 */
public record ProcessIdentity(String host, long pid, String started) {

	private static final ProcessIdentity CURRENT = new ProcessIdentity(hostName(), ProcessHandle.current().pid(),
			startOf(ProcessHandle.current()));

	public static ProcessIdentity current() {
		return CURRENT;
	}

	/**
	 * Whether the process is still running: on this host the process table says so; on
	 * another host only its heartbeat can, so it counts as alive while the heartbeat is
	 * younger than {@code stale}.
	 */
	public boolean isAlive(Optional<LocalDateTime> heartbeat, LocalDateTime now, Duration stale) {
		if (this.host.equals(CURRENT.host)) {
			if (this.pid == CURRENT.pid && this.started.equals(CURRENT.started)) {
				return true;
			}
			Optional<ProcessHandle> process = ProcessHandle.of(this.pid);
			return process.isPresent() && process.get().isAlive()
					&& (this.started.isEmpty() || this.started.equals(startOf(process.get())));
		}
		return heartbeat.map((beat) -> beat.plus(stale).isAfter(now)).orElse(false);
	}

	@Override
	public String toString() {
		return this.host + " pid " + this.pid;
	}

	private static String startOf(ProcessHandle process) {
		return process.info().startInstant().map(Instant::toString).orElse("");
	}

	private static String hostName() {
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (IOException ex) {
			return "localhost";
		}
	}

}
