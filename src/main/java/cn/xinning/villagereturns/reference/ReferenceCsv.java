package cn.xinning.villagereturns.reference;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.core.io.Resource;

import cn.xinning.villagereturns.ConfigurationException;
import cn.xinning.villagereturns.intake.CsvTable;
import cn.xinning.villagereturns.intake.TextDecoder;
import cn.xinning.villagereturns.returns.Periods;
import cn.xinning.villagereturns.support.Sha256;
import cn.xinning.villagereturns.support.Text;

/**
 * A reference CSV file (registry or catalogue), read by column name, with errors naming
 * file and line. Its rows are streamed, never held together: a nation's registry is half
 * a million lines.
 */
final class ReferenceCsv {

	private final String source;

	private final String sha256;

	private final byte[] bytes;

	private final TextDecoder.Encoding encoding;

	private final Map<String, Integer> columns = new HashMap<>();

	private ReferenceCsv(String source, String sha256, byte[] bytes, TextDecoder.Encoding encoding) {
		this.source = source;
		this.sha256 = sha256;
		this.bytes = bytes;
		this.encoding = encoding;
		Iterator<CsvTable.Row> rows = rows(false).iterator();
		if (!rows.hasNext()) {
			throw new ConfigurationException("The reference file " + source + " is empty");
		}
		List<String> header = rows.next().cells();
		for (int i = 0; i < header.size(); i++) {
			this.columns.put(Text.normalize(header.get(i)).toLowerCase(Locale.ROOT), i);
		}
	}

	static ReferenceCsv read(Resource resource, String what) {
		String source = describe(resource);
		byte[] bytes;
		try (InputStream in = resource.getInputStream()) {
			bytes = in.readAllBytes();
		}
		catch (IOException ex) {
			throw new ConfigurationException("Cannot read the " + what + " " + source + ": " + ex.getMessage(), ex);
		}
		TextDecoder.Encoding encoding = TextDecoder.encodingOf(bytes)
			.orElseThrow(() -> new ConfigurationException(
					"The " + what + " " + source + " is neither UTF-8 nor GBK/GB18030 text"));
		return new ReferenceCsv(source, Sha256.of(bytes), bytes, encoding);
	}

	static String describe(Resource resource) {
		try {
			return resource.isFile() ? resource.getFile().getAbsolutePath() : resource.getDescription();
		}
		catch (IOException ex) {
			return resource.getDescription();
		}
	}

	String source() {
		return this.source;
	}

	String sha256() {
		return this.sha256;
	}

	/** The data rows (header left out), read as they are iterated; blank rows skipped. */
	Iterable<CsvTable.Row> rows() {
		return rows(true);
	}

	private Iterable<CsvTable.Row> rows(boolean skipHeader) {
		return () -> new Iterator<>() {

			private final CSVParser parser = open();

			private final Iterator<CSVRecord> records = this.parser.iterator();

			private CsvTable.Row next = advance(skipHeader);

			@Override
			public boolean hasNext() {
				return this.next != null;
			}

			@Override
			public CsvTable.Row next() {
				CsvTable.Row row = this.next;
				this.next = advance(false);
				return row;
			}

			private CsvTable.Row advance(boolean skipOne) {
				try {
					boolean skip = skipOne;
					while (this.records.hasNext()) {
						CSVRecord record = this.records.next();
						List<String> cells = record.toList();
						if (cells.stream().allMatch((cell) -> Text.stripAll(cell).isEmpty())) {
							continue;
						}
						if (skip) {
							skip = false;
							continue;
						}
						return new CsvTable.Row((int) this.parser.getCurrentLineNumber(), cells);
					}
					this.parser.close();
					return null;
				}
				catch (IOException | UncheckedIOException ex) {
					throw new ConfigurationException(ReferenceCsv.this.source + " line "
							+ this.parser.getCurrentLineNumber() + ": broken quoting (" + ex.getMessage() + ")");
				}
			}

		};
	}

	private CSVParser open() {
		try {
			InputStreamReader reader = new InputStreamReader(new ByteArrayInputStream(this.bytes,
					this.encoding.offset(), this.bytes.length - this.encoding.offset()), this.encoding.charset());
			return CSVParser.builder().setReader(reader).setFormat(CSVFormat.RFC4180).get();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	void require(String... names) {
		for (String name : names) {
			if (!this.columns.containsKey(name)) {
				throw new ConfigurationException(this.source + ": the column " + name + " is missing from the header");
			}
		}
	}

	boolean has(String name) {
		return this.columns.containsKey(name);
	}

	String text(CsvTable.Row row, String name) {
		Integer index = this.columns.get(name);
		return (index != null) ? Text.stripAll(row.cell(index)) : "";
	}

	String required(CsvTable.Row row, String name) {
		String value = text(row, name);
		if (value.isEmpty()) {
			throw error(row, name + " is empty");
		}
		return value;
	}

	int integer(CsvTable.Row row, String name, int whenEmpty) {
		String value = Text.normalize(text(row, name));
		if (value.isEmpty()) {
			return whenEmpty;
		}
		try {
			return Integer.parseInt(value);
		}
		catch (NumberFormatException ex) {
			throw error(row, name + " \"" + value + "\" is not a whole number");
		}
	}

	Optional<BigDecimal> decimal(CsvTable.Row row, String name) {
		String value = Text.normalize(text(row, name));
		if (value.isEmpty()) {
			return Optional.empty();
		}
		try {
			return Optional.of(new BigDecimal(value));
		}
		catch (NumberFormatException ex) {
			throw error(row, name + " \"" + value + "\" is not a number");
		}
	}

	Optional<YearMonth> period(CsvTable.Row row, String name) {
		String value = text(row, name);
		if (value.isEmpty()) {
			return Optional.empty();
		}
		return Optional
			.of(Periods.parse(value).orElseThrow(() -> error(row, name + " \"" + value + "\" is not YYYY-MM")));
	}

	LineError error(CsvTable.Row row, String message) {
		return new LineError(this.source, row.line(), message);
	}

	/** What is wrong with one line of a reference file. */
	static final class LineError extends ConfigurationException {

		private final int line;

		private final String problem;

		LineError(String source, int line, String problem) {
			super(source + " line " + line + ": " + problem);
			this.line = line;
			this.problem = problem;
		}

		int line() {
			return this.line;
		}

		String problem() {
			return this.problem;
		}

	}

}
