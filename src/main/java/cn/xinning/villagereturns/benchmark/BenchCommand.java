package cn.xinning.villagereturns.benchmark;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.util.FileSystemUtils;

import cn.xinning.villagereturns.operations.Cli;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench}: what a month's run costs at a chosen scale, against the floor. In a
 * fresh root, a synthetic registry and twelve months of accepted history are put in place
 * (untimed), then the real {@code ingest} of one month is timed as a child process (JVM
 * start, claim, validate, accept, aggregate, flag, file away), with its peak memory and
 * the statements it sent; then the floor (the same values loaded the fastest way, and
 * totalled) on the same database.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, description = { "性能测试：在新的根目录中按给定规模计时一个月的完整处理，并与最快装载方式对比。",
		"Benchmark: time one month's ingest at a scale, against the fastest way to load the same values." })
public class BenchCommand implements Callable<Integer>, Cli.Standalone {

	private static final Map<String, Integer> SCALES = Map.of("county", 311, "province", 25_000, "nation", 490_000);

	private static final Pattern STEP = Pattern.compile("(\\d/\\d) \\S+ (\\S+) .*COMPLETED\\s+([0-9.]+)s");

	private static final Pattern STATEMENTS = Pattern.compile("STATEMENTS executions=(\\d+) batched-rows=(\\d+)");

	private static final Pattern WORKER = Pattern.compile("PartitionStep:\\S+ +COMPLETED .*\\[([^\\]]+)\\]$",
			Pattern.MULTILINE);

	/** The job's own time, start to end (RunProgress): its last steps overlap. */
	private static final Pattern JOB = Pattern.compile("作业 job\\s+COMPLETED\\s+([0-9.]+)s");

	private static final Pattern FLOOR = Pattern.compile("FLOOR rows=(\\d+) load_ms=(\\d+) aggregate_ms=(\\d+)");

	@Option(names = "--scale", defaultValue = "county", paramLabel = "SCALE",
			description = "county (311 villages), province (25000), nation (490000), or a number of villages.")
	String scale;

	@Option(names = "--database", split = ",", defaultValue = "h2", paramLabel = "DB",
			description = "h2, mariadb or both (h2,mariadb). Default: h2.")
	List<String> databases;

	@Option(names = "--history-months", defaultValue = "12", description = "Months of accepted history (0: none).")
	int historyMonths;

	@Option(names = "--month", defaultValue = "2026-10", description = "The (last) month timed.")
	YearMonth month;

	@Option(names = "--run-months", defaultValue = "1",
			description = "Months of files in the timed run (a backfill): files = villages x this.")
	int runMonths;

	@Option(names = "--ledger-rows", defaultValue = "10",
			description = "Issue ledger rows per village in the timed month, one ledger file per village (0: none).")
	int ledgerRows;

	@Option(names = "--out", defaultValue = "bench", description = "Folder for the roots and the results.")
	Path out;

	@Option(names = "--heap", defaultValue = "512m", description = "-Xmx of the timed run. Default: 512m.")
	String heap;

	@Option(names = "--keep", description = "Keep the MariaDB database afterwards (to look into a run).")
	boolean keep;

	@Option(names = "--history-cache",
			description = "H2 only: keep the loaded history's database in <out>/cache and start later runs of the same scale, months and build from a copy of it (the load takes minutes at a province).")
	boolean historyCache;

	@Option(names = "--mariadb-url", defaultValue = "jdbc:mysql://127.0.0.1:3306/", description = "MariaDB server.")
	String mariadbUrl;

	@Option(names = "--workers", defaultValue = "0",
			description = "Worker processes (MariaDB only): the timed run is a manager, partitions run on the workers over RabbitMQ.")
	int workers;

	@Option(names = "--rabbitmq-host", defaultValue = "127.0.0.1", description = "RabbitMQ for --workers.")
	String rabbitmqHost;

	@Option(names = "--mariadb-user", defaultValue = "root")
	String mariadbUser;

	@Option(names = "--mariadb-password", defaultValue = "")
	String mariadbPassword;

	@Spec
	picocli.CommandLine.Model.CommandSpec spec;

