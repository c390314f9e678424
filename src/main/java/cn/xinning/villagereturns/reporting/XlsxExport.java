package cn.xinning.villagereturns.reporting;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFCell;
import org.apache.poi.xssf.streaming.SXSSFRow;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.util.StreamUtils;

import cn.xinning.villagereturns.support.PeriodRange;

/**
 * Writes the export tables as one workbook, a sheet per table, streamed (SXSSF: only a
 * window of rows is in memory, the rest goes to a temporary file), so a province's
 * village values do not grow the heap.
 *
 * <p>
 * Row 1 of every sheet is the machine column names exactly as in the CSV, so a program
 * reads the sheet like the CSV; row 2 is the Chinese labels (grey italic) for people;
 * then the data rows. Number columns are numeric cells built from the exported string (an
 * empty string is a blank cell: missing is not zero); text columns are string cells,
 * which Excel never evaluates, so the CSV's formula apostrophe is not needed. A table
 * longer than a sheet continues on sheets {@code name_2}, {@code name_3}... with the same
 * two heading rows.
 */
final class XlsxExport {

	/** Rows kept in memory per sheet before they are flushed to the temporary file. */
	private static final int WINDOW = 200;

	private static final int HEADING_ROWS = 2;

	private static final int MAX_WIDTH = 60;

	private final int maxDataRows;

	XlsxExport() {
		this(SpreadsheetVersion.EXCEL2007.getMaxRows() - HEADING_ROWS);
	}

	/**
	 * @param maxDataRows data rows per sheet before the table continues on the next sheet
	 */
	XlsxExport(int maxDataRows) {
		this.maxDataRows = maxDataRows;
	}

