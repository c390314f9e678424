package cn.xinning.villagereturns.generate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The anomaly rules of spec section 7 with their default thresholds, applied to the
 * values a {@link MiniPipeline} accepted: which flags a correct pipeline raises on a
 * sample.
 */
final class SpecAnomalies {

	record Flag(String rule, String village, YearMonth period, String indicator) {

	}

	private final SampleCatalogue catalogue;

	private final Map<String, Double> minAbsChange;

	private final Map<String, SampleVillage> villages = new TreeMap<>();

	SpecAnomalies(SampleCatalogue catalogue, List<SampleVillage> registry, Path catalogueFile) {
		this.catalogue = catalogue;
		this.minAbsChange = minAbsChange(catalogueFile);
		registry.forEach((village) -> this.villages.put(village.code(), village));
	}

	List<Flag> flags(MiniPipeline.Outcome outcome, List<YearMonth> periods) {
		List<Flag> flags = new ArrayList<>();
		var accepted = outcome.accepted();
		for (YearMonth period : periods) {
			for (SampleIndicator indicator : this.catalogue.indicators()) {
				double minAbs = this.minAbsChange.get(indicator.code());
				if (indicator.stock()) {
					stockChange(accepted, period, indicator.code(), minAbs, flags);
				}
				else {
					history(accepted, period, indicator.code(), minAbs, flags);
					peers(accepted, period, indicator.code(), minAbs, flags);
				}
			}
			copied(accepted, period, flags);
		}
		return flags;
	}

	private void history(Map<String, Map<YearMonth, Map<String, BigDecimal>>> accepted, YearMonth period, String code,
			double minAbs, List<Flag> flags) {
		accepted.forEach((village, months) -> {
			Double x = value(months.get(period), code);
			if (x == null) {
				return;
			}
			List<Double> history = new ArrayList<>();
			for (int back = 1; back <= 12; back++) {
				Double h = value(months.get(period.minusMonths(back)), code);
				if (h != null) {
					history.add(h);
				}
			}
			if (history.size() >= 6) {
				double[] h = history.stream().mapToDouble(Double::doubleValue).toArray();
				double m = median(h);
				if (Math.abs(score(x, h)) > 3.5 && Math.abs(x - m) >= minAbs) {
					flags.add(new Flag("OUTLIER_HISTORY", village, period, code));
				}
			}
		});
	}

	private void peers(Map<String, Map<YearMonth, Map<String, BigDecimal>>> accepted, YearMonth period, String code,
			double minAbs, List<Flag> flags) {
		Map<String, Map<String, Double>> byTownship = new TreeMap<>();
		accepted.forEach((village, months) -> {
			Double x = value(months.get(period), code);
			if (x != null) {
				byTownship.computeIfAbsent(this.villages.get(village).townshipCode(), (t) -> new TreeMap<>())
					.put(village, x);
			}
		});
		byTownship.values().stream().filter((values) -> values.size() >= 5).forEach((values) -> {
			double[] rates = values.entrySet()
				.stream()
				.mapToDouble((e) -> e.getValue() / this.villages.get(e.getKey()).households())
				.toArray();
			double m = median(rates);
			values.forEach((village, x) -> {
				int households = this.villages.get(village).households();
				if (Math.abs(score(x / households, rates)) > 5 && Math.abs(x - m * households) >= minAbs) {
					flags.add(new Flag("OUTLIER_PEERS", village, period, code));
				}
			});
		});
	}

	private void stockChange(Map<String, Map<YearMonth, Map<String, BigDecimal>>> accepted, YearMonth period,
			String code, double minAbs, List<Flag> flags) {
		accepted.forEach((village, months) -> {
			Double x = value(months.get(period), code);
			Double p = value(months.get(period.minusMonths(1)), code);
			if (x != null && p != null && Math.abs(x - p) > 0.2 * p && Math.abs(x - p) >= minAbs) {
				flags.add(new Flag("STOCK_CHANGE", village, period, code));
			}
		});
	}

	private void copied(Map<String, Map<YearMonth, Map<String, BigDecimal>>> accepted, YearMonth period,
			List<Flag> flags) {
		accepted.forEach((village, months) -> {
			Map<String, BigDecimal> now = months.get(period);
			Map<String, BigDecimal> before = months.get(period.minusMonths(1));
			if (now == null || before == null) {
				return;
			}
			int nonZero = 0;
			for (SampleIndicator indicator : this.catalogue.indicators()) {
				if (indicator.stock()) {
					continue;
				}
				Double a = value(now, indicator.code());
				if (!Objects.equals(a, value(before, indicator.code()))) {
					return;
				}
				nonZero += (a != null && a != 0) ? 1 : 0;
			}
			if (nonZero >= 3) {
				flags.add(new Flag("COPIED_RETURN", village, period, ""));
			}
		});
	}

	/** The robust score of spec section 7, with its fallbacks when the MAD is zero. */
	static double score(double x, double[] values) {
		double m = median(values);
		double mad = median(Arrays.stream(values).map((v) -> Math.abs(v - m)).toArray());
		if (mad > 0) {
			return 0.6745 * (x - m) / mad;
		}
		double meanAd = Arrays.stream(values).map((v) -> Math.abs(v - m)).average().orElse(0);
		if (meanAd > 0) {
			return (x - m) / (1.253314 * meanAd);
		}
		return (x == m) ? 0 : (x > m) ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
	}

	static double median(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		int middle = sorted.length / 2;
		return (sorted.length % 2 == 1) ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
	}

	private static Double value(Map<String, BigDecimal> values, String code) {
		if (values == null) {
			return null;
		}
		BigDecimal value = values.get(code);
		return (value != null) ? value.doubleValue() : null;
	}

	private static Map<String, Double> minAbsChange(Path file) {
		Map<String, Double> thresholds = new TreeMap<>();
		try (CSVParser parser = CSVParser.parse(Files.readString(file, StandardCharsets.UTF_8),
				CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get())) {
			for (CSVRecord record : parser) {
				thresholds.put(record.get("code"), Double.parseDouble(record.get("min_abs_change")));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return thresholds;
	}

}
