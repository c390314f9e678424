package cn.xinning.villagereturns.benchmark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

import cn.xinning.villagereturns.VillageReturnsApplication;

/**
 * The program run as a child process, timed from start to exit (JVM start included), with
 * its peak resident memory read from {@code /proc/PID/status} (VmHWM) while it runs, and
 * the processor time it used read from {@code /proc/PID/stat}: on a shared machine the
 * wall time moves with the other processes' load, the processor time much less, so it is
 * the figure to compare two runs by when the machine was not quiet.
 */
final class ChildJvm {

	/**
	 * @param status exit status
	 * @param output what it printed
	 * @param wallMillis from start to exit
	 * @param peakRssKb peak resident set, in KiB (0 where /proc is not available)
	 * @param cpuMillis user and system time of the process, its last reading before it
	 * ended (at most one poll, 50 ms, short; 0 where /proc is not available)
	 */
	record Result(int status, String output, long wallMillis, long peakRssKb, long cpuMillis) {
	}

	private ChildJvm() {
	}

	static Result run(String heap, List<String> args) throws IOException, InterruptedException {
		List<String> command = command(heap, args);
		long start = System.nanoTime();
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		StringBuilder output = new StringBuilder();
		Thread reader = collect(process, output);
		Path status = Path.of("/proc", String.valueOf(process.pid()), "status");
		Path stat = Path.of("/proc", String.valueOf(process.pid()), "stat");
		long peak = 0;
		long cpu = 0;
		while (process.isAlive()) {
			peak = Math.max(peak, highWaterMark(status));
			cpu = Math.max(cpu, cpuMillis(stat).orElse(0));
			Thread.sleep(50);
		}
		long wall = (System.nanoTime() - start) / 1_000_000;
		reader.join();
		synchronized (output) {
			return new Result(process.exitValue(), output.toString(), wall, peak, cpu);
		}
	}

	/** A child left running (a worker), its output collected. */
	static final class Running {

		private final Process process;

		private final StringBuilder output = new StringBuilder();

		private Running(Process process) {
			this.process = process;
			collect(process, this.output);
		}

		/**
		 * Waits until it printed {@code text}; fails when it ends first or after a
		 * minute.
		 */
		String await(String text) throws InterruptedException {
			long deadline = System.nanoTime() + 120_000_000_000L;
			while (System.nanoTime() < deadline) {
				synchronized (this.output) {
					if (this.output.indexOf(text) >= 0) {
						return this.output.toString();
					}
					if (!this.process.isAlive()) {
						break;
					}
					this.output.wait(200);
				}
			}
			throw new IllegalStateException("The child did not print \"" + text + "\":\n" + this.output);
		}

		/** SIGTERM, and waits for it to end. */
		void stop() throws InterruptedException {
			this.process.destroy();
			if (!this.process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
				this.process.destroyForcibly();
			}
		}

	}

	static Running start(String heap, List<String> args) throws IOException {
		return new Running(new ProcessBuilder(command(heap, args)).redirectErrorStream(true).start());
	}

	private static Thread collect(Process process, StringBuilder output) {
		Thread reader = new Thread(() -> {
			try (BufferedReader in = new BufferedReader(
					new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
				String line;
				while ((line = in.readLine()) != null) {
					synchronized (output) {
						output.append(line).append('\n');
						output.notifyAll();
					}
				}
			}
			catch (IOException ex) {
				// the process ended
			}
		});
		reader.setDaemon(true);
		reader.start();
		return reader;
	}

	private static List<String> command(String heap, List<String> args) {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + heap));
		// the timed run starts as bin/village-returns starts a run: with its
		// class-data-sharing archive, compiler and collector
		java.lang.management.ManagementFactory.getRuntimeMXBean()
			.getInputArguments()
			.stream()
			.filter((option) -> option.startsWith("-XX:SharedArchiveFile=") || option.startsWith("-Xshare")
					|| option.startsWith("-Xlog:cds")
					|| ((option.startsWith("-XX:TieredStopAtLevel=") || option.equals("-XX:+UseSerialGC"))
							&& !args.contains("worker")))
			.forEach(command::add);
		String extra = System.getenv("BENCH_JVM_OPTIONS");
		if (extra != null && !extra.isBlank() && args.contains("ingest")) {
			// e.g. -XX:StartFlightRecording=filename=run.jfr,settings=profile: where the
			// time goes
			command.addAll(List.of(extra.trim().split("\\s+")));
		}
		command.addAll(launch());
		command.addAll(args);
		return command;
	}

	/**
	 * The packaged program ({@code java -jar}, the fat jar or its extracted copy) when
	 * that is what runs, else this class path.
	 */
	private static List<String> launch() {
		String classPath = System.getProperty("java.class.path");
		if (classPath.endsWith(".jar") && !classPath.contains(java.io.File.pathSeparator)) {
			try (java.util.jar.JarFile jar = new java.util.jar.JarFile(classPath)) {
				java.util.jar.Manifest manifest = jar.getManifest();
				String main = (manifest != null) ? manifest.getMainAttributes().getValue("Main-Class") : null;
				if (jar.getEntry("BOOT-INF/") != null || VillageReturnsApplication.class.getName().equals(main)) {
					return List.of("-jar", classPath);
				}
			}
			catch (IOException ex) {
				// not a readable jar: use it as a class path
			}
		}
		return List.of("-cp", classPath, VillageReturnsApplication.class.getName());
	}

	/**
	 * utime + stime, fields 14 and 15 of {@code /proc/PID/stat}, counted after the
	 * command's closing parenthesis (the command may hold spaces), in clock ticks of 10
	 * ms (USER_HZ is 100 on every Linux this runs on).
	 */
	static OptionalLong cpuMillis(Path stat) {
		try {
			String line = Files.readString(stat);
			String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
			return OptionalLong.of((Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10);
		}
		catch (IOException | RuntimeException ex) {
			// not on Linux, or the process just ended
			return OptionalLong.empty();
		}
	}

	private static long highWaterMark(Path status) {
		try {
			for (String line : Files.readAllLines(status)) {
				if (line.startsWith("VmHWM:")) {
					return Long.parseLong(line.replaceAll("[^0-9]", ""));
				}
			}
		}
		catch (IOException | NumberFormatException ex) {
			// not on Linux, or the process just ended
		}
		return 0;
	}

}
