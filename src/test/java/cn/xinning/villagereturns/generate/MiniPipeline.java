package cn.xinning.villagereturns.generate;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import cn.xinning.villagereturns.generate.SampleFiles.Cell;
import cn.xinning.villagereturns.generate.SampleFiles.ReadFile;

/**
 * The rules of spec sections 3 to 5, written small and separately from the generator, so
 * that the tests can say which returns of a sample a correct pipeline rejects, warns
 * about, takes as a duplicate, and accepts (a later file replacing an earlier return).
 */
final class MiniPipeline {

	/** Headers of a wide file that are not indicators (spec section 3). */
	private static final Set<String> ALIASES = Set.of("village_code", "村代码", "村（社区）代码", "村(社区)代码", "单位代码", "period",
			"报告期", "月份", "统计月份", "village_name", "村名", "村（社区）名称", "村(社区)名称");

	record Problem(String file, int line, String village, String indicator, String rule) {

	}

	/**
	 * @param accepted village code, period, indicator code: the accepted value
	 * ({@code null} when missing)
	 * @param errors problems that rejected a return or a file
	 * @param warnings warnings of accepted returns
	 * @param duplicates paths of files whose content was already received
	 */
	record Outcome(Map<String, Map<YearMonth, Map<String, BigDecimal>>> accepted, List<Problem> errors,
			List<Problem> warnings, List<String> duplicates) {

		Map<String, BigDecimal> returnOf(String village, YearMonth period) {
			return this.accepted.getOrDefault(village, Map.of()).get(period);
		}

	}

	private MiniPipeline() {
	}

	static Outcome run(List<ReadFile> files, List<SampleVillage> registry, SampleCatalogue catalogue) {
		Map<String, SampleVillage> villages = new TreeMap<>();
		registry.forEach((village) -> villages.put(village.code(), village));
		List<ReadFile> ordered = new ArrayList<>(files);
		ordered.sort(Comparator.comparing(ReadFile::fileName).thenComparing(ReadFile::path));
		Outcome outcome = new Outcome(new TreeMap<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
		Set<String> received = new TreeSet<>();
		for (ReadFile file : ordered) {
			if (!received.add(file.sha256())) {
				outcome.duplicates().add(file.path());
				continue;
			}
			List<String> unknown = file.wide() ? file.header()
				.stream()
				.filter((header) -> !ALIASES.contains(SampleFiles.normalized(header).toLowerCase())
						&& catalogue.indicators()
							.stream()
							.noneMatch((i) -> i.code().equalsIgnoreCase(SampleFiles.normalized(header))
									|| i.nameZh().equals(SampleFiles.normalized(header))))
				.toList() : List.of();
			if (!unknown.isEmpty()) {
				unknown
					.forEach((header) -> outcome.errors().add(new Problem(file.path(), 1, "", header, "V-INDICATOR")));
				continue;
			}
			Map<String, List<Cell>> returns = new LinkedHashMap<>();
			file.cells()
				.forEach((cell) -> returns
					.computeIfAbsent(cell.villageText() + "|" + cell.period(), (key) -> new ArrayList<>())
					.add(cell));
			for (List<Cell> cells : returns.values()) {
				check(cells, villages, catalogue, outcome);
			}
		}
		return outcome;
	}

	private static void check(List<Cell> cells, Map<String, SampleVillage> villages, SampleCatalogue catalogue,
			Outcome outcome) {
		Cell first = cells.get(0);
		SampleVillage village = villages.get(first.villageText());
		List<Problem> errors = new ArrayList<>();
		if (village == null || !village.validIn(first.period())) {
			errors.add(new Problem(first.file(), first.line(), first.villageText(), "", "V-VILLAGE"));
		}
		Map<String, BigDecimal> values = new TreeMap<>();
		Map<String, Integer> lines = new TreeMap<>();
		for (SampleIndicator indicator : catalogue.indicators()) {
			Cell cell = cells.stream().filter((c) -> c.indicator().equals(indicator.code())).findFirst().orElse(null);
			int line = (cell != null) ? cell.line() : first.line();
			lines.put(indicator.code(), line);
			if (cell == null || cell.missing()) {
				if (indicator.required()) {
					errors.add(new Problem(first.file(), line, first.villageText(), indicator.code(), "V-REQUIRED"));
				}
				values.put(indicator.code(), null);
				continue;
			}
			BigDecimal value = cell.numberIfAny().orElse(null);
			if (value == null || value.signum() < 0 || value.stripTrailingZeros().scale() > indicator.scale()) {
				errors.add(new Problem(first.file(), line, first.villageText(), indicator.code(), "V-NUMBER"));
				continue;
			}
			BigDecimal limit = (village != null) ? indicator.limit(village.households()) : null;
			if (limit != null && value.compareTo(limit) > 0) {
				errors.add(new Problem(first.file(), line, first.villageText(), indicator.code(), "V-BOUND"));
			}
			values.put(indicator.code(), value);
		}
		BigDecimal raised = values.get(Codes.ISSUES_RAISED);
		BigDecimal resolved = values.get(Codes.ISSUES_RESOLVED_VILLAGE);
		BigDecimal escalated = values.get(Codes.ISSUES_ESCALATED);
		if (errors.isEmpty() && raised != null && resolved != null && escalated != null
				&& resolved.add(escalated).compareTo(raised) > 0) {
			errors.add(new Problem(first.file(), lines.get(Codes.ISSUES_RESOLVED_VILLAGE), first.villageText(),
					Codes.ISSUES_RESOLVED_VILLAGE, "V-ISSUES"));
		}
		if (!errors.isEmpty()) {
			outcome.errors().addAll(errors);
			return;
		}
		warn(first, values, lines, outcome.warnings());
		outcome.accepted().computeIfAbsent(village.code(), (code) -> new TreeMap<>()).put(first.period(), values);
	}

	private static void warn(Cell first, Map<String, BigDecimal> values, Map<String, Integer> lines,
			List<Problem> warnings) {
		BigDecimal paired = values.get(Codes.PAIRED_HOUSEHOLDS);
		BigDecimal visits = values.get(Codes.HOME_VISITS);
		BigDecimal cadres = values.get(Codes.PAIRED_CADRES);
		BigDecimal weekly = values.get(Codes.WEEKLY_CASE_MEETINGS);
		if (visits.compareTo(paired.multiply(BigDecimal.valueOf(3))) > 0) {
			warnings.add(new Problem(first.file(), lines.get(Codes.HOME_VISITS), first.villageText(), Codes.HOME_VISITS,
					"W-VISITS"));
		}
		if (weekly.compareTo(BigDecimal.valueOf(4)) < 0) {
			warnings.add(new Problem(first.file(), lines.get(Codes.WEEKLY_CASE_MEETINGS), first.villageText(),
					Codes.WEEKLY_CASE_MEETINGS, "W-WEEKLY"));
		}
		if (paired.compareTo(cadres.multiply(BigDecimal.valueOf(20))) > 0) {
			warnings.add(new Problem(first.file(), lines.get(Codes.PAIRED_HOUSEHOLDS), first.villageText(),
					Codes.PAIRED_HOUSEHOLDS, "W-LOAD"));
		}
	}

}