	/**
	 * Writes the workbook.
	 * @param asOf the time the data is as of (the business time of the latest run): the
	 * workbook's creation date and the time of each of its zip entries, so the same data
	 * gives the same bytes, whoever asks and whenever (the console's download equals
	 * {@code report}'s file)
	 * @param zone the county's zone, in which {@code asOf} is
	 */
	void write(List<ExportTable> tables, PeriodRange range, LocalDateTime asOf, ZoneId zone, OutputStream out)
			throws IOException {
		Path written = Files.createTempFile("village-returns-", ".xlsx");
		try {
			try (SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW)) {
				try {
					workbook.setCompressTempFiles(true);
					// POI sets "created" to the wall clock; the data's time instead
					workbook.getXSSFWorkbook()
						.getProperties()
						.getCoreProperties()
						.setCreated(Optional.of(Date.from(asOf.atZone(zone).toInstant())));
					Styles styles = new Styles(workbook);
					for (ExportTable table : tables) {
						SheetWriter writer = new SheetWriter(workbook, styles, table);
						table.rows(range, writer::row);
						writer.finish();
					}
					try (OutputStream file = Files.newOutputStream(written)) {
						workbook.write(file);
					}
				}
				finally {
					workbook.dispose();
				}
			}
			restamp(written, asOf, out);
		}
		finally {
			Files.deleteIfExists(written);
		}
	}

	/**
	 * Copies the package entry by entry with the given time: POI stamps every zip entry
	 * with the wall clock. The entries are inflated and deflated again at the default
	 * level, which gives the same bytes for the same content.
	 */
	static void restamp(Path workbook, LocalDateTime asOf, OutputStream out) throws IOException {
		ZipOutputStream zip = new ZipOutputStream(StreamUtils.nonClosing(out));
		// read through the central directory (in the order written): POI's local headers
		// leave the sizes to it
		try (ZipFile in = new ZipFile(workbook.toFile())) {
			for (ZipEntry entry : Collections.list(in.entries())) {
				ZipEntry copy = new ZipEntry(entry.getName());
				copy.setTimeLocal(asOf);
				zip.putNextEntry(copy);
				try (InputStream content = in.getInputStream(entry)) {
					content.transferTo(zip);
				}
				zip.closeEntry();
			}
		}
		zip.finish();
		zip.flush();
	}

	/** Writes one table's rows, starting a continuation sheet when a sheet is full. */
	private final class SheetWriter {

		private final SXSSFWorkbook workbook;

		private final Styles styles;

		private final ExportTable table;

		private final List<ExportTable.Column> columns;

		private SXSSFSheet sheet;

		private int sheets;

		private int dataRows;

		private int[] widths;

		SheetWriter(SXSSFWorkbook workbook, Styles styles, ExportTable table) {
			this.workbook = workbook;
			this.styles = styles;
			this.table = table;
			this.columns = table.columns();
			startSheet();
		}

		void row(List<String> cells) {
			if (this.dataRows == XlsxExport.this.maxDataRows) {
				finish();
				startSheet();
			}
			SXSSFRow row = this.sheet.createRow(HEADING_ROWS + this.dataRows);
			this.dataRows++;
			for (int i = 0; i < this.columns.size(); i++) {
				String value = cells.get(i);
				if (value == null || value.isEmpty()) {
					continue;
				}
				SXSSFCell cell = row.createCell(i);
				Double number = this.columns.get(i).number() ? number(value) : null;
				if (number != null) {
					cell.setCellValue(number);
				}
				else {
					cell.setCellValue(value);
				}
				this.widths[i] = Math.max(this.widths[i], displayWidth(value));
			}
		}

		/**
		 * Column widths and the filter, once the sheet's rows are known (SXSSF keeps
		 * both).
		 */
		void finish() {
			for (int i = 0; i < this.widths.length; i++) {
				this.sheet.setColumnWidth(i, (Math.min(this.widths[i], MAX_WIDTH) + 2) * 256);
			}
			int lastRow = HEADING_ROWS + this.dataRows - 1;
			this.sheet.setAutoFilter(new CellRangeAddress(0, lastRow, 0, this.columns.size() - 1));
		}

		private void startSheet() {
			this.sheets++;
			String name = this.table.sheetName();
			if (this.sheets > 1) {
				String suffix = "_" + this.sheets;
				name = name.substring(0, Math.min(name.length(), 31 - suffix.length())) + suffix;
			}
			this.sheet = this.workbook.createSheet(name);
			this.dataRows = 0;
			this.widths = new int[this.columns.size()];
			SXSSFRow names = this.sheet.createRow(0);
			SXSSFRow labels = this.sheet.createRow(1);
			for (int i = 0; i < this.columns.size(); i++) {
				ExportTable.Column column = this.columns.get(i);
				SXSSFCell name0 = names.createCell(i);
				name0.setCellValue(column.name());
				name0.setCellStyle(this.styles.names);
				SXSSFCell label = labels.createCell(i);
				label.setCellValue(column.labelZh());
				label.setCellStyle(this.styles.labels);
				this.widths[i] = Math.max(displayWidth(column.name()), displayWidth(column.labelZh()));
			}
			this.sheet.createFreezePane(0, HEADING_ROWS);
		}

	}

	/**
	 * The exported number as a double ({@code "6.6"} is the double nearest 6.6, as Excel
	 * would read the CSV); {@code null} for a cell that is not a finite number (e.g.
	 * {@code inf}), which is then kept as text rather than lost.
	 */
	static Double number(String value) {
		try {
			double number = Double.parseDouble(value);
			return Double.isFinite(number) ? number : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	/** Width in Excel character units: a Chinese character is about two. */
	static int displayWidth(String text) {
		int width = 0;
		for (int i = 0; i < text.length(); i++) {
			width += (text.charAt(i) >= 0x2E80) ? 2 : 1;
		}
		return width;
	}

	private static final class Styles {

		final CellStyle names;

		final CellStyle labels;

		Styles(SXSSFWorkbook workbook) {
			Font bold = workbook.createFont();
			bold.setBold(true);
			this.names = workbook.createCellStyle();
			this.names.setFont(bold);
			this.names.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
			this.names.setFillPattern(FillPatternType.SOLID_FOREGROUND);
			Font grey = workbook.createFont();
			grey.setItalic(true);
			grey.setColor(IndexedColors.GREY_50_PERCENT.getIndex());
			this.labels = workbook.createCellStyle();
			this.labels.setFont(grey);
		}

	}

}