	/**
	 * One measurement.
	 *
	 * @param database h2 or mariadb
	 * @param villages villages (= files)
	 * @param values values of the month
	 * @param historySeconds untimed history load
	 * @param run the timed ingest
	 * @param steps seconds per step
	 * @param executions statements sent
	 * @param floorMillis the floor, load plus totals
	 * @param floorLoadMillis the floor's load alone
	 * @param shares partitions each worker executed (empty without workers)
	 */
	record Measurement(String database, int villages, long values, double historySeconds, ChildJvm.Result run,
			Map<String, Double> steps, long executions, long floorMillis, long floorLoadMillis, String shares,
			OptionalLong serverCpuMillis) {

		/**
		 * The job's time as the run printed it; the sum of the steps' from a build that
		 * printed none (its steps ran one after another).
		 */
		double jobSeconds() {
			Matcher job = JOB.matcher(this.run.output());
			return job.find() ? Double.parseDouble(job.group(1))
					: this.steps.values().stream().mapToDouble(Double::doubleValue).sum();
		}

	}

	@Override
	public Integer call() throws Exception {
		PrintWriter console = this.spec.commandLine().getOut();
		int villages = SCALES.containsKey(this.scale) ? SCALES.get(this.scale) : Integer.parseInt(this.scale);
		if (this.workers > 0 && !this.databases.stream().allMatch("mariadb"::equalsIgnoreCase)) {
			throw new IllegalArgumentException("--workers needs --database mariadb: workers cannot share H2");
		}
		List<Measurement> results = new ArrayList<>();
		for (String database : this.databases) {
			console.printf("== %s: %d villages on %s%n", this.scale, villages, database);
			console.flush();
			results.add(measure(database.toLowerCase(Locale.ROOT), villages, console));
		}
		String table = table(results);
		console.println();
		console.print(table);
		Files.createDirectories(this.out);
		Files.writeString(this.out.resolve("results-" + this.scale + ".md"), table, StandardCharsets.UTF_8);
		return results.stream().allMatch((m) -> m.run().status() == 0) ? Cli.OK : Cli.FAILED;
	}

