package cn.xinning.villagereturns.reporting;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import cn.xinning.villagereturns.VillageReturnsProperties;
import cn.xinning.villagereturns.ledger.IssuesSummaryTable;
import cn.xinning.villagereturns.support.PeriodRange;

/** Writes the exports of spec section 10 for a period (or a range of periods). */
@Service
public class ReportService {

	private final List<ExportTable> tables;

	/**
	 * The time a workbook is stamped with when no run has happened yet (the earliest a
	 * zip entry can hold).
	 */
	static final LocalDateTime NO_RUN_YET = LocalDateTime.of(1980, 1, 1, 0, 0);

	private final HtmlReport htmlReport;

	private final JdbcTemplate jdbc;

	private final VillageReturnsProperties properties;

	private final CompletenessTable completeness;

	public ReportService(TownshipIndicatorsTable township, CountyIndicatorsTable county, CompletenessTable completeness,
			AnomaliesTable anomalies, VillageValuesTable villageValues, IssuesSummaryTable issuesSummary,
			HtmlReport htmlReport, JdbcTemplate jdbc, VillageReturnsProperties properties) {
		this.tables = List.of(township, county, completeness, anomalies, villageValues, issuesSummary);
		this.completeness = completeness;
		this.htmlReport = htmlReport;
		this.jdbc = jdbc;
		this.properties = properties;
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
						written.add(atomically(folder.resolve(table.fileName()), (out) -> writeCsv(table, range, out)));
					}
				}
				case XLSX ->
					written.add(atomically(folder.resolve(workbookName(range)), (out) -> writeXlsx(range, out)));
				case HTML -> {
					for (YearMonth period = range.first(); !period.isAfter(range.last()); period = period
						.plusMonths(1)) {
						YearMonth month = period;
						written.add(
								atomically(folder.resolve(HtmlReport.fileName(month)), (out) -> writeHtml(month, out)));
					}
				}
			}
		}
		return written;
	}

	/**
	 * One table as CSV (it closes {@code out}). The console's downloads call these
	 * writers too, so a download is the file {@code report} writes, byte for byte.
	 */
	public void writeCsv(ExportTable table, PeriodRange range, OutputStream out) throws IOException {
		CsvExport.write(table, range, out);
	}

	/**
	 * The workbook, stamped with {@link #dataAsOf()} rather than the wall clock, so the
	 * same data gives the same bytes.
	 */
	public void writeXlsx(PeriodRange range, OutputStream out) throws IOException {
		new XlsxExport().write(this.tables, range, dataAsOf(), this.properties.timeZone(), out);
	}

	/** A period's html report (it has no time in it: the same data, the same bytes). */
	public void writeHtml(YearMonth period, OutputStream out) throws IOException {
		this.htmlReport.write(period, out);
	}

	/**
	 * The month a reader most likely wants: the latest any return was received for, else
	 * the latest with figures (the same rule as the 完整性 screen's).
	 */
	public Optional<YearMonth> latestPeriodWithData() {
		return this.completeness.latestWithData();
	}

	/**
	 * The business time of the latest run, the time the data is as of; 1980-01-01 before
	 * the first.
	 */
	public LocalDateTime dataAsOf() {
		LocalDateTime latest = this.jdbc.queryForObject("select max(as_of) from ingest_run", LocalDateTime.class);
		return (latest != null) ? latest : NO_RUN_YET;
	}

	/**
	 * {@code village-returns-2026-02.xlsx}, or
	 * {@code village-returns-2026-01_2026-03.xlsx} for a range.
	 */
	public static String workbookName(PeriodRange range) {
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
