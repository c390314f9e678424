package cn.xinning.villagereturns.database;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import cn.xinning.villagereturns.aggregation.Aggregator;
import cn.xinning.villagereturns.ingest.IngestService;
import cn.xinning.villagereturns.ingest.IngestSummary;
import cn.xinning.villagereturns.reporting.ReportFormat;
import cn.xinning.villagereturns.reporting.ReportService;
import cn.xinning.villagereturns.support.MariaDb;
import cn.xinning.villagereturns.support.PeriodRange;
import cn.xinning.villagereturns.support.SampleReturn;
import cn.xinning.villagereturns.support.StatementInterceptor;
import cn.xinning.villagereturns.support.TestRoot;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On the real MariaDB, the run's connection is killed (MariaDB {@code KILL}) in the
 * middle of recomputing a period: after the township table was rewritten and before the
 * county table was. The run ends FAILED and restartable, the exports still show the
 * period as it was before the run (never half of it), and the restarted run completes to
 * the figures of an uninterrupted one.
 */
@SpringBootTest
class ConnectionLossIntegrationTests {

	static final TestRoot root = TestRoot.create("connection-loss");

	static MariaDb.TestDatabase database;

	/**
	 * The statement at which the connection running it is killed, once; null when
	 * disarmed.
	 */
	static final AtomicReference<String> killAt = new AtomicReference<>();

	@BeforeAll
	static void createDatabase() {
		database = MariaDb.create("loss");
	}

	@AfterAll
	static void dropDatabase() {
		if (database != null) {
			database.close();
		}
	}

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry properties) {
		properties.add("village-returns.root", () -> root.path().toString());
		properties.add("spring.datasource.url", () -> database.url());
		properties.add("spring.datasource.username", () -> database.user());
		properties.add("spring.datasource.password", () -> database.password());
	}

	@Autowired
	IngestService ingest;

	@Autowired
	ReportService reports;

	@Autowired
	Aggregator aggregator;

	@Test
	void aRunWhoseConnectionIsKilledEndsFailedShowsNoHalfPeriodAndRestartsToTheSameFigures() throws Exception {
		for (String village : List.of("430528100201", "430528100202", "430528100203")) {
			root.drop(village + ".csv", SampleReturn.of(village, "2026-09").longFile());
		}
		assertThat(run("2026-10-04T09:00").status()).isEqualTo("COMPLETED");
		Map<String, String> before = tables();
		assertThat(before.get("county_indicators.csv")).contains("\r\n2026-09,430528,HOME_VISITS,1236,1236,3,311\r\n");

		root.drop("更正/430528100201.csv",
				SampleReturn.of("430528100201", "2026-09").with("HOME_VISITS", "500").longFile());
		root.drop("430528100204.csv", SampleReturn.of("430528100204", "2026-09").longFile());
		killAt.set("insert into county_indicator");
		IngestSummary failed = run("2026-10-06T09:00");

		assertThat(killAt.get()).as("the connection was killed").isNull();
		assertThat(failed.status()).isEqualTo("FAILED");
		assertThat(tables()).as("the tables still show September as before the run").isEqualTo(before);
		assertThat(this.aggregator.pending(YearMonth.of(2026, 9), YearMonth.of(2026, 9)))
			.containsExactly(YearMonth.of(2026, 9));
		// filing away runs beside the totals and flags, and needs nothing of them: the
		// files whose returns were accepted are in their final places already
		assertThat(root.files()).containsExactly("archive/2026-10-04/430528100201.csv",
				"archive/2026-10-04/430528100202.csv", "archive/2026-10-04/430528100203.csv",
				"archive/2026-10-06/430528100204.csv", "archive/2026-10-06/更正/430528100201.csv");

		IngestSummary restarted = this.ingest.restart(failed.runId());

		assertThat(restarted.status()).isEqualTo("COMPLETED");
		assertThat(List.of(restarted.files(), restarted.archived(), restarted.returnsAccepted())).containsExactly(2, 2,
				2);
		// 500 + 412 + 412 + 412, four of 311 villages
		assertThat(tables().get("county_indicators.csv"))
			.contains("\r\n2026-09,430528,HOME_VISITS,1736,1736,4,311\r\n");
		assertThat(tables().get("completeness.csv")).contains("\r\n2026-09,COUNTY,430528,311,4,3,1.3,1\r\n");
		assertThat(this.aggregator.pending(YearMonth.of(2026, 9), YearMonth.of(2026, 9))).isEmpty();
		assertThat(root.files()).containsExactly("archive/2026-10-04/430528100201.csv",
				"archive/2026-10-04/430528100202.csv", "archive/2026-10-04/430528100203.csv",
				"archive/2026-10-06/430528100204.csv", "archive/2026-10-06/更正/430528100201.csv");
	}

	private IngestSummary run(String asOf) throws Exception {
		return this.ingest.ingest(Optional.of(LocalDateTime.parse(asOf)));
	}

	/** The three tables a period's recomputation writes. */
	private Map<String, String> tables() throws Exception {
		Path folder = root.path().resolve("reports");
		this.reports.write(PeriodRange.parse("2026-09"), folder, List.of(ReportFormat.CSV));
		Map<String, String> tables = new LinkedHashMap<>();
		for (String name : List.of("township_indicators.csv", "county_indicators.csv", "completeness.csv")) {
			tables.put(name, Files.readString(folder.resolve(name), StandardCharsets.UTF_8));
		}
		return tables;
	}

	@TestConfiguration
	static class KillingDataSource {

		/** The statement named by {@link #killAt} kills its own connection, once. */
		@Bean
		static BeanPostProcessor connectionKiller() {
			return StatementInterceptor.beforePrepare((connection, sql) -> {
				String trigger = killAt.get();
				if (trigger != null && sql.toLowerCase(Locale.ROOT).startsWith(trigger)
						&& killAt.compareAndSet(trigger, null)) {
					kill(connection);
				}
			});
		}

		/** What an operator's KILL does: from another session, end this connection's. */
		static void kill(Connection victim) throws Exception {
			long id;
			try (Statement statement = victim.createStatement();
					ResultSet rs = statement.executeQuery("select connection_id()")) {
				rs.next();
				id = rs.getLong(1);
			}
			try (Connection admin = database.connect(); Statement statement = admin.createStatement()) {
				statement.execute("kill " + id);
			}
		}

	}

}
