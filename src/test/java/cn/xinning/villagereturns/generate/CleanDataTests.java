package cn.xinning.villagereturns.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.xinning.villagereturns.generate.SampleFiles.Cell;
import cn.xinning.villagereturns.generate.SampleFiles.ReadFile;

/**
 * {@code generate --no-problems}: every value passes the catalogue and the rules of spec
 * section 4.
 */
class CleanDataTests {

	@TempDir
	static Path out;

	static SampleCatalogue catalogue;

	static List<SampleVillage> villages;

	static Map<String, SampleVillage> byCode = new TreeMap<>();

	static List<ReadFile> files;

	static List<YearMonth> periods = Samples.periods("2026-10", 13);

	@BeforeAll
	static void generate() {
		assertThat(Samples.generate(out, "--no-problems").exitCode()).isZero();
		catalogue = Samples.catalogue();
		villages = Samples.villages();
		villages.forEach((village) -> byCode.put(village.code(), village));
		files = SampleFiles.readAll(out, catalogue);
	}

	@Test
	void everyValuePassesTheBoundsOfTheCatalogue() {
		int checked = 0;
		for (ReadFile file : files) {
			for (Cell cell : file.cells()) {
				SampleIndicator indicator = catalogue.get(catalogue.indexOf(cell.indicator()));
				SampleVillage village = byCode.get(cell.villageText());
				assertThat(village).as("village of %s:%d", cell.file(), cell.line()).isNotNull();
				checked++;
				if (cell.missing()) {
					assertThat(indicator.required())
						.as("missing %s at %s:%d", cell.indicator(), cell.file(), cell.line())
						.isFalse();
					continue;
				}
				BigDecimal value = cell.number();
				assertThat(value.signum()).isNotNegative();
				assertThat(value.stripTrailingZeros().scale()).as("%s at %s:%d", value, cell.file(), cell.line())
					.isLessThanOrEqualTo(indicator.decimal() ? 2 : 0);
				if (indicator.max() != null) {
					assertThat(value).isLessThanOrEqualTo(indicator.max());
				}
				if (indicator.maxPerHousehold() != null) {
					assertThat(value).isLessThanOrEqualTo(
							indicator.maxPerHousehold().multiply(BigDecimal.valueOf(village.households())));
				}
			}
		}
		assertThat(checked).isEqualTo(Samples.VILLAGES * periods.size() * catalogue.size());
	}

	@Test
	void everyReturnIsAcceptedWithoutErrorOrWarning() {
		MiniPipeline.Outcome outcome = MiniPipeline.run(files, villages, catalogue);
		assertThat(outcome.errors()).isEmpty();
		assertThat(outcome.warnings()).isEmpty();
		assertThat(outcome.duplicates()).isEmpty();
		assertThat(outcome.accepted()).hasSize(Samples.VILLAGES);
		assertThat(outcome.accepted().values())
			.allSatisfy((months) -> assertThat(months.keySet()).containsExactlyElementsOf(periods));
	}

	@Test
	void valuesAreInTheRangesOfTheModel() {
		MiniPipeline.Outcome outcome = MiniPipeline.run(files, villages, catalogue);
		outcome.accepted().forEach((code, months) -> months.forEach((period, values) -> {
			int households = byCode.get(code).households();
			int paired = values.get(Codes.PAIRED_HOUSEHOLDS).intValue();
			assertThat(paired).isBetween((int) Math.ceil(0.8 * households), households);
			assertThat(values.get(Codes.PAIRED_HOUSEHOLDS)).as("W-LOAD")
				.isLessThanOrEqualTo(values.get(Codes.PAIRED_CADRES).multiply(BigDecimal.valueOf(20)));
			assertThat(values.get(Codes.GRID_LEADERS_L2).intValue()).isBetween(5, 9);
			assertThat(values.get(Codes.GRID_LEADERS_L3).intValue()).isBetween(8, 30);
			assertThat(values.get(Codes.VOLUNTEER_TEAMS).intValue()).isBetween(1, 4);
			assertThat(values.get(Codes.COMMUNITY_MEETINGS).intValue()).isBetween(2, 8);
			assertThat(values.get(Codes.WEEKLY_CASE_MEETINGS).intValue()).isBetween(4, 5);
			assertThat(values.get(Codes.HOME_VISITS).intValue()).isLessThanOrEqualTo(3 * paired);
			assertThat(values.get(Codes.COLLECTIVE_PROJECTS).intValue()).isBetween(0, 1);
			assertThat(values.get(Codes.COOP_NEW_MEMBERS).intValue()).isBetween(0, 5);
			assertThat(values.get(Codes.LIVELIHOOD_PROJECTS).intValue()).isBetween(0, 3);
			assertThat(values.get(Codes.ISSUES_RESOLVED_VILLAGE).add(values.get(Codes.ISSUES_ESCALATED)))
				.isLessThanOrEqualTo(values.get(Codes.ISSUES_RAISED));
		}));
	}

	@Test
	void flowsFollowTheSeasons() {
		MiniPipeline.Outcome outcome = MiniPipeline.run(files, villages, catalogue);
		assertThat(total(outcome, "2026-01", Codes.HOME_VISITS))
			.isGreaterThan(total(outcome, "2026-05", Codes.HOME_VISITS));
		assertThat(total(outcome, "2025-10", Codes.PRODUCE_SOLD_T))
			.isGreaterThan(total(outcome, "2026-04", Codes.PRODUCE_SOLD_T));
		assertThat(total(outcome, "2026-03", Codes.LAND_TRANSFER_MU))
			.isGreaterThan(total(outcome, "2026-07", Codes.LAND_TRANSFER_MU));
	}

	/**
	 * The background must be quiet for the planted anomalies to stand out: no stock
	 * jumps, no copied returns, and history or peer outliers in well under 0.2% of the
	 * values (the peer rule still catches very small villages for indicators that do not
	 * grow with households).
	 */
	@Test
	void cleanDataRaisesAlmostNoAnomalyFlags() {
		MiniPipeline.Outcome outcome = MiniPipeline.run(files, villages, catalogue);
		List<SpecAnomalies.Flag> flags = new SpecAnomalies(catalogue, villages, Samples.catalogueFile()).flags(outcome,
				periods);
		assertThat(flags).filteredOn((flag) -> flag.rule().equals("STOCK_CHANGE")).isEmpty();
		assertThat(flags).filteredOn((flag) -> flag.rule().equals("COPIED_RETURN")).isEmpty();
		long flowValues = catalogue.indicators().stream().filter((i) -> !i.stock()).count() * Samples.VILLAGES
				* periods.size();
		assertThat(flags).hasSizeLessThan((int) (flowValues * 0.002));
	}

	@Test
	void nothingIsPlanted() throws Exception {
		assertThat(Samples.planted(out)).isEmpty();
		assertThat(Files.readString(out.resolve("planted.csv"), StandardCharsets.UTF_8))
			.isEqualTo("period,file,line,village_code,indicator_code,kind,expected_rule\n");
		assertThat(Files.readString(out.resolve("MANIFEST.md"), StandardCharsets.UTF_8)).contains("--no-problems");
	}

	private static BigDecimal total(MiniPipeline.Outcome outcome, String period, String code) {
		return outcome.accepted()
			.values()
			.stream()
			.map((months) -> months.get(YearMonth.parse(period)).get(code))
			.reduce(BigDecimal.ZERO, BigDecimal::add);
	}

}
