package cn.xinning.villagereturns.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.xinning.villagereturns.generate.MiniPipeline.Outcome;
import cn.xinning.villagereturns.generate.SampleFiles.Cell;
import cn.xinning.villagereturns.generate.SampleFiles.ReadFile;

/**
 * The planted problems of the default sample: planted.csv names them, and rules written
 * independently of the generator (spec sections 4, 5 and 7) find exactly them.
 */
class PlantedProblemsTests {

	@TempDir
	static Path out;

	static SampleCatalogue catalogue;

	static List<SampleVillage> villages;

	static List<ReadFile> files;

	static List<Samples.Planted> planted;

	static Outcome outcome;

	static List<YearMonth> periods = Samples.periods("2026-10", 13);

	@BeforeAll
	static void generate() {
		assertThat(Samples.generate(out).exitCode()).isZero();
		catalogue = Samples.catalogue();
		villages = Samples.villages();
		files = SampleFiles.readAll(out, catalogue);
		planted = Samples.planted(out);
		outcome = MiniPipeline.run(files, villages, catalogue);
	}

	@Test
	void plantedCsvListsEveryKindAndRule() throws Exception {
		assertThat(Files.readString(out.resolve("planted.csv"), StandardCharsets.UTF_8))
			.startsWith("period,file,line,village_code,indicator_code,kind,expected_rule\n");
		assertThat(planted).extracting(Samples.Planted::kind, Samples.Planted::rule)
			.containsExactlyInAnyOrder(tuple("ERROR", "V-INDICATOR"), tuple("ERROR", "V-VILLAGE"),
					tuple("ERROR", "V-REQUIRED"), tuple("ERROR", "V-NUMBER"), tuple("ERROR", "V-NUMBER"),
					tuple("WARNING", "W-WEEKLY"), tuple("ANOMALY", "STOCK_CHANGE"), tuple("ERROR", "V-ISSUES"),
					tuple("ANOMALY", "COPIED_RETURN"), tuple("ANOMALY", "MISSING_RETURN"),
					tuple("CORRECTION", "SUPERSEDES_EARLIER"), tuple("DUPLICATE", "SAME_SHA256"),
					tuple("WARNING", "W-VISITS"), tuple("ANOMALY", "OUTLIER_HISTORY"),
					tuple("ANOMALY", "OUTLIER_PEERS"));
	}

	@Test
	void problemsAreSpreadOverTheMonths() {
		assertThat(planted.stream().map(Samples.Planted::period).distinct()).hasSizeGreaterThanOrEqualTo(9);
		assertThat(planted).filteredOn((p) -> p.kind().equals("ERROR"))
			.allSatisfy((p) -> assertThat(p.yearMonth()).isBefore(periods.get(periods.size() - 1)));
	}

	@Test
	void errorsFoundAreExactlyThePlantedOnes() {
		assertThat(outcome.errors())
			.extracting(MiniPipeline.Problem::file, MiniPipeline.Problem::line, MiniPipeline.Problem::rule)
			.containsExactlyInAnyOrderElementsOf(planted.stream()
				.filter((p) -> p.kind().equals("ERROR"))
				.map((p) -> tuple(p.file(), p.lineNumber(), p.rule()))
				.toList());
	}

	@Test
	void warningsFoundAreExactlyThePlantedOnes() {
		assertThat(outcome.warnings())
			.extracting(MiniPipeline.Problem::file, MiniPipeline.Problem::line, MiniPipeline.Problem::village,
					MiniPipeline.Problem::rule)
			.containsExactlyInAnyOrderElementsOf(planted.stream()
				.filter((p) -> p.kind().equals("WARNING"))
				.map((p) -> tuple(p.file(), p.lineNumber(), p.village(), p.rule()))
				.toList());
	}

	@Test
	void plantedLinesShowTheProblem() {
		for (Samples.Planted problem : planted) {
			if (problem.file().isEmpty() || problem.line().isEmpty()) {
				continue;
			}
			ReadFile file = file(problem.file());
			String line = file.lines().get(problem.lineNumber() - 1);
			switch (problem.rule()) {
				case "V-VILLAGE" -> assertThat(line).startsWith("4.30528E+11,");
				case "V-INDICATOR" -> assertThat(line).contains(",HOME_VISTS,").doesNotContain("HOME_VISITS");
				case "V-NUMBER" -> assertThat(cell(problem).raw()).matches("三百|-\\d+(\\.\\d+)?");
				case "V-REQUIRED" -> assertThat(cell(problem).raw()).isEmpty();
				case "W-WEEKLY" -> assertThat(cell(problem).number()).isEqualByComparingTo("2");
				default -> assertThat(line).contains(problem.village());
			}
		}
	}

