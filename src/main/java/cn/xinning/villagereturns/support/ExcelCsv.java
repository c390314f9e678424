package cn.xinning.villagereturns.support;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * CSV that Excel on a Chinese Windows opens correctly: UTF-8 with a byte-order mark,
 * CRLF, RFC 4180 quoting. Text cells that start with {@code = + - @} get a leading
 * apostrophe so that Excel shows them instead of running them as formulas; number cells
 * are written as they are.
 */
public final class ExcelCsv implements Closeable {

	private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get();

	private final CSVPrinter printer;

	private final List<String> row = new ArrayList<>();

	public ExcelCsv(OutputStream out) throws IOException {
		BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
		writer.write('\uFEFF');
		this.printer = new CSVPrinter(writer, FORMAT);
	}

	public ExcelCsv header(String... names) throws IOException {
		for (String name : names) {
			text(name);
		}
		return end();
	}

	/** A text cell, defused if Excel would read it as a formula. */
	public ExcelCsv text(String value) {
		this.row.add(safe(value));
		return this;
	}

	/** A number, or an empty cell; never defused ({@code -inf} is a number). */
	public ExcelCsv number(String value) {
		this.row.add((value != null) ? value : "");
		return this;
	}

	public ExcelCsv end() throws IOException {
		this.printer.printRecord(this.row);
		this.row.clear();
		return this;
	}

	public static String safe(String value) {
		if (value == null || value.isEmpty()) {
			return "";
		}
		char first = value.charAt(0);
		return (first == '=' || first == '+' || first == '-' || first == '@') ? "'" + value : value;
	}

	@Override
	public void close() throws IOException {
		this.printer.close(true);
	}

}
