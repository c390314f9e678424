package cn.xinning.villagereturns.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.xinning.villagereturns.operations.Cli;

/**
 * The {@code generate} command: options, determinism, what it prints, where it refuses to
 * write.
 */
class GenerateCommandTests {

	@TempDir
	Path temp;

	@Test
	void sameSeedWritesByteIdenticalSamples() throws Exception {
		Path first = this.temp.resolve("first");
		Path second = this.temp.resolve("second");
		assertThat(Samples.generate(first).exitCode()).isZero();
		assertThat(Samples.generate(second).exitCode()).isZero();
		Map<String, String> a = hashes(first);
		Map<String, String> b = hashes(second);
		assertThat(a).containsKeys("MANIFEST.md", "planted.csv", "2026-10", "2025-10").hasSizeGreaterThan(1000);
		assertThat(b).isEqualTo(a);
	}

	@Test
	void anotherSeedWritesOtherValuesInTheSameCounty() throws Exception {
		Path first = this.temp.resolve("seed1");
		Path second = this.temp.resolve("seed2");
		assertThat(Samples.generate(first, "--seed", "1", "--months", "2").exitCode()).isZero();
		assertThat(Samples.generate(second, "--seed", "2", "--months", "2").exitCode()).isZero();
		Map<String, String> a = hashes(first);
		Map<String, String> b = hashes(second);
		assertThat(a).isNotEqualTo(b);
		assertThat(a.get("planted.csv")).isNotEqualTo(b.get("planted.csv"));
	}

	@Test
	void printsWhatItWroteInChineseAndEnglish() {
		Samples.Run run = Samples.generate(this.temp.resolve("out"));
		assertThat(run.exitCode()).isZero();
		int files = (int) Samples.files(this.temp.resolve("out"))
			.stream()
			.filter((p) -> p.getNameCount() > 1 && !p.startsWith("ledgers"))
			.count();
		assertThat(run.out()).contains("已生成样例数据 / Sample written: ")
			.contains("报告期 / periods: 2025-10 .. 2026-10 (13)")
			.contains("文件 / files: " + files + " ")
			.contains("月报 / returns: " + (Samples.VILLAGES * 13 - 1))
			.contains("埋设问题 / planted problems: " + Samples.planted(this.temp.resolve("out")).size() + " ");
		assertThat(run.err()).isEmpty();
	}

	@Test
	void endAndMonthsChooseThePeriods() {
		Path out = this.temp.resolve("short");
		assertThat(Samples.generate(out, "--end", "2026-03", "--months", "3", "--no-problems").exitCode()).isZero();
		assertThat(Samples.files(out).stream().map((p) -> p.getName(0).toString()).distinct().sorted())
			.containsExactly("2026-01", "2026-02", "2026-03", "MANIFEST.md", "ledgers", "planted.csv");
	}

	@Test
	void replacesAnEarlierSampleButNoOtherFolder() throws Exception {
		Path out = this.temp.resolve("again");
		assertThat(Samples.generate(out, "--months", "3", "--no-problems").exitCode()).isZero();
		assertThat(Samples.generate(out, "--months", "1", "--no-problems").exitCode()).isZero();
		assertThat(Files.list(out).map((p) -> p.getFileName().toString()).sorted()).containsExactly("2026-10",
				"MANIFEST.md", "ledgers", "planted.csv");

		Path other = this.temp.resolve("other");
		Files.createDirectories(other);
		Files.writeString(other.resolve("notes.txt"), "mine");
		assertThat(run("generate", "--out", other.toString())).isEqualTo(Cli.USAGE);
		assertThat(Files.list(other).map((p) -> p.getFileName().toString())).containsExactly("notes.txt");
	}

	@Test
	void badOptionsAreUsageErrors() {
		Path out = this.temp.resolve("bad");
		assertThat(run("generate", "--out", out.toString(), "--end", "2026-13")).isEqualTo(Cli.USAGE);
		assertThat(run("generate", "--out", out.toString(), "--months", "0")).isEqualTo(Cli.USAGE);
		assertThat(run("generate", "--out", out.toString(), "--registry", this.temp.resolve("none.csv").toString()))
			.isEqualTo(Cli.USAGE);
		assertThat(Files.exists(out)).isFalse();
	}

