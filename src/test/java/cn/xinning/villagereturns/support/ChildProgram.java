package cn.xinning.villagereturns.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import cn.xinning.villagereturns.VillageReturnsApplication;

/**
 * The real program as a child process (the test's class path, so the test-only crash
 * points are there), with its output collected, so that a test can kill it (-9) or stop
 * it (SIGTERM) at a chosen point of a run.
 */
public final class ChildProgram {

	private final Process process;

	private final StringBuffer output = new StringBuffer();

	private final Thread reader;

	private ChildProgram(Process process) {
		this.process = process;
		this.reader = new Thread(() -> {
			try (BufferedReader in = new BufferedReader(
					new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
				String line;
				while ((line = in.readLine()) != null) {
					synchronized (this.output) {
						this.output.append(line).append('\n');
						this.output.notifyAll();
					}
				}
			}
			catch (IOException ex) {
				// the process died: what was read is kept
			}
		}, "child-output");
		this.reader.setDaemon(true);
		this.reader.start();
	}

	public static ChildProgram start(Path workingDirectory, String... args) {
		return start("512m", workingDirectory, Map.of(), args);
	}

	/** The program with a heap of {@code heap} (as -Xmx takes it). */
	public static ChildProgram start(String heap, Path workingDirectory, String... args) {
		return start(heap, workingDirectory, Map.of(), args);
	}

	/** With these environment variables set (or, when empty, removed). */
	public static ChildProgram start(Path workingDirectory, Map<String, String> environment, String... args) {
		return start("512m", workingDirectory, environment, args);
	}

	public static ChildProgram start(String heap, Path workingDirectory, Map<String, String> environment,
			String... args) {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + heap,
						"-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
						VillageReturnsApplication.class.getName()));
		command.addAll(List.of(args));
		try {
			ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile())
				.redirectErrorStream(true);
			environment.forEach((name, value) -> {
				if (value.isEmpty()) {
					builder.environment().remove(name);
				}
				else {
					builder.environment().put(name, value);
				}
			});
			return new ChildProgram(builder.start());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Runs to the end and returns the exit status. */
	public static Result run(Path workingDirectory, String... args) {
		return run("512m", workingDirectory, Map.of(), args);
	}

	/** Runs to the end with a heap of {@code heap} and returns the exit status. */
	public static Result run(String heap, Path workingDirectory, String... args) {
		return run(heap, workingDirectory, Map.of(), args);
	}

	/** Runs to the end with these environment variables and returns the exit status. */
	public static Result run(Path workingDirectory, Map<String, String> environment, String... args) {
		return run("512m", workingDirectory, environment, args);
	}

	public static Result run(String heap, Path workingDirectory, Map<String, String> environment, String... args) {
		ChildProgram child = start(heap, workingDirectory, environment, args);
		int status = child.waitFor(Duration.ofMinutes(5));
		return new Result(status, child.output());
	}

	/**
	 * @param status exit status
	 * @param output standard output and error
	 */
	public record Result(int status, String output) {
	}

	/**
	 * Waits until a line containing {@code text} was printed; fails after
	 * {@code timeout}.
	 */
	public void awaitOutput(String text, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		synchronized (this.output) {
			while (this.output.indexOf(text) < 0) {
				long left = deadline - System.nanoTime();
				if (left <= 0 || !this.process.isAlive() && this.output.indexOf(text) < 0 && !this.reader.isAlive()) {
					throw new AssertionError("The program did not print \"" + text + "\":\n" + this.output);
				}
				this.output.wait(Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMillis(left), 200)));
			}
		}
	}

	/** kill -9: the process gets no chance to clean up. */
	public int kill() {
		this.process.destroyForcibly();
		return waitFor(Duration.ofSeconds(30));
	}

	/**
	 * SIGTERM, as a service stop sends. Through the process handle:
	 * {@code Process.destroy()} would also close our end of its output, and we would miss
	 * what it says while it stops.
	 */
	public void terminate() {
		this.process.toHandle().destroy();
	}

	public int waitFor(Duration timeout) {
		try {
			if (!this.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				this.process.destroyForcibly();
				throw new AssertionError("The program did not end within " + timeout + ":\n" + output());
			}
			this.reader.join(5000);
			return this.process.exitValue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public String output() {
		return this.output.toString();
	}

}
