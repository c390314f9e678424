package cn.xinning.villagereturns.operations;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import cn.xinning.villagereturns.support.SampleReturn;
import cn.xinning.villagereturns.support.TestRoot;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command line as a clerk or a scheduler uses it, in this JVM: exit status 0 when the
 * run completed, 1 when it failed (restartable), 2 for bad usage or configuration.
 */
class CliIntegrationTests {

	final StringWriter out = new StringWriter();

	final StringWriter err = new StringWriter();

	@AfterAll
	static void forgetRoot() {
		System.clearProperty("village-returns.root");
	}

	@Test
	void helpListsTheCommandsWithoutStartingAnything() {
		assertThat(run("--help")).isZero();
		assertThat(this.out.toString()).contains("ingest", "report", "recompute", "anomalies", "generate",
				"Exit status: 0 completed, 1 failed (restartable), 2 bad usage or configuration.");
	}

	@Test
	void badUsageExitsWithTwo() {
		assertThat(run("ingest", "--no-such-option")).isEqualTo(2);
		assertThat(this.err.toString()).contains("Unknown option: '--no-such-option'");
		assertThat(run()).isEqualTo(2);
	}

	@Test
	void anUnreachableDatabaseExitsWithTwoNamingTheUrlButNotThePassword() {
		TestRoot root = TestRoot.create("cli-db");

		int status = run("ingest", "--root", root.path().toString(),
				"--spring.datasource.url=jdbc:mysql://127.0.0.1:1/village_returns?user=root&password=s3cret",
				"--spring.datasource.hikari.initialization-fail-timeout=1");

		assertThat(status).isEqualTo(2);
		assertThat(this.err.toString())
			.contains("无法连接数据库 jdbc:mysql://127.0.0.1:1/village_returns?user=root&password=***")
			.doesNotContain("s3cret");
	}

	@Test
	void aRunThatCompletesExitsWithZeroAndOneThatFailsWithOne() throws Exception {
		TestRoot root = TestRoot.create("cli-run");
		root.drop("湾坝村.csv", SampleReturn.of("430528100201", "2026-10").longFile());

		assertThat(run("ingest", "--root", root.path().toString(), "--as-of", "2026-11-04T10:00")).isZero();
		assertThat(this.out.toString()).contains("运行 run #1 已完成 completed，业务时间 business time 2026-11-04 10:00:00",
				"报表 returns：接收 accepted 1，拒收 rejected 0，重复 duplicate 0；警告 warnings 0");

		root.drop("江园村.csv", SampleReturn.of("430528100202", "2026-10").longFile());
		Files.writeString(root.path().resolve("archive/2026-11-05"), "a file where the folder should be");
		assertThat(run("ingest", "--root", root.path().toString(), "--as-of", "2026-11-05T10:00")).isEqualTo(1);
		assertThat(this.out.toString()).contains("运行 run #2 失败 FAILED（可用 restart 2 从中断处重跑）");
	}

	@Test
	void aBusinessTimeThatIsNotADateExitsWithTwo() {
		TestRoot root = TestRoot.create("cli-asof");

		assertThat(run("ingest", "--root", root.path().toString(), "--as-of", "yesterday")).isEqualTo(2);
		assertThat(this.err.toString()).contains("--as-of \"yesterday\" is not an ISO-8601 date-time");
	}

	@Test
	@Timeout(120)
	void aRegistryGivenAsAPlainPathIsReadAndADefectiveOneIsRefusedWithTwoBeforeAnyFileIsTaken() throws Exception {
		TestRoot root = TestRoot.create("cli-registry");
		Path registry = root.path().resolve("county/villages.csv");
		Files.createDirectories(registry.getParent());
		Files.writeString(registry,
				"village_code,village_name,township_code,township_name,kind,households,population\n"
						+ "430528100201,湾坝村,430528100,金石镇,村,177,647\n" + "430528100202,江园村,430528100,金石镇,村,351,1428\n"
						+ "430528100201,湾坝村,430528100,金石镇,村,177,647\n");
		root.drop("湾坝村.csv", SampleReturn.of("430528100201", "2026-10").longFile());

		assertThat(run("ingest", "--root", root.path().toString(), "--as-of", "2026-11-04T10:00",
				"--village-returns.registry=" + registry))
			.isEqualTo(2);
		assertThat(this.err.toString()).contains("The village registry " + registry + " has 1 problem",
				"line 4: village_code 430528100201 is already on line 2");
		assertThat(root.inbox().resolve("湾坝村.csv")).exists();
		// the watcher refuses it at start too, not when the next file arrives
		assertThat(run("watch", "--root", root.path().toString(), "--village-returns.registry=" + registry))
			.isEqualTo(2);

		Files.writeString(registry, "village_code,village_name,township_code,township_name,kind,households,population\n"
				+ "430528100201,湾坝村,430528100,金石镇,村,177,647\n" + "430528100202,江园村,430528100,金石镇,村,351,1428\n");
		assertThat(run("ingest", "--root", root.path().toString(), "--as-of", "2026-11-04T10:00",
				"--village-returns.registry=" + registry))
			.isZero();
		assertThat(this.out.toString()).contains("报表 returns：接收 accepted 1，拒收 rejected 0");
	}

	@Test
	void reportWritesTheExportsOfAPeriod() throws Exception {
		TestRoot root = TestRoot.create("cli-report");
		root.drop("湾坝村.csv", SampleReturn.of("430528100201", "2026-10").longFile());
		run("ingest", "--root", root.path().toString(), "--as-of", "2026-11-04T10:00");
		Path reports = root.path().resolve("reports");

		assertThat(run("report", "--root", root.path().toString(), "--period", "2026-10", "--out", reports.toString(),
				"--format", "csv"))
			.isZero();

		assertThat(Files.list(reports).map((p) -> p.getFileName().toString()).sorted().toList()).containsExactly(
				"anomalies.csv", "completeness.csv", "county_indicators.csv", "issues_summary.csv",
				"township_indicators.csv", "village_values.csv");
		List<String> completeness = Files.readAllLines(reports.resolve("completeness.csv"), StandardCharsets.UTF_8);
		assertThat(completeness).contains("2026-10,COUNTY,430528,311,1,1,0.3,0.3",
				"2026-10,TOWNSHIP,430528100,30,1,1,3.3,3.3");
		assertThat(run("report", "--root", root.path().toString(), "--period", "2026-13", "--out", reports.toString()))
			.isEqualTo(2);
	}

	private int run(String... args) {
		return Cli.run(args, new PrintWriter(this.out, true), new PrintWriter(this.err, true));
	}

}