	@Test
	void runsFromTheProgramsCommandLineWithoutSpring() {
		StringWriter out = new StringWriter();
		int exit = Cli.run(new String[] { "generate", "--out", this.temp.resolve("cli").toString(), "--months", "1" },
				new PrintWriter(out, true), new PrintWriter(new StringWriter(), true));
		assertThat(exit).isEqualTo(Cli.OK);
		assertThat(out.toString()).contains("月报 / returns: " + (Samples.VILLAGES - 1));
	}

	@Test
	void readsTheRegistryAndCatalogueGiven() throws Exception {
		Path registry = this.temp.resolve("villages.csv");
		Files.writeString(registry,
				"\uFEFFvillage_code,village_name,township_code,township_name,kind,households,"
						+ "population,valid_from,valid_to\n" + "430528999201,甲村,430528999,测试镇,村,300,1000,,\n"
						+ "430528999202,乙村,430528999,测试镇,村,200,800,2026-10,\n",
				StandardCharsets.UTF_8);
		Path out = this.temp.resolve("small");
		assertThat(
				Samples.generate(out, "--registry", registry.toString(), "--months", "2", "--no-problems").exitCode())
			.isZero();
		List<SampleFiles.ReadFile> files = SampleFiles.readAll(out, Samples.catalogue());
		assertThat(files.stream()
			.flatMap((f) -> f.cells().stream())
			.map((c) -> c.villageText() + " " + c.period())
			.distinct()
			.sorted()).containsExactly("430528999201 2026-09", "430528999201 2026-10", "430528999202 2026-10");
	}

	/**
	 * A one-month sample still gets every problem that needs no history, and they are
	 * found exactly.
	 */
	@Test
	void shortSampleStillPlantsWhatFits() {
		Path out = this.temp.resolve("one");
		assertThat(Samples.generate(out, "--months", "1").exitCode()).isZero();
		List<Samples.Planted> planted = Samples.planted(out);
		assertThat(planted).extracting(Samples.Planted::rule)
			.contains("V-INDICATOR", "V-VILLAGE", "V-REQUIRED", "V-NUMBER", "V-ISSUES", "W-WEEKLY", "MISSING_RETURN",
					"SAME_SHA256", "SUPERSEDES_EARLIER")
			.doesNotContain("OUTLIER_HISTORY", "STOCK_CHANGE", "COPIED_RETURN");
		SampleCatalogue catalogue = Samples.catalogue();
		MiniPipeline.Outcome outcome = MiniPipeline.run(SampleFiles.readAll(out, catalogue), Samples.villages(),
				catalogue);
		assertThat(outcome.errors())
			.extracting(MiniPipeline.Problem::file, MiniPipeline.Problem::line, MiniPipeline.Problem::rule)
			.containsExactlyInAnyOrderElementsOf(planted.stream()
				.filter((p) -> p.kind().equals("ERROR"))
				.map((p) -> org.assertj.core.groups.Tuple.tuple(p.file(), p.lineNumber(), p.rule()))
				.toList());
		assertThat(outcome.duplicates()).hasSize(1);
	}

	private static int run(String... args) {
		return Cli.run(args, new PrintWriter(new StringWriter(), true), new PrintWriter(new StringWriter(), true));
	}

	/** Path to SHA-256 of every file (and a marker for each folder). */
	private static Map<String, String> hashes(Path root) throws Exception {
		Map<String, String> hashes = new TreeMap<>();
		try (var walk = Files.walk(root)) {
			for (Path path : walk.filter((p) -> !p.equals(root)).toList()) {
				String key = root.relativize(path).toString().replace('\\', '/');
				hashes.put(key, Files.isDirectory(path) ? "/" : SampleFiles.sha256(Files.readAllBytes(path)));
			}
		}
		return hashes;
	}

}
