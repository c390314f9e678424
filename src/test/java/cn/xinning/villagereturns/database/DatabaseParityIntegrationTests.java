package cn.xinning.villagereturns.database;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.xinning.villagereturns.ingest.IngestSummary;
import cn.xinning.villagereturns.support.MariaDb;
import cn.xinning.villagereturns.support.MultiRunScenario;
import cn.xinning.villagereturns.support.ScenarioPlayer;
import cn.xinning.villagereturns.support.ScenarioPlayer.Outcome;
import cn.xinning.villagereturns.support.TestRoot;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same county autumn (history backfill, a month on time, late returns, corrections,
 * rejects, duplicates, a nightly run) played on the embedded H2 database and on the
 * machine's real MariaDB gives byte-identical exports, errors files and archive. The
 * MariaDB run allows LOAD DATA LOCAL, so its values take the bulk path (the connection
 * loss test takes the batched one).
 */
class DatabaseParityIntegrationTests {

	@Test
	void h2AndMariaDbGiveByteIdenticalResults(@TempDir Path work) throws Exception {
		MultiRunScenario scenario = MultiRunScenario.generate(work);
		TestRoot h2Root = TestRoot.create("parity-h2");
		Outcome h2 = ScenarioPlayer.play(scenario, h2Root.path(), h2Root.url(), "sa", "");
		Outcome mariaDb;
		try (MariaDb.TestDatabase database = MariaDb.create("parity")) {
			mariaDb = ScenarioPlayer.play(scenario, TestRoot.create("parity-mariadb").path(),
					database.url() + "?rewriteBatchedStatements=true&allowLoadLocalInfile=true", database.user(),
					database.password());
		}

		assertThat(h2.summaries()).extracting(IngestSummary::status).containsOnly("COMPLETED");
		assertThat(mariaDb.summaries()).extracting(IngestSummary::status).containsOnly("COMPLETED");
		assertThat(h2.summaries()).extracting(IngestSummary::returnsAccepted)
			.isEqualTo(mariaDb.summaries().stream().map(IngestSummary::returnsAccepted).toList());
		assertThat(mariaDb.files().keySet()).isEqualTo(h2.files().keySet());
		for (Map.Entry<String, byte[]> file : h2.files().entrySet()) {
			assertThat(new String(mariaDb.files().get(file.getKey()), StandardCharsets.UTF_8)).as(file.getKey())
				.isEqualTo(new String(file.getValue(), StandardCharsets.UTF_8));
		}
		// the scenario is not trivial: every kind of outcome happened
		IngestSummary extras = h2.summaries().get(4);
		assertThat(extras.returnsAccepted()).isEqualTo(1);
		assertThat(extras.returnsRejected()).isEqualTo(1);
		assertThat(extras.duplicateFiles()).isEqualTo(1);
		assertThat(h2.summaries().stream().mapToInt(IngestSummary::flagsRaised).sum()).isGreaterThan(100);
		assertThat(h2.files()).containsKeys("reports/township_indicators.csv", "reports/anomalies.csv",
				"rejected/江园村_2026-10.csv.errors.csv");
		assertThat(new String(h2.files().get("reports/completeness.csv"), StandardCharsets.UTF_8))
			.contains("\r\n2026-10,COUNTY,430528,311,");
	}

}
