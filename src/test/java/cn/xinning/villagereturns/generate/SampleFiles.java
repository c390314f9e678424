package cn.xinning.villagereturns.generate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;

/**
 * Reads a generated sample back, independently of the generator's own code: decodes by
 * byte-order mark or strict decoding, splits lines the way a text editor counts them,
 * recognises the layout from the header and normalises values as spec section 3
 * describes. What the tests check is what this reader sees in the files, not what the
 * generator meant to write.
 */
final class SampleFiles {

	static final Charset GB18030 = Charset.forName("GB18030");

	private static final Pattern YEAR_MONTH = Pattern.compile("(\\d{4})[-/.]?(\\d{1,2})|(\\d{4})年(\\d{1,2})月");

	private SampleFiles() {
	}

	/** The encoding the bytes are in, as a clerk's tool wrote them. */
	enum Encoding {

		UTF8, UTF8_BOM, UTF16LE_BOM, GB18030

	}

	/** One value cell as found in a file. */
	record Cell(String file, int line, String villageText, String periodText, YearMonth period, String indicator,
			String raw) {

		boolean missing() {
			String text = normalized(this.raw);
			return text.isEmpty() || text.equals("-") || text.equals("—") || text.equals("/");
		}

		/**
		 * The number, or {@code null} when missing; throws when the cell is no number.
		 */
		BigDecimal number() {
			return missing() ? null : new BigDecimal(normalized(this.raw).replace(",", "").replace("，", ""));
		}

		Optional<BigDecimal> numberIfAny() {
			try {
				return Optional.ofNullable(number());
			}
			catch (NumberFormatException ex) {
				return Optional.empty();
			}
		}

	}

	/**
	 * A file as read.
	 *
	 * @param path path under the sample folder
	 * @param encoding how its bytes were decoded
	 * @param lines its lines (line 1 is {@code lines.get(0)})
	 * @param header the header cells
	 * @param wide whether it is a wide layout
	 * @param cells its value cells
	 * @param sha256 hash of its bytes
	 */
	record ReadFile(String path, Encoding encoding, List<String> lines, List<String> header, boolean wide,
			List<Cell> cells, String sha256) {

		String fileName() {
			return this.path.substring(this.path.lastIndexOf('/') + 1);
		}

	}

	/** Every file of the periods' folders, in path order. */
	static List<ReadFile> readAll(Path root, SampleCatalogue catalogue) {
		try (Stream<Path> files = Files.walk(root)) {
			return files.filter(Files::isRegularFile)
				.map((file) -> root.relativize(file).toString().replace('\\', '/'))
				.filter((path) -> path.matches("\\d{4}-\\d{2}/.*"))
				.sorted()
				.map((path) -> read(root, path, catalogue))
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static ReadFile read(Path root, String path, SampleCatalogue catalogue) {
		byte[] bytes;
		try {
			bytes = Files.readAllBytes(root.resolve(path));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Encoding encoding = encodingOf(bytes);
		String text = decode(bytes, encoding);
		List<String> lines = new ArrayList<>(Arrays.asList(text.split("\r?\n", -1)));
		if (lines.get(lines.size() - 1).isEmpty()) {
			lines.remove(lines.size() - 1);
		}
		char delimiter = (lines.get(0).contains("\t") && !lines.get(0).contains(",")) ? '\t' : ',';
		List<String> header = split(lines.get(0), delimiter);
		Map<String, Integer> columns = new TreeMap<>();
		for (int i = 0; i < header.size(); i++) {
			columns.put(normalized(header.get(i)).toLowerCase(Locale.ROOT), i);
		}
		boolean wide = !columns.containsKey("indicator_code") && !columns.containsKey("指标代码");
		int village = column(columns, "village_code", "村代码");
		int period = column(columns, "period", "报告期");
		List<Cell> cells = new ArrayList<>();
		for (int n = 1; n < lines.size(); n++) {
			List<String> row = split(lines.get(n), delimiter);
			if (row.stream().allMatch((cell) -> cell.isBlank())) {
				continue;
			}
			YearMonth month = period(row.get(period));
			if (wide) {
				for (int c = 0; c < header.size(); c++) {
					String indicator = indicatorOf(header.get(c), catalogue);
					if (indicator != null) {
						cells.add(new Cell(path, n + 1, row.get(village).strip(), row.get(period), month, indicator,
								cell(row, c)));
					}
				}
			}
			else {
				String indicator = cell(row, column(columns, "indicator_code", "指标代码")).strip();
				cells.add(new Cell(path, n + 1, row.get(village).strip(), row.get(period), month, indicator,
						cell(row, column(columns, "value", "数值"))));
			}
		}
		return new ReadFile(path, encoding, lines, header, wide, cells, sha256(bytes));
	}

	static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static Encoding encodingOf(byte[] bytes) {
		if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
			return Encoding.UTF16LE_BOM;
		}
		if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
			return Encoding.UTF8_BOM;
		}
		return decodes(bytes, StandardCharsets.UTF_8) ? Encoding.UTF8 : Encoding.GB18030;
	}

	static boolean decodes(byte[] bytes, Charset charset) {
		try {
			charset.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes));
			return true;
		}
		catch (CharacterCodingException ex) {
			return false;
		}
	}

	private static String decode(byte[] bytes, Encoding encoding) {
		return switch (encoding) {
			case UTF16LE_BOM -> new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
			case UTF8_BOM -> new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
			case UTF8 -> new String(bytes, StandardCharsets.UTF_8);
			case GB18030 -> new String(bytes, GB18030);
		};
	}

	static List<String> split(String line, char delimiter) {
		try (CSVParser parser = CSVParser.parse(line, CSVFormat.DEFAULT.builder().setDelimiter(delimiter).get())) {
			var records = parser.getRecords();
			return records.isEmpty() ? List.of("") : records.get(0).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static String normalized(String raw) {
		return Normalizer.normalize(raw, Normalizer.Form.NFKC).strip();
	}

	static YearMonth period(String raw) {
		Matcher m = YEAR_MONTH.matcher(normalized(raw));
		if (!m.matches()) {
			throw new IllegalArgumentException("Not a period: " + raw);
		}
		return (m.group(1) != null) ? YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)))
				: YearMonth.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)));
	}

	private static String indicatorOf(String header, SampleCatalogue catalogue) {
		String text = normalized(header);
		for (SampleIndicator indicator : catalogue.indicators()) {
			if (indicator.code().equalsIgnoreCase(text) || indicator.nameZh().equals(text)) {
				return indicator.code();
			}
		}
		return null;
	}

	private static int column(Map<String, Integer> columns, String... names) {
		for (String name : names) {
			if (columns.containsKey(name)) {
				return columns.get(name);
			}
		}
		return -1;
	}

	private static String cell(List<String> row, int index) {
		return (index >= 0 && index < row.size()) ? row.get(index) : "";
	}

}
