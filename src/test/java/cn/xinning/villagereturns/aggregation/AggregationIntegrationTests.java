package cn.xinning.villagereturns.aggregation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import cn.xinning.villagereturns.ingest.IngestService;
import cn.xinning.villagereturns.ingest.IngestSummary;
import cn.xinning.villagereturns.reporting.ReportFormat;
import cn.xinning.villagereturns.reporting.ReportService;
import cn.xinning.villagereturns.support.PeriodRange;
import cn.xinning.villagereturns.support.SampleReturn;
import cn.xinning.villagereturns.support.TestRoot;

import static cn.xinning.villagereturns.support.FiveVillages.WANBA;
import static cn.xinning.villagereturns.support.FiveVillages.JIANGYUAN;
import static cn.xinning.villagereturns.support.FiveVillages.LONGTOU;
import static cn.xinning.villagereturns.support.FiveVillages.SHUIYAN;
import static cn.xinning.villagereturns.support.FiveVillages.WANTIAN;
import static cn.xinning.villagereturns.support.FiveVillages.PAIRED_HOUSEHOLDS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two townships (金石镇: 湾坝村, 江园村, 龙头村; 一渡水镇: 水堰村, 湾田村) over December 2025 to February 2026,
 * in four runs: December on the due date's last second; January with a village missing, a
 * correction and a return one second late; February with a STOCK change. One village
 * sends no optional CONTACT_CARDS at all. The expected exports in
 * {@code fixtures/aggregation/expected} were computed independently from spec section 6.
 */
@SpringBootTest
class AggregationIntegrationTests {

	static final TestRoot root = TestRoot.create("aggregation");