	private Measurement measure(String database, int villages, PrintWriter console) throws Exception {
		Path root = this.out.resolve(this.scale + "-" + database).toAbsolutePath();
		FileSystemUtils.deleteRecursively(root);
		Files.createDirectories(root.resolve("inbox"));
		SyntheticCounty county = new SyntheticCounty(villages);
		county.writeRegistry(root.resolve("registry.csv"));
		List<String> common = new ArrayList<>(
				List.of("--root", root.toString(), "--village-returns.registry=file:" + root.resolve("registry.csv")));
		String databaseName = null;
		if (database.equals("mariadb")) {
			// the process id in the name: benches started at once on one server (by
			// several people) must never drop each other's database
			databaseName = "vr_bench_" + this.scale.replaceAll("\\W", "") + "_" + ProcessHandle.current().pid();
			console.printf("   database: %s%n", databaseName);
			execute("drop database if exists " + databaseName);
			execute("create database " + databaseName + " character set utf8mb4 collate utf8mb4_bin");
			common.add("--spring.datasource.url=" + this.mariadbUrl + databaseName
					+ "?rewriteBatchedStatements=true&allowLoadLocalInfile=true");
			common.add("--spring.datasource.username=" + this.mariadbUser);
			common.add("--spring.datasource.password=" + this.mariadbPassword);
		}
		try {
			double historySeconds = 0;
			Path cache = (this.historyCache && database.equals("h2")) ? historyCache(villages) : null;
			if (cache != null && Files.isDirectory(cache)) {
				FileSystemUtils.copyRecursively(cache, root.resolve("db"));
				console.printf("   history: %d months copied from %s (loaded untimed before)%n", this.historyMonths,
						cache);
			}
			else if (this.historyMonths > 0) {
				List<String> load = new ArrayList<>(List.of("bench-load", "--villages", String.valueOf(villages),
						"--first", firstTimed().minusMonths(this.historyMonths).toString(), "--last",
						firstTimed().minusMonths(1).toString()));
				load.addAll(common);
				ChildJvm.Result loaded = ChildJvm.run("2g", load);
				check(loaded, "bench-load");
				historySeconds = loaded.wallMillis() / 1000.0;
				console.printf("   history: %d months loaded (untimed) in %.1f s%n", this.historyMonths,
						historySeconds);
				if (cache != null) {
					// copied beside it and then renamed: a bench stopped during the copy
					// must not leave a partial history for the next run to start from
					Path partial = cache.resolveSibling(cache.getFileName() + ".partial");
					FileSystemUtils.deleteRecursively(partial);
					FileSystemUtils.copyRecursively(root.resolve("db"), partial);
					Files.move(partial, cache, StandardCopyOption.ATOMIC_MOVE);
				}
			}
			for (YearMonth timed = firstTimed(); !timed.isAfter(this.month); timed = timed.plusMonths(1)) {
				county.writeMonth(root.resolve("inbox"), timed);
				county.writeLedgers(root.resolve("inbox"), timed, this.ledgerRows);
			}
			county.writeFloorValues(root.resolve("floor-values.csv"), firstTimed(), this.month);
			List<String> ingest = new ArrayList<>(List.of("ingest", "--as-of",
					this.month.plusMonths(1).atDay(4).atTime(10, 0).toString(),
					"--village-returns.inbox.quiet-seconds=0", "--village-returns.bench.count-statements=true"));
			ingest.addAll(common);
			List<ChildJvm.Running> started = new ArrayList<>();
			ChildJvm.Result run;
			OptionalLong serverCpu;
			String shares = "";
			try {
				if (this.workers > 0) {
					List<String> cluster = List.of("--spring.rabbitmq.host=" + this.rabbitmqHost,
							"--village-returns.partitions.queue=vr-bench-" + this.scale.replaceAll("\\W", ""));
					ingest.addAll(cluster);
					ingest.add("--village-returns.partitions.mode=manager");
					ingest.add("--village-returns.partitions.poll-interval=200ms");
					for (int i = 0; i < this.workers; i++) {
						List<String> worker = new ArrayList<>(List.of("worker"));
						worker.addAll(common);
						worker.addAll(cluster);
						started.add(ChildJvm.start(this.heap, worker));
					}
					for (ChildJvm.Running worker : started) {
						worker.await("listening on queue");
					}
				}
				Optional<ServerProcess> server = database.equals("mariadb") ? ServerProcess.local(this.mariadbUrl)
						: Optional.empty();
				OptionalLong serverBefore = server.map(ServerProcess::cpuMillis).orElseGet(OptionalLong::empty);
				run = ChildJvm.run(this.heap, ingest);
				serverCpu = server.map((p) -> p.cpuMillisSince(serverBefore)).orElseGet(OptionalLong::empty);
				check(run, "ingest");
				if (this.workers > 0) {
					List<String> show = new ArrayList<>(List.of("executions", "show", "1"));
					show.addAll(common);
					shares = shares(ChildJvm.run("256m", show).output());
					console.printf("   partitions per worker: %s%n", shares);
				}
			}
			finally {
				for (ChildJvm.Running worker : started) {
					worker.stop();
				}
			}
			console.printf("   ingest: %.1f s wall, %.1f s processor, peak RSS %d MiB; database server: %s%n",
					run.wallMillis() / 1000.0, run.cpuMillis() / 1000.0, run.peakRssKb() / 1024,
					serverCpu.isPresent() ? seconds(serverCpu) + " s processor" : "processor time not known");
			List<String> floorArgs = new ArrayList<>(
					List.of("bench-floor", "--values", root.resolve("floor-values.csv").toString()));
			floorArgs.addAll(common);
			ChildJvm.Result floor = ChildJvm.run("1g", floorArgs);
			check(floor, "bench-floor");
			Matcher f = FLOOR.matcher(floor.output());
			Matcher s = STATEMENTS.matcher(run.output());
			if (!f.find() || !s.find()) {
				throw new IllegalStateException("Unexpected output:\n" + run.output() + floor.output());
			}
			Map<String, Double> steps = new LinkedHashMap<>();
			Matcher step = STEP.matcher(run.output());
			while (step.find()) {
				steps.put(step.group(2), Double.parseDouble(step.group(3)));
			}
			long values = (long) villages * county.valuesPerReturn() * this.runMonths;
			return new Measurement(database, villages, values, historySeconds, run, steps, Long.parseLong(s.group(1)),
					Long.parseLong(f.group(2)) + Long.parseLong(f.group(3)), Long.parseLong(f.group(2)), shares,
					serverCpu);
		}
		finally {
			if (databaseName != null && !this.keep) {
				execute("drop database if exists " + databaseName);
			}
		}
	}

