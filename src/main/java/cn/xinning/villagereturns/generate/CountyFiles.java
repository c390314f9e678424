package cn.xinning.villagereturns.generate;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Lays the county's returns out as files: one folder per period, per-village files or one
 * file per township as the {@link ShapePlan} says, with the names clerks give them.
 */
final class CountyFiles {

	private final FileRenderer renderer;

	private final ShapePlan plan;

	private final long seed;

	CountyFiles(SampleCatalogue catalogue, ShapePlan plan, long seed) {
		this.renderer = new FileRenderer(catalogue);
		this.plan = plan;
		this.seed = seed;
	}

	/**
	 * @param returns every return (omitted ones are not written)
	 * @param headerOverrides misspelt headers by {@code period/townshipCode}
	 */
	List<RenderedFile> render(List<YearMonth> periods, Collection<SampleReturn> returns,
			Map<String, Map<String, String>> headerOverrides) {
		Map<String, List<SampleReturn>> byTownship = new TreeMap<>();
		for (SampleReturn month : returns) {
			if (!month.omitted()) {
				byTownship
					.computeIfAbsent(month.period() + "/" + month.village().townshipCode(), (key) -> new ArrayList<>())
					.add(month);
			}
		}
		byTownship.values().forEach((list) -> list.sort((a, b) -> a.village().code().compareTo(b.village().code())));
		List<RenderedFile> files = new ArrayList<>();
		Set<String> paths = new TreeSet<>();
		for (YearMonth period : periods) {
			for (String township : this.plan.townshipCodes()) {
				String key = period + "/" + township;
				List<SampleReturn> months = byTownship.getOrDefault(key, List.of());
				if (months.isEmpty()) {
					continue;
				}
				ShapePlan.Slot slot = this.plan.slot(period, township);
				String folder = period + "/" + (slot.subfolder() ? this.plan.townshipName(township) + "/" : "");
				Map<String, String> overrides = headerOverrides.getOrDefault(key, Map.of());
				if (slot.shape().perVillage()) {
					for (SampleReturn month : months) {
						String path = folder + villageFileName(month, slot.naming());
						if (!paths.add(path)) {
							path = folder + villageFileName(month, 0);
							paths.add(path);
						}
						files.add(render(path, slot.shape(), period, township, List.of(month), overrides));
					}
				}
				else {
					String path = folder + townshipFileName(slot.shape(), this.plan.townshipName(township), period);
					paths.add(path);
					files.add(render(path, slot.shape(), period, township, months, overrides));
				}
			}
		}
		return files;
	}

	/**
	 * Renders a file with its own stream of untidiness, so one file's quirks do not move
	 * another's.
	 */
	RenderedFile render(String path, FileShape shape, YearMonth period, String township, List<SampleReturn> months,
			Map<String, String> overrides) {
		return this.renderer.render(path, shape, period, township, months, overrides,
				Draws.stream(this.seed, "file", path));
	}

	/**
	 * {@code 430528100201_202610.csv}, {@code 湾坝村_2026-10.csv} or
	 * {@code 湾坝村2026年10月月报.csv}.
	 */
	static String villageFileName(SampleReturn month, int naming) {
		YearMonth period = month.period();
		SampleVillage village = month.village();
		return switch (naming) {
			case 1 -> village.name() + "_" + period + ".csv";
			case 2 -> village.name() + period.getYear() + "年" + period.getMonthValue() + "月月报.csv";
			default -> village.code() + "_" + FileShape.WIDE_UTF8_BOM.period(period) + ".csv";
		};
	}

	/**
	 * Excel "Unicode text" files keep Excel's {@code .txt}; the others are {@code .csv}.
	 */
	static String townshipFileName(FileShape shape, String townshipName, YearMonth period) {
		return switch (shape) {
			case WIDE_GB18030 -> townshipName + "_" + period.getYear() + "年" + period.getMonthValue() + "月村级月报.csv";
			case LONG_UTF16_TAB -> townshipName + "村级月报_" + FileShape.WIDE_UTF8_BOM.period(period) + ".txt";
			default -> townshipName + "_" + period + ".csv";
		};
	}

}
