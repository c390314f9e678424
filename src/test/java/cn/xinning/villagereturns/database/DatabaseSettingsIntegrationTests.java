package cn.xinning.villagereturns.database;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import cn.xinning.villagereturns.operations.Cli;
import cn.xinning.villagereturns.support.MariaDb;
import cn.xinning.villagereturns.support.SampleReturn;
import cn.xinning.villagereturns.support.TestRoot;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Settings a county's MariaDB may have, on throw-away databases of the shared server (a
 * session's sql_mode is set through the URL, never the server's global one).
 */
class DatabaseSettingsIntegrationTests {

	final StringWriter out = new StringWriter();

	final StringWriter err = new StringWriter();

	@AfterAll
	static void forgetRoot() {
		System.clearProperty("village-returns.root");
	}

	@Test
	void aLatin1DatabaseIsRefusedBeforeAnyMigrationAndRunsOnceAltered() throws Exception {
		try (MariaDb.TestDatabase database = MariaDb.create("latin1", "character set latin1")) {
			TestRoot root = TestRoot.create("latin1");
			root.drop("湾坝村.csv", SampleReturn.of("430528100201", "2026-10").longFile());

			assertThat(ingest(root, database, database.url())).isEqualTo(2);
			String alter = "ALTER DATABASE `" + database.name() + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin";
			assertThat(this.err.toString()).isEqualTo("数据库 " + database.name()
					+ " 的字符集是 latin1（排序规则 latin1_swedish_ci），需要 utf8mb4 / utf8mb4_bin，否则无法保存中文。数据库未做任何改动。请执行：" + alter
					+ "; 然后重新运行。\nThe database " + database.name()
					+ " has character set latin1 (collation latin1_swedish_ci); the program needs utf8mb4 with"
					+ " utf8mb4_bin to store Chinese names exactly. Nothing was changed. Run: " + alter
					+ "; then start again.\n");
			assertThat(tables(database)).isZero();
			assertThat(root.inbox().resolve("湾坝村.csv")).exists();

			try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
				statement.execute(alter);
			}
			assertThat(ingest(root, database, database.url())).isZero();
			assertThat(this.out.toString()).contains("报表 returns：接收 accepted 1，拒收 rejected 0，重复 duplicate 0");
		}
	}

	@Test
	void aServerInNoBackslashEscapesRunsWithBulkLoading() {
		try (MariaDb.TestDatabase database = MariaDb.create("nbe")) {
			TestRoot root = TestRoot.create("nbe");
			root.drop("湾坝村.csv", SampleReturn.of("430528100201", "2026-10").longFile());

			assertThat(ingest(root, database,
					database.url() + "?allowLoadLocalInfile=true"
							+ "&sessionVariables=sql_mode='STRICT_TRANS_TABLES,NO_BACKSLASH_ESCAPES'"))
				.as(this.err.toString())
				.isZero();
			assertThat(this.out.toString()).contains("报表 returns：接收 accepted 1，拒收 rejected 0，重复 duplicate 0");
		}
	}

	@Test
	void aPasswordWrittenInsideTheUrlIsMasked() {
		TestRoot root = TestRoot.create("url-password");

		assertThat(Cli.run(
				new String[] { "ingest", "--root", root.path().toString(),
						"--spring.datasource.url=jdbc:mysql://root:s3cret@127.0.0.1:1/village_returns",
						"--spring.datasource.hikari.initialization-fail-timeout=1" },
				new PrintWriter(this.out, true), new PrintWriter(this.err, true)))
			.isEqualTo(2);
		assertThat(this.err.toString()).contains("无法连接数据库 jdbc:mysql://root:***@127.0.0.1:1/village_returns")
			.doesNotContain("s3cret");
	}

	private int ingest(TestRoot root, MariaDb.TestDatabase database, String url) {
		this.out.getBuffer().setLength(0);
		this.err.getBuffer().setLength(0);
		return Cli.run(
				new String[] { "ingest", "--root", root.path().toString(), "--as-of", "2026-11-04T10:00",
						"--spring.datasource.url=" + url, "--spring.datasource.username=" + database.user(),
						"--spring.datasource.password=" + database.password() },
				new PrintWriter(this.out, true), new PrintWriter(this.err, true));
	}

	private static int tables(MariaDb.TestDatabase database) throws Exception {
		try (Connection connection = database.connect();
				Statement statement = connection.createStatement();
				ResultSet result = statement
					.executeQuery("select count(*) from information_schema.tables where table_schema = '"
							+ database.name() + "'")) {
			result.next();
			return result.getInt(1);
		}
	}

}
