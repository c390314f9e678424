package cn.xinning.villagereturns.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.xinning.villagereturns.generate.SampleFiles.Cell;
import cn.xinning.villagereturns.generate.SampleFiles.Encoding;
import cn.xinning.villagereturns.generate.SampleFiles.ReadFile;

/**
 * The default sample: folders, file shapes, encodings, and the untidiness spec section 3
 * says must be read.
 */
class SampleLayoutTests {

	@TempDir
	static Path out;

	static SampleCatalogue catalogue;

	static List<ReadFile> files;

	static List<Samples.Planted> planted;

	static List<YearMonth> periods = Samples.periods("2026-10", 13);

	@BeforeAll
	static void generate() {
		assertThat(Samples.generate(out).exitCode()).isZero();
		catalogue = Samples.catalogue();
		files = SampleFiles.readAll(out, catalogue);
		planted = Samples.planted(out);
	}

	@Test
	void everyVillageReportsEveryPeriodOnceExceptThePlantedMissingOne() {
		Map<String, String> damagedCodes = new TreeMap<>();
		planted.stream()
			.filter((p) -> p.rule().equals("V-VILLAGE"))
			.forEach((p) -> damagedCodes.put(p.file() + ":" + p.line(), p.village()));
		Map<String, Integer> returns = new TreeMap<>();
		for (ReadFile file : files) {
			if (file.fileName().contains("_重发") || file.fileName().contains("_更正")) {
				continue;
			}
			Set<String> inFile = new TreeSet<>();
			for (Cell cell : file.cells()) {
				String village = damagedCodes.getOrDefault(cell.file() + ":" + cell.line(), cell.villageText());
				inFile.add(village + " " + cell.period());
			}
			inFile.forEach((key) -> returns.merge(key, 1, Integer::sum));
		}
		Set<String> expected = new TreeSet<>();
		for (SampleVillage village : Samples.villages()) {
			periods.forEach((period) -> expected.add(village.code() + " " + period));
		}
		planted.stream()
			.filter((p) -> p.rule().equals("MISSING_RETURN"))
			.forEach((p) -> expected.remove(p.village() + " " + p.period()));
		assertThat(expected).hasSize(Samples.VILLAGES * periods.size() - 1);
		assertThat(returns.keySet()).isEqualTo(expected);
		assertThat(returns.values()).containsOnly(1);
	}

	@Test
	void eachPeriodHasItsOwnFolder() {
		assertThat(files.stream().map((file) -> file.path().substring(0, 7)).distinct())
			.containsExactlyElementsOf(periods.stream().map(YearMonth::toString).toList());
		for (ReadFile file : files) {
			assertThat(file.cells()).allSatisfy((cell) -> assertThat(file.path()).startsWith(cell.period() + "/"));
		}
		assertThat(files).anySatisfy((file) -> assertThat(file.path().split("/")).hasSize(3));
		assertThat(files).anySatisfy((file) -> assertThat(file.path().split("/")).hasSize(2));
	}

