package cn.xinning.villagereturns.reporting;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import cn.xinning.villagereturns.support.PeriodRange;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The workbook writer on its own: cell types, formula-looking text, sheets that overflow.
 */
class XlsxExportTests {

	static final PeriodRange RANGE = PeriodRange.parse("2026-01");

	@Test
	void textIsNeverAFormulaAndNumbersAreExact() throws Exception {
		ExportTable table = table("anomalies.csv", List.of("=SUM(A1)", "-inf", "6.6"), List.of("+1", "inf", ""),
				List.of("@x", "0.05", "412"));

		try (XSSFWorkbook workbook = write(new XlsxExport(), table)) {
			Sheet sheet = workbook.getSheet("anomalies");
			assertThat(cell(sheet, 2, 0).getCellType()).isEqualTo(CellType.STRING);
			assertThat(cell(sheet, 2, 0).getStringCellValue()).isEqualTo("=SUM(A1)");
			assertThat(cell(sheet, 3, 0).getStringCellValue()).isEqualTo("+1");
			assertThat(cell(sheet, 4, 0).getStringCellValue()).isEqualTo("@x");
			// not a finite number: kept as the exported text rather than lost
			assertThat(cell(sheet, 2, 1).getStringCellValue()).isEqualTo("-inf");
			assertThat(cell(sheet, 3, 1).getStringCellValue()).isEqualTo("inf");
			assertThat(cell(sheet, 4, 1).getNumericCellValue()).isEqualTo(0.05);
			assertThat(cell(sheet, 2, 2).getNumericCellValue()).isEqualTo(6.6);
			assertThat(sheet.getRow(3).getCell(2)).isNull();
			assertThat(cell(sheet, 4, 2).getNumericCellValue()).isEqualTo(412.0);
		}
	}

	@Test
	void aTableLongerThanASheetContinuesOnTheNextSheetWithTheSameHeadings() throws Exception {
		List<List<String>> rows = new ArrayList<>();
		for (int i = 1; i <= 7; i++) {
			rows.add(List.of("v" + i, String.valueOf(i), String.valueOf(i * 10)));
		}
		ExportTable table = table("village_values.csv", rows.toArray(List[]::new));

		try (XSSFWorkbook workbook = write(new XlsxExport(3), table)) {
			assertThat(workbook.getNumberOfSheets()).isEqualTo(3);
			List<String> firstCells = new ArrayList<>();
			for (String name : List.of("village_values", "village_values_2", "village_values_3")) {
				Sheet sheet = workbook.getSheet(name);
				assertThat(cell(sheet, 0, 0).getStringCellValue()).as(name).isEqualTo("a");
				assertThat(cell(sheet, 1, 2).getStringCellValue()).as(name).isEqualTo("丙");
				for (int r = 2; r <= sheet.getLastRowNum(); r++) {
					firstCells.add(cell(sheet, r, 0).getStringCellValue());
				}
			}
			assertThat(firstCells).containsExactly("v1", "v2", "v3", "v4", "v5", "v6", "v7");
			assertThat(cell(workbook.getSheet("village_values_3"), 2, 2).getNumericCellValue()).isEqualTo(70.0);
		}
	}

	@Test
	void anEmptyTableIsItsTwoHeadingRows() throws Exception {
		try (XSSFWorkbook workbook = write(new XlsxExport(), table("completeness.csv"))) {
			Sheet sheet = workbook.getSheet("completeness");
			assertThat(sheet.getLastRowNum()).isEqualTo(1);
			assertThat(cell(sheet, 1, 0).getStringCellValue()).isEqualTo("甲");
		}
	}

	private static XSSFWorkbook write(XlsxExport export, ExportTable table) throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		export.write(List.of(table), RANGE, java.time.LocalDateTime.parse("2026-11-04T10:00"),
				java.time.ZoneId.of("Asia/Shanghai"), out);
		return new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()));
	}

	private static Cell cell(Sheet sheet, int row, int column) {
		Row r = sheet.getRow(row);
		assertThat(r).as("row " + row).isNotNull();
		return r.getCell(column);
	}

	/** Columns a (text), b and c (numbers). */
	@SafeVarargs
	private static ExportTable table(String fileName, List<String>... rows) {
		return new ExportTable() {

			@Override
			public String fileName() {
				return fileName;
			}

			@Override
			public List<Column> columns() {
				return List.of(Column.text("a", "甲"), Column.number("b", "乙"), Column.number("c", "丙"));
			}

			@Override
			public void rows(PeriodRange range, Consumer<List<String>> sink) {
				List.of(rows).forEach(sink);
			}

		};
	}

}
