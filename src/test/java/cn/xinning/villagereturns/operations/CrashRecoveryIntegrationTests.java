package cn.xinning.villagereturns.operations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.xinning.villagereturns.support.ChildProgram;
import cn.xinning.villagereturns.support.CrashPointAutoConfiguration;
import cn.xinning.villagereturns.support.MultiRunScenario;
import cn.xinning.villagereturns.support.TestRoot;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real program in child processes, killed with -9 at each stage of a run (claiming,
 * validating, accepting, aggregating, flagging, filing away), stopped with SIGTERM, and
 * run twice at once. After a restart the exports, the errors files and the archive are
 * byte for byte those of an uninterrupted run, and every input file is in exactly one
 * place. Two processes at once on one root take disjoint files.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrashRecoveryIntegrationTests {

	static final String PERIODS = "2026-08..2026-10";

	static final String HISTORY_AS_OF = "2026-10-04T09:00";

	static final String MONTH_AS_OF = "2026-11-06T10:00";

	/**
	 * Several chunks per step even for a county's month, so that a crash can fall between
	 * two.
	 */
	static final String SMALL_CHUNKS = "--village-returns.batch.files-per-chunk=20";

	static final String SMALL_ACCEPT_CHUNKS = "--village-returns.batch.accept-files-per-chunk=20";

	Path work;

	/** The root after the history run: every scenario starts from a copy of it. */
	Path afterHistory;

	/** October's files, dropped before the run under test. */
	Map<String, byte[]> october;

	/** Exports and filed-away files of the uninterrupted run. */
	Map<String, byte[]> uninterrupted;

	@BeforeAll
	void playTheUninterruptedRun() throws Exception {
		this.work = TestRoot.create("crash").path();
		MultiRunScenario.Step[] steps = months();
		this.afterHistory = this.work.resolve("after-history");
		steps[0].dropInto(this.afterHistory.resolve("inbox"));
		ChildProgram.Result history = ingest(this.afterHistory, HISTORY_AS_OF);
		assertThat(history.status()).as(history.output()).isZero();
		this.october = steps[1].files();

		Path root = copyOf(this.afterHistory, "uninterrupted");
		steps[1].dropInto(root.resolve("inbox"));
		ChildProgram.Result run = ingest(root, MONTH_AS_OF);
		assertThat(run.status()).as(run.output()).isZero();
		assertThat(run.output()).contains("运行 run #2 已完成 completed");
		this.uninterrupted = outcome(root);
		assertThat(this.uninterrupted.keySet())
			.noneMatch((path) -> path.startsWith("inbox/") || path.startsWith("work/"));
		long filed = this.uninterrupted.keySet()
			.stream()
			.filter((path) -> (path.startsWith("archive/") || path.startsWith("rejected/"))
					&& !path.endsWith(".errors.csv"))
			.count();
		assertThat(filed).isEqualTo(steps[0].files().size() + this.october.size());
	}

	@ParameterizedTest(name = "killed while {0}")
	@CsvSource({ "claiming, insert into inbox_file, 1", "validating, insert into submission (, 2",
			"accepting, update submission set state, 2", "aggregating, insert into county_indicator, 1",
			"flagging, delete from flag_evaluation, 1", "filing away, update inbox_file set state = 'filed', 2" })
	void aRunKilledAtAnyStageRestartsToTheSameOutcome(String stage, String statement, int occurrence) throws Exception {
		Path root = copyOf(this.afterHistory, stage.replace(' ', '-'));
		new MultiRunScenario.Step(MONTH_AS_OF, this.october).dropInto(root.resolve("inbox"));
		ChildProgram child = ChildProgram.start(this.work, "ingest", "--root", root.toString(), "--as-of", MONTH_AS_OF,
				"--crash-test.pause-at=" + statement, "--crash-test.occurrence=" + occurrence, SMALL_CHUNKS,
				SMALL_ACCEPT_CHUNKS);
		child.awaitOutput(CrashPointAutoConfiguration.MARK, Duration.ofMinutes(2));

		child.kill();

		assertThat(inputFiles(root)).as("no file is lost by the crash").isEqualTo(inputCount());
		assertThat(run(root, "executions", "--root", root.toString()).output()).containsPattern("(?m)^2 +STARTED ");
		ChildProgram.Result restart = run(root, "restart", "2", "--root", root.toString());
		assertThat(restart.status()).as(restart.output()).isZero();
		assertThat(restart.output()).contains("运行 run #2 已完成 completed");
		assertSameAsUninterrupted(root);
	}

	@Test
	void sigtermStopsTheRunRestartably() throws Exception {
		Path root = copyOf(this.afterHistory, "sigterm");
		new MultiRunScenario.Step(MONTH_AS_OF, this.october).dropInto(root.resolve("inbox"));
		ChildProgram child = ChildProgram.start(this.work, "ingest", "--root", root.toString(), "--as-of", MONTH_AS_OF,
				"--crash-test.pause-at=insert into submission (", "--crash-test.occurrence=2",
				"--crash-test.pause-millis=3000");
		child.awaitOutput(CrashPointAutoConfiguration.MARK, Duration.ofMinutes(2));

		child.terminate();
		int status = child.waitFor(Duration.ofMinutes(2));

		assertThat(child.output()).as("exit status " + status)
			.contains("运行 run #2 已停止 STOPPED", "运行已按要求停止，所有文件都在原处。请运行 restart 2 继续。/ The run was stopped as asked")
			.doesNotContain("OptimisticLockingFailureException", "Exception");
		assertThat(status).isEqualTo(1);
		assertThat(run(root, "executions", "--root", root.toString()).output()).containsPattern("(?m)^2 +STOPPED ");
		assertThat(inputFiles(root)).isEqualTo(inputCount());
		ChildProgram.Result restart = run(root, "restart", "2", "--root", root.toString());
		assertThat(restart.status()).as(restart.output()).isZero();
		assertSameAsUninterrupted(root);
		String steps = run(root, "executions", "show", "2", "--root", root.toString()).output();
		assertThat(steps).contains("执行次数 executions 2").containsPattern("validateFilesStep +STOPPED");
	}

	@Test
	void twoProcessesOnOneRootTakeDisjointFiles() throws Exception {
		Path root = copyOf(this.afterHistory, "concurrent");
		new MultiRunScenario.Step(MONTH_AS_OF, this.october).dropInto(root.resolve("inbox"));
		Path resume = this.work.resolve("concurrent.resume");
		ChildProgram first = ChildProgram.start(this.work, "ingest", "--root", root.toString(), "--as-of", MONTH_AS_OF,
				"--crash-test.pause-at=insert into submission (", "--crash-test.resume-file=" + resume);
		first.awaitOutput(CrashPointAutoConfiguration.MARK, Duration.ofMinutes(2));

		// the first holds the root until the second has come and gone
		ChildProgram.Result second = run(root, "ingest", "--root", root.toString(), "--as-of", MONTH_AS_OF);
		Files.createFile(resume);

		// no single lock: the second runs beside the first, and finds every file claimed
		assertThat(second.status()).as(second.output()).isZero();
		assertThat(second.output()).contains("运行 run #3 已完成 completed", "文件 files：0 个");
		assertThat(first.waitFor(Duration.ofMinutes(2))).isZero();
		assertThat(first.output()).contains("运行 run #2 已完成 completed");
		assertSameAsUninterrupted(root);
	}

	private void assertSameAsUninterrupted(Path root) throws IOException {
		Map<String, byte[]> outcome = outcome(root);
		assertThat(outcome.keySet()).isEqualTo(this.uninterrupted.keySet());
		for (Map.Entry<String, byte[]> file : this.uninterrupted.entrySet()) {
			assertThat(new String(outcome.get(file.getKey()), StandardCharsets.UTF_8)).as(file.getKey())
				.isEqualTo(new String(file.getValue(), StandardCharsets.UTF_8));
		}
	}

	/** The exports of the three months and every file under the root's folders. */
	private Map<String, byte[]> outcome(Path root) throws IOException {
		Path reports = root.resolve("reports");
		ChildProgram.Result report = run(root, "report", "--root", root.toString(), "--period", PERIODS, "--out",
				reports.toString(), "--format", "csv");
		assertThat(report.status()).as(report.output()).isZero();
		Map<String, byte[]> files = new TreeMap<>(MultiRunScenario.filedAway(root));
		try (Stream<Path> exports = Files.list(reports)) {
			for (Path export : exports.toList()) {
				files.put("reports/" + export.getFileName(), Files.readAllBytes(export));
			}
		}
		return files;
	}

	/**
	 * Input files anywhere they may be: inbox, the runs' work folders, archive, rejected.
	 */
	private static long inputFiles(Path root) throws IOException {
		return MultiRunScenario.filedAway(root)
			.keySet()
			.stream()
			.filter((path) -> !path.endsWith(".errors.csv"))
			.count();
	}

	private long inputCount() {
		return this.uninterrupted.keySet()
			.stream()
			.filter((path) -> !path.startsWith("reports/") && !path.endsWith(".errors.csv"))
			.count();
	}

	private ChildProgram.Result ingest(Path root, String asOf) {
		return run(root, "ingest", "--root", root.toString(), "--as-of", asOf);
	}

	private ChildProgram.Result run(Path root, String... args) {
		return ChildProgram.run(this.work, args);
	}

	/**
	 * August and September as history, then October (with the sample's correction and
	 * duplicate).
	 */
	private MultiRunScenario.Step[] months() {
		Path sample = this.work.resolve("sample");
		ChildProgram.Result generated = run(this.work, "generate", "--out", sample.toString(), "--end", "2026-10",
				"--months", "3", "--seed", "20261104");
		assertThat(generated.status()).as(generated.output()).isZero();
		return new MultiRunScenario.Step[] {
				new MultiRunScenario.Step(HISTORY_AS_OF, files(sample, "2026-08", "2026-09")),
				new MultiRunScenario.Step(MONTH_AS_OF, files(sample, "2026-10")) };
	}

	private static Map<String, byte[]> files(Path sample, String... periods) {
		Map<String, byte[]> files = new TreeMap<>();
		for (String period : periods) {
			try (Stream<Path> paths = Files.walk(sample.resolve(period))) {
				for (Path path : paths.filter(Files::isRegularFile).toList()) {
					files.put(sample.relativize(path).toString().replace('\\', '/'), Files.readAllBytes(path));
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return files;
	}

	private Path copyOf(Path root, String name) throws IOException {
		Path copy = this.work.resolve(name);
		if (Files.exists(root)) {
			try (Stream<Path> paths = Files.walk(root)) {
				for (Path path : paths.toList()) {
					Path target = copy.resolve(root.relativize(path).toString());
					if (Files.isDirectory(path)) {
						Files.createDirectories(target);
					}
					else if (!path.getFileName().toString().endsWith(".lock.db")) {
						Files.copy(path, target, StandardCopyOption.REPLACE_EXISTING);
					}
				}
			}
		}
		Files.createDirectories(copy.resolve("inbox"));
		return copy;
	}

}
