package cn.xinning.villagereturns.anomaly;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import cn.xinning.villagereturns.VillageReturnsProperties.Rules;
import cn.xinning.villagereturns.anomaly.VillageData.MonthReturn;
import cn.xinning.villagereturns.reference.Indicator;
import cn.xinning.villagereturns.reference.IndicatorCatalogue;
import cn.xinning.villagereturns.reference.Village;
import cn.xinning.villagereturns.support.DueDates;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the anomaly rule tests evaluate against, read with plain commons-csv and
 * {@link Properties} (not with the code under test): the catalogue of
 * {@code jobs/indicators.csv}, the anomaly thresholds of
 * {@code jobs/village-returns.properties}, warning rules (3, 4, 20), due day 5, period
 * {@link #P} = 2026-10 (due 2026-11-05 23:59:59), and 水堰村 (430528101201, 216 households)
 * whose returns the tests write month by month.
 */
final class AnomalyFixtures {

	static final YearMonth P = YearMonth.of(2026, 10);

	/** A business time well after the due date of {@link #P}. */
	static final LocalDateTime AFTER_DUE = LocalDateTime.of(2026, 11, 20, 2, 0);

	static final Village SHUIYAN = new Village("430528101201", "水堰村", "430528101", "一渡水镇", "村", 216, 720,
			Optional.empty(), Optional.empty());

	private static final IndicatorCatalogue CATALOGUE = new IndicatorCatalogue(indicators());

	private static final Properties SETTINGS = load("jobs/village-returns.properties");

	private static final Properties MESSAGES_ZH = load("src/main/resources/i18n/messages_zh.properties");

	private AnomalyFixtures() {
	}

	static IndicatorCatalogue catalogue() {
		return CATALOGUE;
	}

	static Indicator indicator(String code) {
		return CATALOGUE.get(code);
	}

	/**
	 * The anomaly thresholds exactly as {@code jobs/village-returns.properties} ships
	 * them.
	 */
	static AnomalyProperties anomaly() {
		String prefix = "village-returns.anomaly.";
		Map<String, FlagSeverity> severity = new LinkedHashMap<>();
		for (String key : SETTINGS.stringPropertyNames()) {
			if (key.startsWith(prefix + "severity[")) {
				String rule = key.substring((prefix + "severity[").length(), key.length() - 1);
				severity.put(rule, FlagSeverity.valueOf(SETTINGS.getProperty(key).trim()));
			}
		}
		List<String> rules = Arrays.stream(setting(prefix + "rules").split(",")).map(String::trim).toList();
		return new AnomalyProperties(rules, Integer.parseInt(setting(prefix + "history-months")),
				Integer.parseInt(setting(prefix + "history-min-values")),
				new BigDecimal(setting(prefix + "history-threshold")),
				new BigDecimal(setting(prefix + "history-high-threshold")),
				Integer.parseInt(setting(prefix + "peers-min-villages")),
				new BigDecimal(setting(prefix + "peers-threshold")),
				new BigDecimal(setting(prefix + "stock-change-ratio")),
				Integer.parseInt(setting(prefix + "copied-min-nonzero")), severity);
	}

	static RuleContext context() {
		return context(P, true, AFTER_DUE);
	}

	static RuleContext context(YearMonth period, boolean periodHasReturns, LocalDateTime businessTime) {
		return new RuleContext(period, periodHasReturns, businessTime, CATALOGUE, anomaly(), new Rules(3, 4, 20),
				new DueDates(5));
	}

	static Returns returns() {
		return new Returns();
	}

	/** Runs a village rule on 水堰村 and checks what every flag of it must carry. */
	static List<Flag> evaluate(VillageRule rule, VillageData data, RuleContext context) {
		List<Flag> flags = new ArrayList<>();
		rule.evaluate(data, SHUIYAN, context, flags::add);
		assertThat(flags).allSatisfy((flag) -> {
			assertThat(flag.period()).isEqualTo(context.period());
			assertThat(flag.orgLevel()).isEqualTo("VILLAGE");
			assertThat(flag.orgCode()).isEqualTo(SHUIYAN.code());
			assertThat(rule.codes()).contains(flag.rule());
		});
		return flags;
	}

	static List<String> described(List<Flag> flags) {
		return flags.stream().map(AnomalyFixtures::describe).toList();
	}

	/**
	 * {@code RULE INDICATOR SEVERITY x=observed [low, high] score=text key}: "-" for what
	 * a flag does not carry, numbers without trailing zeros, the score as
	 * {@link Score#text()}.
	 */
	static String describe(Flag flag) {
		return flag.rule() + " " + flag.indicator() + " " + flag.severity() + " x=" + number(flag.observed()) + " ["
				+ number(flag.expectedLow()) + ", " + number(flag.expectedHigh()) + "] score=" + flag.score().text()
				+ " " + flag.messageKey();
	}

	/** The flag's Chinese message, rendered as the console shows it. */
	static String zh(Flag flag) {
		String pattern = MESSAGES_ZH.getProperty(flag.messageKey());
		assertThat(pattern).as("message %s", flag.messageKey()).isNotNull();
		return new MessageFormat(pattern, Locale.CHINA).format(flag.arguments().toArray());
	}

	private static String number(Optional<BigDecimal> value) {
		return value.map((v) -> (v.signum() == 0) ? "0" : v.stripTrailingZeros().toPlainString()).orElse("-");
	}

	private static String setting(String key) {
		String value = SETTINGS.getProperty(key);
		assertThat(value).as(key).isNotNull();
		return value.trim();
	}

	private static List<Indicator> indicators() {
		List<Indicator> indicators = new ArrayList<>();
		CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
		try (Reader reader = Files.newBufferedReader(Path.of("jobs/indicators.csv"), StandardCharsets.UTF_8)) {
			for (CSVRecord r : format.parse(reader)) {
				indicators.add(new Indicator(r.get("code"), r.get("name_zh"), r.get("name_en"), r.get("unit_zh"),
						Indicator.ValueType.valueOf(r.get("value_type")), Indicator.Kind.valueOf(r.get("kind")),
						r.get("required").equals("Y"), decimal(r.get("max")), decimal(r.get("max_per_household")),
						new BigDecimal(r.get("min_abs_change")), indicators.size() + 1));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return indicators;
	}

	private static Optional<BigDecimal> decimal(String text) {
		return text.isEmpty() ? Optional.empty() : Optional.of(new BigDecimal(text));
	}

	private static Properties load(String path) {
		Properties properties = new Properties();
		try (Reader reader = Files.newBufferedReader(Path.of(path), StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return properties;
	}

	/**
	 * 水堰村's accepted returns, month by month. A month gets a return as soon as one value
	 * is put in it; unless told otherwise it was received on the 3rd of the next month,
	 * 10:00.
	 */
	static final class Returns {

		private final TreeMap<YearMonth, MonthReturn> months = new TreeMap<>();

		/**
		 * Values of one month's return, as code/value pairs
		 * ({@code "HOME_VISITS", "412"}).
		 */
		Returns in(YearMonth period, String... codesAndValues) {
			Map<String, BigDecimal> values = values(period);
			for (int i = 0; i < codesAndValues.length; i += 2) {
				values.put(codesAndValues[i], new BigDecimal(codesAndValues[i + 1]));
			}
			return this;
		}

		/**
		 * A return of the month with exactly these values (a missing value is absent).
		 */
		Returns in(YearMonth period, Map<String, String> values) {
			values(period);
			values.forEach((code, value) -> in(period, code, value));
			return this;
		}

		/**
		 * One indicator's values in the months before {@code period}, newest first: the
		 * first is {@code period - 1}, the second {@code period - 2}, ...; {@code null}
		 * skips a month.
		 */
		Returns before(YearMonth period, String code, String... newestFirst) {
			for (int back = 1; back <= newestFirst.length; back++) {
				if (newestFirst[back - 1] != null) {
					in(period.minusMonths(back), code, newestFirst[back - 1]);
				}
			}
			return this;
		}

		/** When the (first accepted) return of the month was received. */
		Returns receivedAt(YearMonth period, LocalDateTime time) {
			MonthReturn month = this.months.get(period);
			this.months.put(period, new MonthReturn(time, (month != null) ? month.values() : new LinkedHashMap<>()));
			return this;
		}

		VillageData data() {
			return new VillageData(SHUIYAN.code(), new TreeMap<>(this.months));
		}

		private Map<String, BigDecimal> values(YearMonth period) {
			return this.months
				.computeIfAbsent(period,
						(p) -> new MonthReturn(p.plusMonths(1).atDay(3).atTime(10, 0), new LinkedHashMap<>()))
				.values();
		}

	}

}
