package cn.xinning.villagereturns.generate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the registry and the catalogue the sample is made for. The generator runs without
 * Spring (and without the database), so it reads the files itself rather than through the
 * reference package: by default the copies in {@code jobs/} on the classpath, else
 * {@code jobs/} of the working directory (a build that has not put them on the classpath
 * yet).
 */
final class ReferenceFiles {

	static final String REGISTRY = "jobs/villages.csv";

	static final String CATALOGUE = "jobs/indicators.csv";

	private static final Charset GB18030 = Charset.forName("GB18030");

	private ReferenceFiles() {
	}

	static List<SampleVillage> villages(Path file) {
		String source = (file != null) ? file.toString() : REGISTRY;
		List<SampleVillage> villages = new ArrayList<>();
		for (Row row : rows(file, REGISTRY, "village_code", "village_name", "township_code", "township_name",
				"households")) {
			int households = row.integer("households");
			if (households <= 0) {
				throw row.error("households must be positive / 户数必须大于 0");
			}
			villages.add(new SampleVillage(row.text("village_code"), row.text("village_name"),
					row.text("township_code"), row.text("township_name"), "社区".equals(row.text("kind")), households,
					row.period("valid_from"), row.period("valid_to")));
		}
		if (villages.isEmpty()) {
			throw new IllegalArgumentException("登记册没有村 / the registry has no village: " + source);
		}
		villages.sort((a, b) -> a.code().compareTo(b.code()));
		return villages;
	}

	static SampleCatalogue catalogue(Path file) {
		List<SampleIndicator> indicators = new ArrayList<>();
		for (Row row : rows(file, CATALOGUE, "code", "name_zh", "value_type", "kind", "required")) {
			indicators.add(new SampleIndicator(row.text("code").toUpperCase(Locale.ROOT), row.text("name_zh"),
					"DECIMAL".equalsIgnoreCase(row.text("value_type")), "STOCK".equalsIgnoreCase(row.text("kind")),
					!"N".equalsIgnoreCase(row.text("required")), row.decimal("max"), row.decimal("max_per_household")));
		}
		if (indicators.isEmpty()) {
			throw new IllegalArgumentException("指标目录为空 / the catalogue has no indicator");
		}
		return new SampleCatalogue(indicators);
	}

	private static List<Row> rows(Path file, String resource, String... required) {
		String source = (file != null) ? file.toString() : resource;
		String text = decode(bytes(file, resource), source);
		CSVFormat format = CSVFormat.DEFAULT.builder()
			.setHeader()
			.setSkipHeaderRecord(true)
			.setIgnoreEmptyLines(true)
			.setTrim(true)
			.get();
		List<Row> rows = new ArrayList<>();
		try (CSVParser parser = CSVParser.parse(text, format)) {
			Map<String, String> columns = new TreeMap<>();
			for (String name : parser.getHeaderNames()) {
				columns.put(name.trim().toLowerCase(Locale.ROOT), name);
			}
			for (String name : required) {
				if (!columns.containsKey(name)) {
					throw new IllegalArgumentException(source + ": 缺少列 / the column is missing: " + name);
				}
			}
			for (CSVRecord record : parser) {
				rows.add(new Row(source, record, columns));
			}
		}
		catch (IOException | UncheckedIOException ex) {
			throw new IllegalArgumentException(source + ": 不是可读的 CSV / not a readable CSV: " + ex.getMessage(), ex);
		}
		return rows;
	}

	private static byte[] bytes(Path file, String resource) {
		try {
			if (file != null) {
				return Files.readAllBytes(file);
			}
			try (InputStream in = ReferenceFiles.class.getClassLoader().getResourceAsStream(resource)) {
				if (in != null) {
					return in.readAllBytes();
				}
			}
			Path local = Path.of(resource);
			if (Files.isRegularFile(local)) {
				return Files.readAllBytes(local);
			}
		}
		catch (IOException ex) {
			throw new IllegalArgumentException(
					"无法读取 / cannot read " + ((file != null) ? file : resource) + ": " + ex.getMessage(), ex);
		}
		throw new IllegalArgumentException(
				"找不到 / not found: " + resource + " (类路径或当前目录 / neither on the classpath nor in the working directory)");
	}

	/**
	 * County staff edit these files in Excel too: UTF-8 (with or without BOM) or GB18030.
	 */
	private static String decode(byte[] bytes, String source) {
		for (Charset charset : List.of(StandardCharsets.UTF_8, GB18030)) {
			try {
				String text = charset.newDecoder()
					.onMalformedInput(CodingErrorAction.REPORT)
					.onUnmappableCharacter(CodingErrorAction.REPORT)
					.decode(ByteBuffer.wrap(bytes))
					.toString();
				return text.startsWith("\uFEFF") ? text.substring(1) : text;
			}
			catch (CharacterCodingException ex) {
				// try the next encoding
			}
		}
		throw new IllegalArgumentException(source + ": 编码无法识别 / neither UTF-8 nor GB18030");
	}

	/** One data row, read by lower-case column name. */
	private record Row(String source, CSVRecord record, Map<String, String> columns) {

		String text(String name) {
			String column = this.columns.get(name);
			return (column != null && this.record.isSet(column)) ? this.record.get(column).strip() : "";
		}

		int integer(String name) {
			try {
				return Integer.parseInt(text(name));
			}
			catch (NumberFormatException ex) {
				throw error(name + " \"" + text(name) + "\" 不是整数 / is not a whole number");
			}
		}

		BigDecimal decimal(String name) {
			String value = text(name);
			try {
				return value.isEmpty() ? null : new BigDecimal(value);
			}
			catch (NumberFormatException ex) {
				throw error(name + " \"" + value + "\" 不是数字 / is not a number");
			}
		}

		YearMonth period(String name) {
			String value = text(name);
			try {
				return value.isEmpty() ? null : YearMonth.parse(value);
			}
			catch (DateTimeParseException ex) {
				throw error(name + " \"" + value + "\" 不是 YYYY-MM / is not YYYY-MM");
			}
		}

		IllegalArgumentException error(String message) {
			return new IllegalArgumentException(this.source + " 第 " + (this.record.getRecordNumber() + 1) + " 行 / line "
					+ (this.record.getRecordNumber() + 1) + ": " + message);
		}

	}

}