	/**
	 * Each encoding comes with the layout, headers, period spelling and line endings of
	 * its tool.
	 */
	@Test
	void encodingsAreWhatEachToolWrites() throws Exception {
		Map<Encoding, Integer> counts = new TreeMap<>();
		for (ReadFile file : files) {
			byte[] bytes = Files.readAllBytes(out.resolve(file.path()));
			counts.merge(file.encoding(), 1, Integer::sum);
			List<String> periodTexts = file.cells().stream().map(Cell::periodText).distinct().toList();
			switch (file.encoding()) {
				case UTF8 -> {
					assertThat(file.path()).endsWith(".csv");
					assertThat(bytes).doesNotContain((byte) '\r');
					assertThat(file.header()).containsExactly("village_code", "period", "indicator_code", "value",
							"note");
					assertThat(periodTexts).allMatch((p) -> p.matches("\\d{4}-\\d{2}"));
					assertThat(file.cells().stream().map(Cell::villageText).distinct()).hasSize(1);
				}
				case GB18030 -> {
					assertThat(SampleFiles.decodes(bytes, StandardCharsets.UTF_8)).isFalse();
					assertThat(SampleFiles.decodes(bytes, SampleFiles.GB18030)).isTrue();
					assertThat(crlfOnly(new String(bytes, SampleFiles.GB18030))).isTrue();
					assertThat(file.header().subList(0, 4)).containsExactly("村代码", "村名", "报告期", "结对联系农户数");
					assertThat(periodTexts).allMatch((p) -> p.matches("\\d{4}年\\d{1,2}月"));
				}
				case UTF8_BOM -> {
					assertThat(crlfOnly(new String(bytes, StandardCharsets.UTF_8))).isTrue();
					assertThat(file.header().subList(0, 3)).containsExactly("village_code", "period",
							"PAIRED_HOUSEHOLDS");
					assertThat(periodTexts).allMatch((p) -> p.matches("\\d{6}"));
				}
				case UTF16LE_BOM -> {
					assertThat(bytes[0] & 0xFF).isEqualTo(0xFF);
					assertThat(bytes[1] & 0xFF).isEqualTo(0xFE);
					assertThat(file.path()).endsWith(".txt");
					assertThat(file.lines().get(0)).contains("\t").doesNotContain(",");
					assertThat(crlfOnly(new String(bytes, StandardCharsets.UTF_16LE))).isTrue();
					assertThat(file.header()).containsExactly("村代码", "村名", "报告期", "指标代码", "指标名称", "数值", "备注");
					assertThat(periodTexts).allMatch((p) -> p.matches("\\d{4}/\\d{2}"));
				}
			}
		}
		assertThat(counts.keySet()).containsExactly(Encoding.values());
		assertThat(counts.values()).allMatch((count) -> count >= 10);
		assertThat(counts.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(files.size());
	}

	@Test
	void untidinessOfRealFilesIsThere() {
		List<String> valueTexts = files.stream().flatMap((file) -> file.cells().stream()).map(Cell::raw).toList();
		assertThat(valueTexts).anyMatch((v) -> v.matches("\\d{1,3}(,\\d{3})+(\\.\\d+)?"));
		assertThat(valueTexts).anyMatch((v) -> v.matches("[０-９]+(．[０-９]+)?"));
		assertThat(valueTexts).contains("", "-", "/", "—");
		assertThat(valueTexts).anyMatch((v) -> !v.equals(v.strip()));
		List<String> lines = files.stream().flatMap((file) -> file.lines().stream()).toList();
		assertThat(lines).contains("");
		assertThat(lines).anyMatch((line) -> line.matches(",{4,}"));
		assertThat(lines).anyMatch((line) -> line.matches("\t{4,}"));
		assertThat(lines).anyMatch((line) -> line.contains("\"1,") || line.contains("\"2,"));
		assertThat(lines).anyMatch((line) -> line.contains("\"稻田,旱地\""));
	}

	@Test
	void fileNamesAreTheOnesClerksGive() {
		List<String> names = files.stream().map(ReadFile::fileName).toList();
		assertThat(names).anyMatch((n) -> n.matches("430528\\d{6}_\\d{6}\\.csv"));
		assertThat(names).anyMatch((n) -> n.matches("\\p{IsHan}+_\\d{4}-\\d{2}\\.csv"));
		assertThat(names).anyMatch((n) -> n.matches("\\p{IsHan}+_\\d{4}年\\d{1,2}月村级月报\\.csv"));
		assertThat(names).anyMatch((n) -> n.matches("\\p{IsHan}+村级月报_\\d{6}\\.txt"));
		assertThat(files.stream().map(ReadFile::path)).doesNotHaveDuplicates();
	}

	@Test
	void manifestDescribesShapesAndEveryPlantedProblem() throws Exception {
		String manifest = Files.readString(out.resolve("MANIFEST.md"), StandardCharsets.UTF_8);
		assertThat(manifest).startsWith(ManifestWriter.TITLE)
			.contains("GB18030", "UTF-16LE", "UTF-8", "2026年10月", "202610", "2026/10", "--seed 20261104")
			.contains("## 埋设的问题 / Planted problems", "## 如何导入 / How to ingest");
		List<String> missing = new ArrayList<>();
		for (Samples.Planted problem : planted) {
			if (!manifest.contains("| " + problem.period() + " | " + (problem.file().isEmpty() ? "—" : problem.file())
					+ " | " + (problem.line().isEmpty() ? "—" : problem.line()) + " | " + problem.village() + " | "
					+ problem.indicator() + " | " + problem.kind() + " | " + problem.rule() + " | ")) {
				missing.add(problem.toString());
			}
		}
		assertThat(missing).isEmpty();
	}

	private static boolean crlfOnly(String text) {
		return text.replace("\r\n", "").indexOf('\n') < 0 && text.replace("\r\n", "").indexOf('\r') < 0
				&& text.endsWith("\r\n");
	}

}
