package cn.xinning.villagereturns.reporting;

/** Formats of the exports. */
public enum ReportFormat {

	/** One UTF-8 (with BOM) CSV file per table, as spec section 10 defines them. */
	CSV,

	/**
	 * One workbook, {@code village-returns-<period>.xlsx} (a range:
	 * {@code <first>_<last>}), a sheet per table: the CSV header row, a Chinese label
	 * row, then the rows, numbers as numbers.
	 */
	XLSX,

	/**
	 * One self-contained report per period, {@code village-returns-<period>.html}: county
	 * and township tables, completeness and timeliness, twelve-month trends.
	 */
	HTML

}
