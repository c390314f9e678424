package cn.xinning.villagereturns.returns;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import cn.xinning.villagereturns.VillageReturnsProperties.Rules;
import cn.xinning.villagereturns.reference.Indicator;
import cn.xinning.villagereturns.reference.IndicatorCatalogue;
import cn.xinning.villagereturns.reference.Village;
import cn.xinning.villagereturns.reference.VillageRegistry;

/**
 * The county's catalogue and registry read from {@code jobs/*.csv} with plain commons-csv
 * (not with the code under test), and the validation context the fixtures are checked
 * against: a run in November 2026, reporting from January 2025, default warning
 * thresholds.
 */
final class Reference {

	static final YearMonth BUSINESS_MONTH = YearMonth.of(2026, 11);

	static final YearMonth REPORTING_START = YearMonth.of(2025, 1);

	private static final IndicatorCatalogue CATALOGUE = new IndicatorCatalogue(indicators());

	private static final VillageRegistry REGISTRY = new VillageRegistry(villages());

	private Reference() {
	}

	static IndicatorCatalogue catalogue() {
		return CATALOGUE;
	}

	static VillageRegistry registry() {
		return REGISTRY;
	}

	/** The registry with some lines changed (for valid_from / valid_to). */
	static VillageRegistry registry(UnaryOperator<Village> change) {
		return new VillageRegistry(villages().stream().map(change).toList());
	}

	static ValidationContext context() {
		return context(REGISTRY);
	}

	static ValidationContext context(VillageRegistry registry) {
		return new ValidationContext(CATALOGUE, registry, BUSINESS_MONTH, REPORTING_START, new Rules(3, 4, 20));
	}

	static List<Indicator> indicators() {
		List<Indicator> indicators = new ArrayList<>();
		for (CSVRecord r : records("jobs/indicators.csv")) {
			indicators.add(new Indicator(r.get("code"), r.get("name_zh"), r.get("name_en"), r.get("unit_zh"),
					Indicator.ValueType.valueOf(r.get("value_type")), Indicator.Kind.valueOf(r.get("kind")),
					r.get("required").equals("Y"), decimal(r.get("max")), decimal(r.get("max_per_household")),
					new BigDecimal(r.get("min_abs_change")), indicators.size() + 1));
		}
		return indicators;
	}

	static List<Village> villages() {
		List<Village> villages = new ArrayList<>();
		for (CSVRecord r : records("jobs/villages.csv")) {
			villages.add(new Village(r.get("village_code"), r.get("village_name"), r.get("township_code"),
					r.get("township_name"), r.get("kind"), Integer.parseInt(r.get("households")),
					Integer.parseInt(r.get("population")), Optional.empty(), Optional.empty()));
		}
		return villages;
	}

	private static Optional<BigDecimal> decimal(String text) {
		return text.isEmpty() ? Optional.empty() : Optional.of(new BigDecimal(text));
	}

	private static List<CSVRecord> records(String path) {
		CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
		try (Reader reader = Files.newBufferedReader(Path.of(path), StandardCharsets.UTF_8)) {
			return format.parse(reader).getRecords();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
