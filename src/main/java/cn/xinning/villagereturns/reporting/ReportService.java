package cn.xinning.villagereturns.reporting;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import org.springframework.stereotype.Service;

import cn.xinning.villagereturns.ledger.IssuesSummaryTable;

import cn.xinning.villagereturns.support.PeriodRange;

/** Writes the exports of spec section 10 for a period (or a range of periods). */
@Service
public class ReportService {

	private final List<ExportTable> tables;

	private final HtmlReport htmlReport;

	public ReportService(TownshipIndicatorsTable township, CountyIndicatorsTable county, CompletenessTable completeness,
			AnomaliesTable anomalies, VillageValuesTable villageValues, IssuesSummaryTable issuesSummary,
			HtmlReport htmlReport) {
		this.tables = List.of(township, county, completeness, anomalies, villageValues, issuesSummary);
		this.htmlReport = htmlReport;
	}

	/** The tables in the order they appear in the workbook and the report. */
	public List<ExportTable> tables() {
		return this.tables;
	}

	public List<Path> write(PeriodRange range, Path folder, List<ReportFormat> formats) throws IOException {
		Files.createDirectories(folder);
		List<Path> written = new ArrayList<>();
		for (ReportFormat format : new LinkedHashSet<>(formats)) {
			switch (format) {
				case CSV -> {
					for (ExportTable table : this.tables) {
						written.add(atomically(folder.resolve(table.fileName()),
								(out) -> CsvExport.write(table, range, out)));
					}
				}
				case XLSX -> written.add(atomically(folder.resolve(workbookName(range)),
						(out) -> new XlsxExport().write(this.tables, range, out)));
				case HTML -> {
					for (YearMonth period = range.first(); !period.isAfter(range.last()); period = period
						.plusMonths(1)) {
						YearMonth month = period;
						written.add(atomically(folder.resolve(HtmlReport.fileName(month)),
								(out) -> this.htmlReport.write(month, out)));
					}
				}
			}
		}
		return written;
	}

	/**
	 * {@code village-returns-2026-02.xlsx}, or
	 * {@code village-returns-2026-01_2026-03.xlsx} for a range.
	 */
	static String workbookName(PeriodRange range) {
		String periods = range.first().equals(range.last()) ? range.firstText()
				: range.firstText() + "_" + range.lastText();
		return "village-returns-" + periods + ".xlsx";
	}

	/** Readers of the folder never see half a file: it is written aside, then renamed. */
	static Path atomically(Path target, Body body) throws IOException {
		Path partial = target.resolveSibling(target.getFileName() + ".part");
		try (OutputStream out = Files.newOutputStream(partial)) {
			body.write(out);
		}
		Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		return target;
	}

	@FunctionalInterface
	interface Body {

		void write(OutputStream out) throws IOException;

	}

}
