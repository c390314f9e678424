package cn.xinning.villagereturns.reporting;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;

import cn.xinning.villagereturns.support.ExcelCsv;
import cn.xinning.villagereturns.support.PeriodRange;

/**
 * Writes an export table as CSV: UTF-8 with BOM, one header row, formula-safe text cells.
 */
final class CsvExport {

	private CsvExport() {
	}

	static void write(ExportTable table, PeriodRange range, OutputStream out) throws IOException {
		List<ExportTable.Column> columns = table.columns();
		try (ExcelCsv csv = new ExcelCsv(out)) {
			csv.header(columns.stream().map(ExportTable.Column::name).toArray(String[]::new));
			try {
				table.rows(range, (row) -> {
					for (int i = 0; i < columns.size(); i++) {
						if (columns.get(i).number()) {
							csv.number(row.get(i));
						}
						else {
							csv.text(row.get(i));
						}
					}
					try {
						csv.end();
					}
					catch (IOException ex) {
						throw new UncheckedIOException(ex);
					}
				});
			}
			catch (UncheckedIOException ex) {
				throw ex.getCause();
			}
		}
	}

}
