package cn.xinning.villagereturns.intake;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import cn.xinning.villagereturns.support.Text;

/**
 * The rows of a decoded file, each with the line a clerk sees it on in a text editor (a
 * quoted field may span lines; a row is numbered by its first line). Blank lines and rows
 * of empty cells ({@code ,,,,}) are left out; the first row kept is the header.
 *
 * <p>
 * A file of ordinary size is held as a list of rows. A larger one is never held: parsing
 * checks it whole once (a broken quote anywhere rejects the file before any row is used)
 * and keeps its first rows; {@link #dataRows()} then reads it again as it is iterated, so
 * that memory does not grow with the file (a broken export of 60 MB must not take the
 * heap of every file of the run).
 */
public final class CsvTable {

	/** Rows held in memory; a file with more is read again each time it is iterated. */
	static final int HELD_ROWS = 20_000;

	/** Characters held in memory: a few long rows must not be held either. */
	static final long HELD_CHARS = 4_000_000;

	/** Rows kept of a larger file: enough to look for a header pushed down by titles. */
	private static final int LEADING_ROWS = 20;

	private static final Pattern BROKEN_AT = Pattern.compile("(?:startline|at line:?)\\s*(\\d+)");

	/** Where the text comes from: it may be opened more than once. */
	@FunctionalInterface
	public interface TextSource {

		Reader open() throws IOException;

	}

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

	/** The data rows, header left out, in file order. */
	public interface Rows extends Iterable<Row> {

		default Stream<Row> stream() {
			return StreamSupport.stream(spliterator(), false);
		}

		default List<Row> toList() {
			return stream().toList();
		}

	}

	private final char delimiter;

	private final TextSource source;

	/** Every row when {@link #held}, else the first {@value #LEADING_ROWS}. */
	private final List<Row> rows;

	private final boolean held;

	/** Rows of the text above the header (titles), skipped when it is read again. */
	private final int headerIndex;

	private CsvTable(char delimiter, TextSource source, List<Row> rows, boolean held, int headerIndex) {
		this.delimiter = delimiter;
		this.source = source;
		this.rows = List.copyOf(rows);
		this.held = held;
		this.headerIndex = headerIndex;
	}

	/** Comma, or tab when the header row has tabs and no commas. */
	public char delimiter() {
		return this.delimiter;
	}

	public boolean isEmpty() {
		return this.rows.isEmpty();
	}

	public Row header() {
		return this.rows.get(0);
	}

	/** The first rows, header first: where a header pushed down by title rows is. */
	public List<Row> leadingRows(int count) {
		return this.rows.subList(0, Math.min(count, this.rows.size()));
	}

	/** Every row, header first, in a list: for small files and tests. */
	public List<Row> rows() {
		if (this.held) {
			return this.rows;
		}
		List<Row> all = new ArrayList<>();
		all.add(header());
		dataRows().forEach(all::add);
		return all;
	}

	public Rows dataRows() {
		if (this.held) {
			List<Row> data = this.rows.isEmpty() ? List.of() : this.rows.subList(1, this.rows.size());
			return data::iterator;
		}
		return () -> {
			RowIterator rows = new RowIterator(this.source, this.delimiter);
			// the rows above the header (titles), then the header
			for (int i = 0; i <= this.headerIndex && rows.hasNext(); i++) {
				rows.next();
			}
			return rows;
		};
	}

	/**
	 * The table whose header is the row at {@code index} of the first rows (the titles
	 * above it dropped).
	 */
	public CsvTable from(int index) {
		return new CsvTable(this.delimiter, this.source, this.rows.subList(index, this.rows.size()), this.held,
				this.headerIndex + index);
	}

	public static CsvTable parse(String text) throws MalformedCsvException {
		return parse(() -> new StringReader(text));
	}