	/**
	 * {@code host:pid=N, ...}: the partitions each worker executed, from
	 * {@code executions show}.
	 */
	static String shares(String executionsShow) {
		Map<String, Integer> counts = new java.util.TreeMap<>();
		Matcher worker = WORKER.matcher(executionsShow);
		while (worker.find()) {
			for (String each : worker.group(1).split(",")) {
				counts.merge(each, 1, Integer::sum);
			}
		}
		return counts.entrySet()
			.stream()
			.map((e) -> e.getKey() + "=" + e.getValue())
			.collect(java.util.stream.Collectors.joining(", "));
	}

	/**
	 * Where the H2 history of this scale, these months and this build is kept; null when
	 * the build cannot be told (not run from a jar), as a copy from another build's
	 * history could hold figures its code no longer computes.
	 */
	private Path historyCache(int villages) throws java.io.IOException {
		if (this.historyMonths == 0) {
			return null;
		}
		Path jar = Path.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator)[0]);
		if (!jar.toString().endsWith(".jar") || !Files.isRegularFile(jar)) {
			return null;
		}
		String build = Files.getLastModifiedTime(jar).toMillis() + "-" + Files.size(jar);
		return this.out.resolve("cache")
			.resolve(villages + "-" + firstTimed().minusMonths(this.historyMonths) + "-" + firstTimed().minusMonths(1)
					+ "-" + build)
			.toAbsolutePath();
	}

	private YearMonth firstTimed() {
		return this.month.minusMonths(Math.max(1, this.runMonths) - 1L);
	}

	/** Seconds to a tenth, or {@code n/a} where the time is not known. */
	static String seconds(OptionalLong millis) {
		return millis.isPresent() ? String.format(Locale.ROOT, "%.1f", millis.getAsLong() / 1000.0) : "n/a";
	}

	private static void check(ChildJvm.Result result, String what) {
		if (result.status() != 0) {
			throw new IllegalStateException(what + " exited with " + result.status() + ":\n" + result.output());
		}
	}

	private void execute(String sql) throws SQLException {
		try (Connection connection = DriverManager.getConnection(this.mariadbUrl, this.mariadbUser,
				this.mariadbPassword)) {
			connection.createStatement().execute(sql);
		}
	}

	private String table(List<Measurement> results) {
		StringBuilder table = new StringBuilder();
		table.append("| scale | database | files | values | wall incl. JVM (s) | processor (s) | "
				+ "server processor (s) | job (s) | values/s | claim | validate | accept | aggregate | flag | "
				+ "flag issues | file away | peak RSS (MiB) | statements / 1000 values | floor (s) | "
				+ "pipeline / floor | ledger rows |\n");
		table.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
		for (Measurement m : results) {
			double job = m.jobSeconds();
			table.append(String.format(Locale.ROOT,
					"| %s | %s | %d | %d | %.1f | %.1f | %s | %.1f | %.0f | %s | %s | %s | %s | %s | %s | %s | %d | %.1f | %.2f | %.1f |"
							+ " %d |%n",
					this.scale, m.database(), m.villages() * this.runMonths * ((this.ledgerRows > 0) ? 2 : 1),
					m.values(), m.run().wallMillis() / 1000.0, m.run().cpuMillis() / 1000.0,
					seconds(m.serverCpuMillis()), job, m.values() / job, step(m, "claim"), step(m, "validate"),
					step(m, "accept"), step(m, "aggregate"), step(m, "flag"), step(m, "issues"), step(m, "file"),
					m.run().peakRssKb() / 1024, m.executions() * 1000.0 / m.values(), m.floorMillis() / 1000.0,
					job * 1000.0 / Math.max(1, m.floorMillis()),
					(long) m.villages() * this.runMonths * this.ledgerRows));
		}
		for (Measurement m : results) {
			if (!m.shares().isEmpty()) {
				table.append(String.format(Locale.ROOT, "%nManager and %d workers on %s; partitions per worker: %s%n",
						this.workers, m.database(), m.shares()));
			}
		}
		return table.toString();
	}

	private static String step(Measurement m, String name) {
		Double seconds = m.steps().get(name);
		return (seconds != null) ? String.format(Locale.ROOT, "%.1f", seconds) : "-";
	}

}