	@Test
	void theDuplicateIsAnEarlierFileSentAgain() throws Exception {
		Samples.Planted duplicate = only("DUPLICATE");
		assertThat(outcome.duplicates()).containsExactly(duplicate.file());
		String original = duplicate.file().replace("_重发", "");
		assertThat(Files.readAllBytes(out.resolve(duplicate.file())))
			.isEqualTo(Files.readAllBytes(out.resolve(original)));
		assertThat(fileName(duplicate.file())).isGreaterThan(fileName(original));
		assertThat(file(original).cells())
			.allSatisfy((cell) -> assertThat(cell.villageText()).isEqualTo(duplicate.village()));
	}

	@Test
	void theCorrectionReplacesOneValueOfAnEarlierReturn() {
		Samples.Planted correction = only("CORRECTION");
		ReadFile corrected = file(correction.file());
		ReadFile original = files.stream()
			.filter((f) -> !f.path().equals(correction.file()))
			.filter((f) -> f.cells()
				.stream()
				.anyMatch((c) -> c.villageText().equals(correction.village())
						&& c.period().equals(correction.yearMonth())))
			.findFirst()
			.orElseThrow();
		assertThat(original.fileName()).isLessThan(corrected.fileName());
		Map<String, BigDecimal> accepted = outcome.returnOf(correction.village(), correction.yearMonth());
		int changed = 0;
		for (SampleIndicator indicator : catalogue.indicators()) {
			BigDecimal before = value(original, correction.village(), indicator.code());
			BigDecimal after = value(corrected, correction.village(), indicator.code());
			assertThat(accepted.get(indicator.code())).isEqualTo(after);
			if (before == null ? after != null : before.compareTo(after) != 0) {
				changed++;
				assertThat(indicator.code()).isEqualTo(correction.indicator());
			}
		}
		assertThat(changed).isOne();
		assertThat(corrected.lines().get(correction.lineNumber() - 1)).contains("," + correction.indicator() + ",");
	}

	@Test
	void anomalyRulesFindEveryPlantedAnomaly() {
		List<SpecAnomalies.Flag> flags = new SpecAnomalies(catalogue, villages, Samples.catalogueFile()).flags(outcome,
				periods);
		for (Samples.Planted anomaly : planted) {
			if (anomaly.kind().equals("ANOMALY") && !anomaly.rule().equals("MISSING_RETURN")) {
				assertThat(flags).as(anomaly.toString())
					.contains(new SpecAnomalies.Flag(anomaly.rule(), anomaly.village(), anomaly.yearMonth(),
							anomaly.indicator()));
			}
		}
	}

	@Test
	void onlyThePlantedVillageHasNoReturnForTheLastPeriod() {
		YearMonth last = periods.get(periods.size() - 1);
		List<String> missing = villages.stream()
			.map(SampleVillage::code)
			.filter((code) -> outcome.returnOf(code, last) == null)
			.toList();
		assertThat(missing).containsExactly(only("MISSING_RETURN").village());
		assertThat(outcome.returnOf(missing.get(0), last.minusMonths(1))).isNotNull();
	}

	@Test
	void tenfoldVisitsStayWithinTheBound() {
		Samples.Planted tenfold = planted.stream()
			.filter((p) -> p.rule().equals("OUTLIER_HISTORY"))
			.findFirst()
			.orElseThrow();
		SampleVillage village = villages.stream()
			.filter((v) -> v.code().equals(tenfold.village()))
			.findFirst()
			.orElseThrow();
		BigDecimal visits = outcome.returnOf(village.code(), tenfold.yearMonth()).get(Codes.HOME_VISITS);
		assertThat(visits).isLessThanOrEqualTo(BigDecimal.valueOf(10L * village.households()));
		double[] history = periods.stream()
			.filter((p) -> p.isBefore(tenfold.yearMonth()))
			.mapToDouble((p) -> outcome.returnOf(village.code(), p).get(Codes.HOME_VISITS).doubleValue())
			.toArray();
		assertThat(visits.doubleValue() / SpecAnomalies.median(history)).isBetween(9.5, 10.5);
	}

	/** The one planted row of a kind or rule. */
	private static Samples.Planted only(String kindOrRule) {
		List<Samples.Planted> rows = planted.stream()
			.filter((p) -> p.kind().equals(kindOrRule) || p.rule().equals(kindOrRule))
			.toList();
		assertThat(rows).hasSize(1);
		return rows.get(0);
	}

	private static ReadFile file(String path) {
		return files.stream().filter((f) -> f.path().equals(path)).findFirst().orElseThrow();
	}

	private static Cell cell(Samples.Planted problem) {
		return file(problem.file()).cells()
			.stream()
			.filter((c) -> c.line() == problem.lineNumber() && c.indicator().equals(problem.indicator()))
			.findFirst()
			.orElseThrow();
	}

	private static BigDecimal value(ReadFile file, String village, String indicator) {
		return file.cells()
			.stream()
			.filter((c) -> c.villageText().equals(village) && c.indicator().equals(indicator))
			.findFirst()
			.orElseThrow()
			.number();
	}

	private static String fileName(String path) {
		return path.substring(path.lastIndexOf('/') + 1);
	}

}
