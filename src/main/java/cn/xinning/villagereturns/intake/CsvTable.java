package cn.xinning.villagereturns.intake;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import cn.xinning.villagereturns.support.Text;

/**
 * The rows of a decoded file, each with the line a clerk sees it on in a text editor (a
 * quoted field may span lines; a row is numbered by its first line). Blank lines and rows
 * of empty cells ({@code ,,,,}) are left out; the first row kept is the header.
 *
 * @param delimiter comma, or tab when the header row has tabs and no commas
 * @param rows the rows, header first
 */
public record CsvTable(char delimiter, List<Row> rows) {

	private static final Pattern BROKEN_AT = Pattern.compile("(?:startline|at line:?)\\s*(\\d+)");

	/**
	 * @param line 1-based line number of the row's first character
	 * @param cells the cells as written (not yet trimmed)
	 */
	public record Row(int line, List<String> cells) {

		public String cell(int index) {
			return (index < this.cells.size()) ? this.cells.get(index) : "";
		}

	}

	/** A quote that is never closed, or text after a closing quote. */
	public static final class MalformedCsvException extends Exception {

		private final int line;

		MalformedCsvException(int line, String message) {
			super(message);
			this.line = line;
		}

		public int line() {
			return this.line;
		}

	}

	public boolean isEmpty() {
		return this.rows.isEmpty();
	}

	public Row header() {
		return this.rows.get(0);
	}

	/** The table whose header is the row at {@code index} (the rows above dropped). */
	public CsvTable from(int index) {
		return new CsvTable(this.delimiter, this.rows.subList(index, this.rows.size()));
	}

	public List<Row> dataRows() {
		return this.rows.subList(1, this.rows.size());
	}

	public static CsvTable parse(String text) throws MalformedCsvException {
		int[] lineStarts = lineStarts(text);
		char delimiter = delimiterOf(firstNonBlankLine(text));
		CSVFormat format = CSVFormat.RFC4180.builder()
			.setDelimiter(delimiter)
			.setIgnoreEmptyLines(false)
			.setIgnoreSurroundingSpaces(false)
			.get();
		List<Row> rows = new ArrayList<>();
		try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(format).get()) {
			var iterator = parser.iterator();
			while (true) {
				CSVRecord record;
				try {
					if (!iterator.hasNext()) {
						break;
					}
					record = iterator.next();
				}
				catch (UncheckedIOException ex) {
					String message = String.valueOf(ex.getCause().getMessage());
					throw new MalformedCsvException(lineOf(message, (int) parser.getCurrentLineNumber() + 1), message);
				}
				List<String> cells = record.toList();
				if (cells.stream().allMatch((cell) -> Text.stripAll(cell).isEmpty())) {
					continue;
				}
				rows.add(new Row(lineOf(lineStarts, record.getCharacterPosition()), cells));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new CsvTable(delimiter, List.copyOf(rows));
	}

	/**
	 * Commons CSV names the line where the broken field starts ("(startline 3)", "at
	 * line: 3"); its position counter has already run past it, to the end of the file for
	 * an unclosed quote.
	 */
	private static int lineOf(String message, int fallback) {
		Matcher matcher = BROKEN_AT.matcher(message);
		return matcher.find() ? Integer.parseInt(matcher.group(1)) : fallback;
	}

	private static String firstNonBlankLine(String text) {
		int start = 0;
		while (start < text.length()) {
			int end = start;
			while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
				end++;
			}
			String line = text.substring(start, end);
			if (!Text.stripAll(line).isEmpty()) {
				return line;
			}
			start = end + 1;
		}
		return "";
	}

	private static char delimiterOf(String headerLine) {
		return (headerLine.indexOf('\t') >= 0 && headerLine.indexOf(',') < 0) ? '\t' : ',';
	}

	/** Offsets at which each line begins; CRLF, LF and a lone CR each end a line. */
	private static int[] lineStarts(String text) {
		int[] starts = new int[16];
		int count = 0;
		starts[count++] = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			boolean end = c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'));
			if (end) {
				if (count == starts.length) {
					starts = Arrays.copyOf(starts, count * 2);
				}
				starts[count++] = i + 1;
			}
		}
		return Arrays.copyOf(starts, count);
	}

	private static int lineOf(int[] lineStarts, long position) {
		int index = Arrays.binarySearch(lineStarts, (int) position);
		return (index >= 0) ? index + 1 : -index - 1;
	}

}