	static final Path registry = root.registry();

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry properties) {
		root.configure(properties, "file:" + registry);
	}

	@Autowired
	IngestService ingest;

	@Autowired
	RecomputeService recompute;

	@Autowired
	ReportService reports;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeEach
	void reset() throws IOException {
		Files.copy(new ClassPathResource("fixtures/aggregation/villages.csv").getInputStream(), registry,
				java.nio.file.StandardCopyOption.REPLACE_EXISTING);
		root.reset(this.jdbc);
	}

	@Test
	void everyCellOfEveryExportEqualsTheIndependentReference() throws Exception {
		List<IngestSummary> runs = playScenario();

		assertThat(runs).extracting(IngestSummary::periods)
			.containsExactly(List.of("2025-12"), List.of("2026-01"), List.of("2026-01"), List.of("2026-02"));
		Map<String, String> exports = exports();
		for (String file : List.of("township_indicators.csv", "county_indicators.csv", "completeness.csv",
				"village_values.csv")) {
			assertThat(exports.get(file)).as(file).isEqualTo(expected(file));
		}
	}

	@Test
	void decimalIndicatorsAreSummedExactly() throws Exception {
		playScenario();

		// 1.1 + 2.2 + 3.3 is 6.6000000000000005 in binary floating point
		assertThat(
				this.jdbc.queryForObject(
						"select total from township_indicator where period = '2026-01'"
								+ " and township_code = '430528100' and indicator_code = 'LAND_TRANSFER_MU'",
						String.class))
			.isEqualTo("6.60");
		assertThat(exports().get("county_indicators.csv"))
			.contains("\r\n2026-02,430528,LAND_TRANSFER_MU,0.05,16.55,5,5\r\n");
	}

	@Test
	void recomputeGivesTheSameFiguresEveryTime() throws Exception {
		playScenario();
		Map<String, String> before = exports();

		assertThat(this.recompute.recompute(YearMonth.of(2026, 1))).containsExactly(YearMonth.of(2026, 1),
				YearMonth.of(2026, 2));
		assertThat(this.recompute.recompute(YearMonth.of(2025, 12))).containsExactly(YearMonth.of(2025, 12));
		this.jdbc.update("delete from completeness where period = '2026-02'");
		this.recompute.recompute(YearMonth.of(2026, 2));

		assertThat(exports()).isEqualTo(before);
	}

	@Test
	void aRegistryChangeChangesExpectedCountsFromThePeriodsItAppliesToOnTheNextRun() throws Exception {
		playScenario();
		Files.writeString(registry, Files.readString(registry, StandardCharsets.UTF_8)
				+ "430528101203,新村,430528101,一渡水镇,村,120,400,2026-02,\n", StandardCharsets.UTF_8);

		IngestSummary emptyRun = this.ingest.ingest(Optional.of(LocalDateTime.parse("2026-03-10T08:00")));

		assertThat(emptyRun.periods()).containsExactly("2025-12", "2026-01", "2026-02");
		assertThat(csvRows(exports().get("completeness.csv"))).containsExactly("2025-12,COUNTY,430528,5,4,4,80,80",
				"2025-12,TOWNSHIP,430528100,3,3,3,100,100", "2025-12,TOWNSHIP,430528101,2,1,1,50,50",
				"2026-01,COUNTY,430528,5,5,4,100,80", "2026-01,TOWNSHIP,430528100,3,3,2,100,66.7",
				"2026-01,TOWNSHIP,430528101,2,2,2,100,100", "2026-02,COUNTY,430528,6,5,5,83.3,83.3",
				"2026-02,TOWNSHIP,430528100,3,3,3,100,100", "2026-02,TOWNSHIP,430528101,3,2,2,66.7,66.7");
		assertThat(csvRows(exports().get("township_indicators.csv"))).contains(
				"2026-02,430528101,一渡水镇,HOME_VISITS,470,900,2,3", "2026-01,430528101,一渡水镇,HOME_VISITS,430,430,2,2");
	}

	@Test
	void aRegistryChangeTakesEffectOnRecompute() throws Exception {
		playScenario();
		Files.writeString(registry,
				Files.readString(registry, StandardCharsets.UTF_8)
					.replace("430528101202,湾田村,430528101,一渡水镇,村,253,839,,",
							"430528101202,湾田村,430528101,一渡水镇,村,253,839,,2026-01"),
				StandardCharsets.UTF_8);

		this.recompute.recompute(YearMonth.of(2026, 2));

		// 湾田村 is no longer valid in February: its return is left out and no longer
		// expected
		assertThat(csvRows(exports().get("county_indicators.csv"))).contains("2026-02,430528,HOME_VISITS,1500,3170,4,4",
				"2026-01,430528,HOME_VISITS,1670,1670,5,5");
	}

	/** The four runs of the scenario. */
	private List<IngestSummary> playScenario() throws Exception {
		for (String village : List.of(WANBA, JIANGYUAN, LONGTOU, SHUIYAN)) {
			drop("2025-12", village,
					Map.of("HOME_VISITS", december(village), "LAND_TRANSFER_MU", land("2025-12", village)));
		}
		IngestSummary a = run("2026-01-05T23:59:59");
		for (String village : List.of(WANBA, JIANGYUAN, SHUIYAN, WANTIAN)) {
			drop("2026-01", village, january(village, village.equals(WANBA) ? "410" : null));
		}
		IngestSummary b = run("2026-02-05T10:00");
		drop("2026-01", LONGTOU, january(LONGTOU, null));
		root.drop("更正/" + WANBA + "_2026-01.csv", file("2026-01", WANBA, january(WANBA, "420")));
		IngestSummary c = run("2026-02-06T00:00:00");
		for (String village : List.of(WANBA, JIANGYUAN, LONGTOU, SHUIYAN, WANTIAN)) {
			Map<String, String> values = new LinkedHashMap<>();
			values.put("HOME_VISITS",
					Map.of(WANBA, "430", JIANGYUAN, "520", LONGTOU, "320", SHUIYAN, "230", WANTIAN, "240")
						.get(village));
			values.put("LAND_TRANSFER_MU", "0.01");
			if (village.equals(JIANGYUAN)) {
				values.put("PAIRED_HOUSEHOLDS", "310");
			}
			drop("2026-02", village, values);
		}
		IngestSummary d = run("2026-03-04T09:00");
		for (IngestSummary run : List.of(a, b, c, d)) {
			assertThat(run.status()).isEqualTo("COMPLETED");
			assertThat(run.returnsRejected()).isZero();
		}
		return List.of(a, b, c, d);
	}

	private static String december(String village) {
		return Map.of(WANBA, "400", JIANGYUAN, "500", LONGTOU, "300", SHUIYAN, "200").get(village);
	}

	private static Map<String, String> january(String village, String homeVisits) {
		Map<String, String> values = new LinkedHashMap<>();
		values.put("HOME_VISITS", (homeVisits != null) ? homeVisits
				: Map.of(JIANGYUAN, "510", LONGTOU, "310", SHUIYAN, "210", WANTIAN, "220").get(village));
		values.put("LAND_TRANSFER_MU", land("2026-01", village));
		if (village.equals(WANBA)) {
			values.put("CONTACT_CARDS", "-");
		}
		return values;
	}

	private static String land(String period, String village) {
		if (period.equals("2025-12")) {
			return Map.of(WANBA, "35.5", JIANGYUAN, "10.25", LONGTOU, "0", SHUIYAN, "12.75").get(village);
		}
		return Map.of(WANBA, "1.1", JIANGYUAN, "2.2", LONGTOU, "3.3", SHUIYAN, "4.4", WANTIAN, "5.5").get(village);
	}

	private static void drop(String period, String village, Map<String, String> values) {
		root.drop(period + "/" + village + ".csv", file(period, village, values));
	}

	private static String file(String period, String village, Map<String, String> values) {
		SampleReturn sample = SampleReturn.of(village, period)
			.with("PAIRED_CADRES", "20")
			.with("PAIRED_HOUSEHOLDS", PAIRED_HOUSEHOLDS.get(village));
		values.forEach(sample::with);
		if (village.startsWith("430528101")) {
			sample.without("CONTACT_CARDS");
		}
		return sample.longFile();
	}

	private IngestSummary run(String asOf) throws Exception {
		return this.ingest.ingest(Optional.of(LocalDateTime.parse(asOf)));
	}

	private Map<String, String> exports() throws IOException {
		Path folder = root.path().resolve("reports");
		Map<String, String> files = new LinkedHashMap<>();
		for (Path file : this.reports.write(PeriodRange.parse("2025-12..2026-02"), folder, List.of(ReportFormat.CSV))) {
			files.put(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
		}
		return files;
	}

	private static String expected(String file) throws IOException {
		return new String(
				new ClassPathResource("fixtures/aggregation/expected/" + file).getInputStream().readAllBytes(),
				StandardCharsets.UTF_8);
	}

	private static List<String> csvRows(String csv) {
		return csv.lines().skip(1).toList();
	}

}
