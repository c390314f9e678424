package cn.xinning.villagereturns.reporting;

import java.util.List;
import java.util.function.Consumer;

import cn.xinning.villagereturns.support.PeriodRange;

/**
 * One table of spec section 10: its machine column names (kept in every format), Chinese
 * labels for people, and its rows in export order, streamed so that a province's month
 * never sits in memory whole.
 */
public interface ExportTable {

	/** The CSV file name, e.g. {@code township_indicators.csv}. */
	String fileName();

	/** The sheet name in the Excel workbook (the file name without {@code .csv}). */
	default String sheetName() {
		return fileName().replace(".csv", "");
	}

	List<Column> columns();

	/**
	 * Every row of the periods, in the order of the key columns; each cell as it is
	 * exported.
	 */
	void rows(PeriodRange range, Consumer<List<String>> sink);

	/**
	 * @param name machine name, the CSV header
	 * @param labelZh Chinese label, for the Excel label row and the HTML report
	 * @param number a number cell (written as a number in Excel, never defused in CSV)
	 */
	record Column(String name, String labelZh, boolean number) {

		static Column text(String name, String labelZh) {
			return new Column(name, labelZh, false);
		}

		static Column number(String name, String labelZh) {
			return new Column(name, labelZh, true);
		}

	}

}
