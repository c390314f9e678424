package cn.xinning.villagereturns.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.core.MessageProperties;

import cn.xinning.villagereturns.support.ChildProgram;
import cn.xinning.villagereturns.support.CrashPointAutoConfiguration;
import cn.xinning.villagereturns.support.MariaDb;
import cn.xinning.villagereturns.support.MultiRunScenario;
import cn.xinning.villagereturns.support.RabbitMq;
import cn.xinning.villagereturns.support.TestRoot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Spec section 11 with real processes: a manager and worker processes of the program,
 * RabbitMQ between them, a MariaDB database and a queue of their own per test. The
 * exports and filed-away files of every scenario are byte for byte those of a local run
 * of the same files.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScaleOutIntegrationTests {

	static final String AS_OF = "2026-11-06T10:00";

	static final String PERIODS = "2026-08..2026-10";

	static final int GRID = 8;

	/** Many small partitions of several chunks each, so that a kill falls inside one. */
	static final List<String> SMALL = List.of("--village-returns.batch.files-per-chunk=10",
			"--village-returns.partitions.grid-size=" + GRID, "--village-returns.partitions.poll-interval=200ms");

	static final String MANAGER = "--village-returns.partitions.mode=manager";

	static final String ONE_THREAD = "--village-returns.partitions.worker-threads=1";

	static final Pattern WORKER_LINE = Pattern.compile("worker (\\S+) listening on queue");

	static final Pattern PARTITION = Pattern
		.compile("(?m)^(\\d+) +(validateFilesPartitionStep:partition\\d+) +(\\w+) .*?(?:\\[([^\\]]+)\\])?$");

	Path work;

	Map<String, byte[]> files;

	/** Exports and filed-away files of the local run. */
	Map<String, byte[]> local;

	@BeforeAll
	void runLocally() throws Exception {
		this.work = TestRoot.create("scale-out").path();
		Path sample = this.work.resolve("sample");
		ChildProgram.Result generated = ChildProgram.run(this.work, "generate", "--out", sample.toString(), "--end",
				"2026-10", "--months", "3", "--seed", "20261104");
		assertThat(generated.status()).as(generated.output()).isZero();
		this.files = files(sample);
		try (MariaDb.TestDatabase db = MariaDb.create("so_local")) {
			Path root = rootWithFiles("local");
			ChildProgram.Result run = ChildProgram.run(this.work,
					args(db, null, "ingest", "--root", root.toString(), "--as-of", AS_OF));
			assertThat(run.status()).as(run.output()).isZero();
			this.local = outcome(db, null, root);
		}
		assertThat(this.local.keySet()).noneMatch((path) -> path.startsWith("inbox/") || path.startsWith("work/"));
	}

	@Test
	void partitionsSpreadOverTwoWorkersWithTheSameOutcomeAsALocalRun() throws Exception {
		try (MariaDb.TestDatabase db = MariaDb.create("so_spread");
				RabbitMq.TestQueue queue = RabbitMq.create("spread")) {
			Path root = rootWithFiles("spread");
			List<ChildProgram> workers = new ArrayList<>();
			try {
				String first = startWorker(workers, db, queue, root, ONE_THREAD);
				String second = startWorker(workers, db, queue, root, ONE_THREAD);

				ChildProgram.Result run = ChildProgram.run(this.work,
						manager(db, queue, "ingest", "--root", root.toString(), "--as-of", AS_OF));

				assertThat(run.status()).as(run.output()).isZero();
				assertThat(run.output()).contains("运行 run #1 已完成 completed");
				List<Partition> partitions = partitions(db, queue, root);
				assertThat(partitions).hasSize(GRID).allMatch((p) -> p.status().equals("COMPLETED"));
				assertThat(partitions.stream().map(Partition::worker).distinct()).containsExactlyInAnyOrder(first,
						second);
				assertSameAsLocal(outcome(db, queue, root));
			}
			finally {
				workers.forEach(ChildProgram::kill);
			}
		}
	}

	@Test
	void aWorkerKilledAfterItsFirstCommitIsContinuedByAnother() throws Exception {
		try (MariaDb.TestDatabase db = MariaDb.create("so_kill"); RabbitMq.TestQueue queue = RabbitMq.create("kill")) {
			Path root = rootWithFiles("kill");
			List<ChildProgram> workers = new ArrayList<>();
			try {
				// the second chunk's insert: the first has committed
				String doomed = startWorker(workers, db, queue, root, ONE_THREAD,
						"--crash-test.pause-at=insert into submission (", "--crash-test.occurrence=2");
				String survivor = startWorker(workers, db, queue, root, ONE_THREAD);
				ChildProgram manager = ChildProgram.start(this.work,
						manager(db, queue, "ingest", "--root", root.toString(), "--as-of", AS_OF));
				workers.get(0).awaitOutput(CrashPointAutoConfiguration.MARK, Duration.ofMinutes(3));

				workers.get(0).kill();

				assertThat(manager.waitFor(Duration.ofMinutes(5))).as(manager.output()).isZero();
				assertThat(manager.output()).contains("运行 run #1 已完成 completed");
				List<Partition> partitions = partitions(db, queue, root);
				assertThat(partitions).hasSize(GRID).allMatch((p) -> p.status().equals("COMPLETED"));
				assertThat(partitions).as("the killed worker's partition was continued by the other")
					.anyMatch((p) -> p.worker().equals(doomed + "," + survivor));
				assertSameAsLocal(outcome(db, queue, root));
			}
			finally {
				workers.forEach(ChildProgram::kill);
			}
		}
	}

	@Test
	void aLostRequestFailsTheRunAndTheRestartRerunsOnlyTheUnfinishedPartitions() throws Exception {
		try (MariaDb.TestDatabase db = MariaDb.create("so_lost"); RabbitMq.TestQueue queue = RabbitMq.create("lost")) {
			Path root = rootWithFiles("lost");
			List<ChildProgram> workers = new ArrayList<>();
			try {
				// a partition has 4 chunks: the 6th insert is in the second partition
				startWorker(workers, db, queue, root, ONE_THREAD, "--crash-test.pause-at=insert into submission (",
						"--crash-test.occurrence=6");
				ChildProgram manager = ChildProgram.start(this.work, manager(db, queue, "ingest", "--root",
						root.toString(), "--as-of", AS_OF, "--village-returns.partitions.timeout=20s"));
				workers.get(0).awaitOutput(CrashPointAutoConfiguration.MARK, Duration.ofMinutes(3));

				workers.get(0).kill();
				// the worker and the requests it would have taken are lost
				await().atMost(Duration.ofSeconds(30)).until(() -> {
					queue.purge();
					return queue.depth(queue.name()) == 0;
				});

				assertThat(manager.waitFor(Duration.ofMinutes(3))).as(manager.output()).isEqualTo(1);
				assertThat(manager.output()).contains("失败 FAILED");
				List<Partition> first = partitions(db, queue, root);
				Set<String> completed = names(first, "COMPLETED");
				assertThat(completed).as(first.toString()).isNotEmpty().hasSizeLessThan(GRID);

				startWorker(workers, db, queue, root);
				ChildProgram.Result restart = ChildProgram.run(this.work,
						manager(db, queue, "restart", "1", "--root", root.toString()));

				assertThat(restart.status()).as(restart.output()).isZero();
				assertThat(restart.output()).contains("运行 run #1 已完成 completed");
				List<Partition> rerun = partitions(db, queue, root).stream().filter((p) -> p.execution() == 2).toList();
				Set<String> rerunNames = names(rerun, "COMPLETED");
				assertThat(rerun).hasSize(GRID - completed.size());
				assertThat(rerunNames).doesNotContainAnyElementsOf(completed);
				Set<String> all = new HashSet<>(completed);
				all.addAll(rerunNames);
				assertThat(all).hasSize(GRID);
				assertSameAsLocal(outcome(db, queue, root));
			}
			finally {
				workers.forEach(ChildProgram::kill);
			}
		}
	}

	@Test
	void twoManagersOnOneRootTakeDisjointFiles() throws Exception {
		try (MariaDb.TestDatabase db = MariaDb.create("so_two"); RabbitMq.TestQueue queue = RabbitMq.create("two")) {
			Path root = this.work.resolve("two-managers");
			Map<String, byte[]> summer = new TreeMap<>();
			Map<String, byte[]> october = new TreeMap<>();
			this.files.forEach((path, bytes) -> (path.startsWith("2026-10/") ? october : summer).put(path, bytes));
			new MultiRunScenario.Step(AS_OF, summer).dropInto(root.resolve("inbox"));
			List<ChildProgram> workers = new ArrayList<>();
			try {
				startWorker(workers, db, queue, root);
				// the first manager has moved its files into its work folder and pauses
				// before recording them
				ChildProgram first = ChildProgram.start(this.work,
						manager(db, queue, "ingest", "--root", root.toString(), "--as-of", AS_OF,
								"--crash-test.pause-at=insert into inbox_file", "--crash-test.pause-millis=15000"));
				first.awaitOutput(CrashPointAutoConfiguration.MARK, Duration.ofMinutes(2));
				new MultiRunScenario.Step(AS_OF, october).dropInto(root.resolve("inbox"));

				ChildProgram.Result second = ChildProgram.run(this.work,
						manager(db, queue, "ingest", "--root", root.toString(), "--as-of", AS_OF));

				assertThat(second.status()).as(second.output()).isZero();
				assertThat(second.output()).contains("运行 run #2 已完成 completed");
				assertThat(first.waitFor(Duration.ofMinutes(5))).as(first.output()).isZero();
				assertThat(first.output()).contains("运行 run #1 已完成 completed");
				Map<Long, Set<String>> claimed = new TreeMap<>();
				try (var connection = db.connect();
						var rows = connection.createStatement()
							.executeQuery("select run_id, relative_path from inbox_file")) {
					while (rows.next()) {
						claimed.computeIfAbsent(rows.getLong(1), (run) -> new HashSet<>()).add(rows.getString(2));
					}
				}
				assertThat(claimed.get(1L)).isEqualTo(summer.keySet());
				assertThat(claimed.get(2L)).isEqualTo(october.keySet());
				// the figures are those of one run; flags were evaluated twice, the
				// first time without October (closed flags are listed)
				Map<String, byte[]> outcome = outcome(db, queue, root);
				outcome.remove("reports/anomalies.csv");
				Map<String, byte[]> expected = new TreeMap<>(this.local);
				expected.remove("reports/anomalies.csv");
				assertSameAs(expected, outcome);
			}
			finally {
				workers.forEach(ChildProgram::kill);
			}
		}
	}

	@Test
	void aPoisonRequestGoesToTheDeadLetterQueue() throws Exception {
		try (MariaDb.TestDatabase db = MariaDb.create("so_poison");
				RabbitMq.TestQueue queue = RabbitMq.create("poison")) {
			Path root = rootWithFiles("poison");
			List<ChildProgram> workers = new ArrayList<>();
			try {
				startWorker(workers, db, queue, root);
				MessageProperties properties = new MessageProperties();
				properties.setContentType(MessageProperties.CONTENT_TYPE_SERIALIZED_OBJECT);
				queue.send(MessageBuilder.withBody("not a request".getBytes(StandardCharsets.UTF_8))
					.andProperties(properties)
					.build());

				await().atMost(Duration.ofSeconds(30)).until(() -> queue.depth(queue.deadLetters()) == 1);
				assertThat(queue.depth(queue.name())).isZero();
			}
			finally {
				workers.forEach(ChildProgram::kill);
			}
		}
	}

	@Test
	void managerAndWorkerRefuseTheEmbeddedDatabase() {
		Path root = this.work.resolve("h2");
		ChildProgram.Result manager = ChildProgram.run(this.work, "ingest", "--root", root.toString(), MANAGER);
		ChildProgram.Result worker = ChildProgram.run(this.work, "worker", "--root", root.toString());

		for (ChildProgram.Result refused : List.of(manager, worker)) {
			assertThat(refused.status()).as(refused.output()).isEqualTo(2);
			assertThat(refused.output()).contains("不能使用内嵌 H2 数据库", "cannot be shared", "spring.datasource.url");
		}
		assertThat(manager.output()).contains("A manager (village-returns.partitions.mode=manager) needs the database");
		assertThat(worker.output()).contains("A worker needs the database");
	}

	/**
	 * @param execution the job execution
	 * @param name partition step name
	 * @param status its status
	 * @param worker who executed it
	 */
	record Partition(int execution, String name, String status, String worker) {
	}

	private List<Partition> partitions(MariaDb.TestDatabase db, RabbitMq.TestQueue queue, Path root) {
		ChildProgram.Result show = ChildProgram.run(this.work,
				args(db, queue, "executions", "show", "1", "--root", root.toString()));
		assertThat(show.status()).as(show.output()).isZero();
		List<Partition> partitions = new ArrayList<>();
		Matcher matcher = PARTITION.matcher(show.output());
		while (matcher.find()) {
			partitions.add(new Partition(Integer.parseInt(matcher.group(1)), matcher.group(2), matcher.group(3),
					(matcher.group(4) != null) ? matcher.group(4) : ""));
		}
		return partitions;
	}

	private static Set<String> names(List<Partition> partitions, String status) {
		Set<String> names = new HashSet<>();
		partitions.stream().filter((p) -> p.status().equals(status)).forEach((p) -> names.add(p.name()));
		return names;
	}

	private String startWorker(List<ChildProgram> workers, MariaDb.TestDatabase db, RabbitMq.TestQueue queue, Path root,
			String... more) throws InterruptedException {
		List<String> command = new ArrayList<>(List.of("worker", "--root", root.toString()));
		command.addAll(SMALL);
		command.addAll(List.of(more));
		ChildProgram worker = ChildProgram.start(this.work, args(db, queue, command.toArray(String[]::new)));
		workers.add(worker);
		worker.awaitOutput("listening on queue", Duration.ofMinutes(2));
		Matcher matcher = WORKER_LINE.matcher(worker.output());
		assertThat(matcher.find()).as(worker.output()).isTrue();
		return matcher.group(1);
	}

	private String[] manager(MariaDb.TestDatabase db, RabbitMq.TestQueue queue, String... command) {
		List<String> all = new ArrayList<>(List.of(command));
		all.add(MANAGER);
		all.addAll(SMALL);
		return args(db, queue, all.toArray(String[]::new));
	}

	private static String[] args(MariaDb.TestDatabase db, RabbitMq.TestQueue queue, String... command) {
		List<String> all = new ArrayList<>(List.of(command));
		all.addAll(List.of("--spring.datasource.url=" + db.url(), "--spring.datasource.username=" + db.user(),
				"--spring.datasource.password=" + db.password(), "--village-returns.inbox.quiet-seconds=0"));
		if (queue != null) {
			all.addAll(List.of(queue.arguments()));
		}
		return all.toArray(String[]::new);
	}

	private Path rootWithFiles(String name) {
		Path root = this.work.resolve(name);
		new MultiRunScenario.Step(AS_OF, this.files).dropInto(root.resolve("inbox"));
		return root;
	}

	private void assertSameAsLocal(Map<String, byte[]> outcome) {
		assertSameAs(this.local, outcome);
	}

	private static void assertSameAs(Map<String, byte[]> expected, Map<String, byte[]> outcome) {
		assertThat(outcome.keySet()).isEqualTo(expected.keySet());
		for (Map.Entry<String, byte[]> file : expected.entrySet()) {
			assertThat(new String(outcome.get(file.getKey()), StandardCharsets.UTF_8)).as(file.getKey())
				.isEqualTo(new String(file.getValue(), StandardCharsets.UTF_8));
		}
	}

	/** The exports of the three months and every file under the root's folders. */
	private Map<String, byte[]> outcome(MariaDb.TestDatabase db, RabbitMq.TestQueue queue, Path root)
			throws IOException {
		Path reports = root.resolve("reports");
		ChildProgram.Result report = ChildProgram.run(this.work, args(db, queue, "report", "--root", root.toString(),
				"--period", PERIODS, "--out", reports.toString(), "--format", "csv"));
		assertThat(report.status()).as(report.output()).isZero();
		Map<String, byte[]> outcome = new TreeMap<>(MultiRunScenario.filedAway(root));
		try (Stream<Path> exports = Files.list(reports)) {
			for (Path export : exports.toList()) {
				outcome.put("reports/" + export.getFileName(), Files.readAllBytes(export));
			}
		}
		return outcome;
	}

	private static Map<String, byte[]> files(Path sample) {
		Map<String, byte[]> files = new TreeMap<>();
		try (Stream<Path> paths = Files.walk(sample)) {
			for (Path path : paths.filter(Files::isRegularFile).toList()) {
				String relative = sample.relativize(path).toString().replace('\\', '/');
				if (relative.matches("2026-\\d\\d/.*")) {
					files.put(relative, Files.readAllBytes(path));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return files;
	}

}