	/**
	 * Reads the whole text once: a broken quote anywhere is found now; only a file of
	 * ordinary size is held.
	 */
	public static CsvTable parse(TextSource source) throws MalformedCsvException {
		char delimiter = delimiterOf(source);
		List<Row> rows = new ArrayList<>();
		boolean held = true;
		long chars = 0;
		RowIterator iterator = new RowIterator(source, delimiter);
		try {
			while (iterator.hasNext()) {
				Row row = iterator.next();
				if (held) {
					for (String cell : row.cells()) {
						chars += cell.length();
					}
				}
				if (held && (rows.size() == HELD_ROWS || chars > HELD_CHARS) && rows.size() >= LEADING_ROWS) {
					held = false;
					rows.subList(LEADING_ROWS, rows.size()).clear();
				}
				if (held || rows.size() < LEADING_ROWS) {
					rows.add(row);
				}
			}
		}
		catch (BrokenCsv ex) {
			throw new MalformedCsvException(ex.line, ex.getMessage());
		}
		finally {
			iterator.close();
		}
		return new CsvTable(delimiter, source, rows, held, 0);
	}

	/**
	 * Thrown while iterating: the text was checked when parsed, so only a new read fails.
	 */
	private static final class BrokenCsv extends RuntimeException {

		private final int line;

		BrokenCsv(int line, String message) {
			super(message);
			this.line = line;
		}

	}

	/**
	 * The non-blank rows of a text, read as they are asked for. A row's line is one more
	 * than the line breaks read before it: Commons CSV counts CRLF, LF and a lone CR as
	 * one each, as a text editor does.
	 */
	private static final class RowIterator implements Iterator<Row>, AutoCloseable {

		private final CSVParser parser;

		private final Iterator<CSVRecord> records;

		private long linesBefore;

		private Row next;

		RowIterator(TextSource source, char delimiter) {
			CSVFormat format = CSVFormat.RFC4180.builder()
				.setDelimiter(delimiter)
				.setIgnoreEmptyLines(false)
				.setIgnoreSurroundingSpaces(false)
				.get();
			try {
				this.parser = CSVParser.builder().setReader(source.open()).setFormat(format).get();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			this.records = this.parser.iterator();
		}

		@Override
		public boolean hasNext() {
			while (this.next == null) {
				CSVRecord record;
				try {
					if (!this.records.hasNext()) {
						close();
						return false;
					}
					record = this.records.next();
				}
				catch (UncheckedIOException ex) {
					String message = String.valueOf(ex.getCause().getMessage());
					close();
					throw new BrokenCsv(lineOf(message, (int) this.parser.getCurrentLineNumber() + 1), message);
				}
				int line = (int) this.linesBefore + 1;
				this.linesBefore = this.parser.getCurrentLineNumber();
				List<String> cells = record.toList();
				if (!cells.stream().allMatch((cell) -> Text.stripAll(cell).isEmpty())) {
					this.next = new Row(line, cells);
				}
			}
			return true;
		}

		@Override
		public Row next() {
			if (!hasNext()) {
				throw new NoSuchElementException();
			}
			Row row = this.next;
			this.next = null;
			return row;
		}

		@Override
		public void close() {
			try {
				this.parser.close();
			}
			catch (IOException ex) {
				// nothing was written: nothing is lost
			}
		}

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

	/** From the first non-blank line, read a piece at a time (a line may be 100 kB). */
	private static char delimiterOf(TextSource source) {
		boolean tab = false;
		boolean blank = true;
		try (Reader in = source.open()) {
			char[] buffer = new char[8192];
			int n;
			while ((n = in.read(buffer)) > 0) {
				for (int i = 0; i < n; i++) {
					char c = buffer[i];
					if (c == '\n' || c == '\r') {
						if (!blank) {
							return tab ? '\t' : ',';
						}
						tab = false;
					}
					else if (c == ',') {
						// a comma makes its line the first non-blank one, and a comma
						// file
						return ',';
					}
					else if (c == '\t') {
						tab = true;
					}
					else if (blank && !Text.stripAll(String.valueOf(c)).isEmpty()) {
						blank = false;
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return (tab && !blank) ? '\t' : ',';
	}

}
