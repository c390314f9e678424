package cn.xinning.villagereturns.console.exports;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.springframework.util.StreamUtils;

import cn.xinning.villagereturns.reporting.ExportTable;
import cn.xinning.villagereturns.reporting.ReportService;
import cn.xinning.villagereturns.support.PeriodRange;

/**
 * A period's CSV files in one zip, each entry the bytes {@code report} writes, in the
 * order of {@link ReportService#tables()}, every entry stamped with the time the data is
 * as of: the same data gives the same zip.
 */
final class CsvZip {

	private CsvZip() {
	}

	static String fileName(YearMonth period) {
		return "village-returns-" + period + "-csv.zip";
	}

	static void write(ReportService reports, PeriodRange range, LocalDateTime asOf, OutputStream out)
			throws IOException {
		ZipOutputStream zip = new ZipOutputStream(StreamUtils.nonClosing(out));
		for (ExportTable table : reports.tables()) {
			ZipEntry entry = new ZipEntry(table.fileName());
			entry.setTimeLocal(asOf);
			zip.putNextEntry(entry);
			// the csv writer closes its stream when done; the zip goes on
			reports.writeCsv(table, range, StreamUtils.nonClosing(zip));
			zip.closeEntry();
		}
		zip.finish();
		zip.flush();
	}

}
