package cn.xinning.villagereturns.reporting;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import cn.xinning.villagereturns.ingest.IngestService;
import cn.xinning.villagereturns.ingest.IngestSummary;
import cn.xinning.villagereturns.support.PeriodRange;
import cn.xinning.villagereturns.support.SampleReturn;
import cn.xinning.villagereturns.support.TestRoot;

import static cn.xinning.villagereturns.support.FiveVillages.WANBA;
import static cn.xinning.villagereturns.support.FiveVillages.JIANGYUAN;
import static cn.xinning.villagereturns.support.FiveVillages.LONGTOU;
import static cn.xinning.villagereturns.support.FiveVillages.SHUIYAN;
import static cn.xinning.villagereturns.support.FiveVillages.WANTIAN;
import static cn.xinning.villagereturns.support.FiveVillages.PAIRED_HOUSEHOLDS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two townships (金石镇: 湾坝村, 江园村, 龙头村; a township named {@code 一渡水<镇>&} with 水堰村 and
 * {@code 湾田<村>}, names that must be escaped in HTML) over December 2025 to February 2026.
 * December: 湾田 does not report. January: everyone reports, nobody sends CONTACT_CARDS.
 * February: 龙头村 does not report, 湾田 reports a day late, nobody sends POLICY_BOOKLETS. The
 * 一渡水 villages never send CONTACT_CARDS.
 */
@SpringBootTest
class XlsxAndHtmlReportIntegrationTests {

	static final TestRoot root = TestRoot.create("reports");

	static final Path registry = root.registry();

	static {
		// names with markup characters: the workbook and the html report must escape them
		root.writeRegistry("""
				430528100201,湾坝村,430528100,金石镇,村,177,647,,
				430528100202,江园村,430528100,金石镇,村,351,1428,,
				430528100203,龙头村,430528100,金石镇,村,302,1161,,
				430528101201,水堰村,430528101,一渡水<镇>&,村,216,720,,
				430528101202,湾田<村>,430528101,一渡水<镇>&,村,253,839,,
				""");
	}

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry properties) {
		root.configure(properties, "file:" + registry);
	}

	@Autowired
	IngestService ingest;

	@Autowired
	ReportService reports;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeEach
	void reset() {
		root.reset(this.jdbc);
	}

	@Test
	void writesOneWorkbookAndAReportPerPeriodBesideTheCsvFiles() throws Exception {
		playScenario();

		List<Path> written = this.reports.write(PeriodRange.parse("2025-12..2026-02"), folder(),
				List.of(ReportFormat.CSV, ReportFormat.XLSX, ReportFormat.HTML));

		List<String> expected = new ArrayList<>(this.reports.tables().stream().map(ExportTable::fileName).toList());
		expected.addAll(List.of("village-returns-2025-12_2026-02.xlsx", "village-returns-2025-12.html",
				"village-returns-2026-01.html", "village-returns-2026-02.html"));
		assertThat(expected).startsWith("township_indicators.csv", "county_indicators.csv", "completeness.csv");
		assertThat(written).extracting((path) -> path.getFileName().toString()).containsExactlyElementsOf(expected);
		assertThat(folder()).isDirectoryNotContaining("glob:**.part");
		assertThat(this.reports.write(PeriodRange.parse("2026-02"), folder(), List.of(ReportFormat.XLSX)))
			.extracting((path) -> path.getFileName().toString())
			.containsExactly("village-returns-2026-02.xlsx");
	}

	@Test
	void everySheetIsItsCsvWithALabelRowAndNumbersAsNumbers() throws Exception {
		playScenario();
		PeriodRange range = PeriodRange.parse("2025-12..2026-02");
		Map<String, Path> files = new LinkedHashMap<>();
		for (Path file : this.reports.write(range, folder(), List.of(ReportFormat.CSV, ReportFormat.XLSX))) {
			files.put(file.getFileName().toString(), file);
		}

		try (InputStream in = Files.newInputStream(files.get("village-returns-2025-12_2026-02.xlsx"));
				XSSFWorkbook workbook = new XSSFWorkbook(in)) {
			assertThat(workbook.getNumberOfSheets()).isEqualTo(this.reports.tables().size());
			int numbers = 0;
			int blanks = 0;
			for (int t = 0; t < this.reports.tables().size(); t++) {
				ExportTable table = this.reports.tables().get(t);
				XSSFSheet sheet = workbook.getSheetAt(t);
				assertThat(sheet.getSheetName()).isEqualTo(table.sheetName());
				List<CSVRecord> csv = csv(files.get(table.fileName()));
				assertThat(strings(sheet.getRow(0))).as("header of " + table.sheetName())
					.isEqualTo(csv.get(0).toList())
					.isEqualTo(table.columns().stream().map(ExportTable.Column::name).toList());
				assertThat(strings(sheet.getRow(1))).as("labels of " + table.sheetName())
					.isEqualTo(table.columns().stream().map(ExportTable.Column::labelZh).toList());
				assertThat(sheet.getRow(1).getCell(0).getCellStyle().getFont().getItalic()).isTrue();
				assertThat(sheet.getLastRowNum()).as("rows of " + table.sheetName()).isEqualTo(csv.size());
				for (int r = 1; r < csv.size(); r++) {
					Row row = sheet.getRow(r + 1);
					for (int c = 0; c < table.columns().size(); c++) {
						String expected = csv.get(r).get(c);
						Cell cell = row.getCell(c);
						String where = table.sheetName() + " row " + (r + 2) + " column " + c;
						if (expected.isEmpty()) {
							assertThat(cell == null || cell.getCellType() == CellType.BLANK).as(where).isTrue();
							blanks++;
						}
						else if (table.columns().get(c).number() && !expected.endsWith("inf")) {
							assertThat(cell.getCellType()).as(where).isEqualTo(CellType.NUMERIC);
							assertThat(cell.getNumericCellValue()).as(where).isEqualTo(Double.parseDouble(expected));
							numbers++;
						}
						else {
							// a string cell is never a formula: the CSV's defusing
							// apostrophe is not needed
							String text = expected.matches("'[=+\\-@].*") ? expected.substring(1) : expected;
							assertThat(cell.getCellType()).as(where).isEqualTo(CellType.STRING);
							assertThat(cell.getStringCellValue()).as(where).isEqualTo(text);
						}
					}
				}
				assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
				assertThat(sheet.getPaneInformation().getHorizontalSplitTopRow()).isEqualTo((short) 2);
				assertThat(sheet.getCTWorksheet().getAutoFilter().getRef())
					.isEqualTo("A1:" + (char) ('A' + table.columns().size() - 1) + (csv.size() + 1));
			}
			assertThat(numbers).isGreaterThan(500);
			assertThat(blanks).isPositive();
			XSSFSheet county = workbook.getSheet("county_indicators");
			Row homeVisits = rowOf(county, "2026-02", "HOME_VISITS");
			assertThat(homeVisits.getCell(3).getNumericCellValue()).isEqualTo(1420.0);
			assertThat(homeVisits.getCell(4).getNumericCellValue()).isEqualTo(3080.0);
			Row booklets = rowOf(county, "2026-02", "POLICY_BOOKLETS");
			assertThat(booklets.getCell(3)).isNull();
			assertThat(booklets.getCell(4).getNumericCellValue()).isEqualTo(75.0);
			assertThat(rowOf(county, "2026-02", "LAND_TRANSFER_MU").getCell(3).getNumericCellValue()).isEqualTo(142.0);
			Row township = workbook.getSheet("township_indicators").getRow(2 + 20);
			assertThat(township.getCell(2).getStringCellValue()).isEqualTo("一渡水<镇>&");
			Row completeness = workbook.getSheet("completeness").getRow(2 + 7);
			assertThat(strings(completeness)).containsExactly("2026-02", "TOWNSHIP", "430528100", "", "", "", "", "");
			assertThat(completeness.getCell(6).getNumericCellValue()).isEqualTo(66.7);
		}
	}

	@Test
	void theHtmlReportShowsTheCountyTableTownshipsCompletenessAndTrends() throws Exception {
		playScenario();

		String html = html("2026-02");

		assertThat(html).startsWith("<!DOCTYPE html>")
			.contains("<title>新宁县“五个到户”村级月报 2026年2月</title>")
			.doesNotContain("<script src", "<link");
		// the county table, in catalogue order: month, year to date, villages reporting /
		// expected
		assertThat(row(html, "county-table", "HOME_VISITS")).isEqualTo("<tr data-indicator=\"HOME_VISITS\">"
				+ "<td class=\"seq\">6</td><td class=\"name\">上门走访人次</td><td class=\"unit\">人次</td>"
				+ "<td class=\"kind\">当月发生</td><td class=\"num\">1,420</td><td class=\"num\">3,080</td>"
				+ "<td class=\"cov partial\">4/5</td></tr>");
		assertThat(row(html, "county-table", "PAIRED_HOUSEHOLDS")).contains("<td class=\"seq\">1</td>",
				"<td class=\"kind\">月末存量</td><td class=\"num\">890</td><td class=\"num\">890</td>");
		assertThat(row(html, "county-table", "LAND_TRANSFER_MU")).contains("<td class=\"num\">142</td>");
		// an empty aggregate is "—", never 0; its year to date still shows January
		assertThat(row(html, "county-table", "POLICY_BOOKLETS"))
			.contains("<td class=\"num na\">—</td><td class=\"num\">75</td><td class=\"cov partial\">0/5</td>");
		List<String> order = new ArrayList<>();
		Matcher indicators = Pattern.compile("<tr data-indicator=\"([A-Z0-9_]+)\">")
			.matcher(table(html, "county-table"));
		while (indicators.find()) {
			order.add(indicators.group(1));
		}
		assertThat(order).hasSize(20).startsWith("PAIRED_HOUSEHOLDS", "PAIRED_CADRES").endsWith("ISSUES_ESCALATED");
		// township tables: value and coverage per township, the county as the last row
		String townships = html.substring(html.indexOf("class=\"data township-table\""));
		assertThat(townships).contains("<tr data-org=\"430528100\"><th class=\"name\" scope=\"row\">金石镇</th>"
				+ "<td class=\"fig partial\" title=\"本年累计 460\"><b>460</b><span class=\"cov\">2/3</span></td>");
		assertThat(townships)
			.contains("<tr data-org=\"430528101\"><th class=\"name\" scope=\"row\">一渡水&lt;镇&gt;&amp;</th>"
					+ "<td class=\"fig\" title=\"本年累计 430\"><b>430</b><span class=\"cov\">2/2</span></td>");
		assertThat(townships)
			.contains("<td class=\"fig na partial\" title=\"本年累计 —\"><b>—</b>" + "<span class=\"cov\">0/2</span></td>");
		// completeness and timeliness: under 80% red, under 100% amber, missing villages
		// named
		assertThat(row(html, "completeness-table", "430528100")).isEqualTo("<tr data-org=\"430528100\">"
				+ "<th class=\"name\" scope=\"row\">金石镇</th><td class=\"num\">3</td><td class=\"num\">2</td>"
				+ "<td class=\"num\">2</td><td class=\"num\">0</td><td class=\"num\">1</td><td class=\"pct bad\">66.7%</td>"
				+ "<td class=\"pct bad\">66.7%</td><td class=\"missing\">龙头村</td></tr>");
		assertThat(row(html, "completeness-table", "430528101")).contains("一渡水&lt;镇&gt;&amp;",
				"<td class=\"num\">2</td><td class=\"num\">2</td><td class=\"num\">1</td><td class=\"num\">1</td>"
						+ "<td class=\"num\">0</td><td class=\"pct ok\">100%</td><td class=\"pct bad\">50%</td>");
		assertThat(row(html, "completeness-table", "430528")).contains("全县",
				"<td class=\"pct warn\">80%</td><td class=\"pct bad\">60%</td>");
		// trends: the county's value for the 12 months ending at the period; no data is
		// null, not 0
		assertThat(html)
			.contains("{\"periods\":[\"2025-03\",\"2025-04\",\"2025-05\",\"2025-06\",\"2025-07\","
					+ "\"2025-08\",\"2025-09\",\"2025-10\",\"2025-11\",\"2025-12\",\"2026-01\",\"2026-02\"]")
			.contains("\n\"HOME_VISITS\":[null,null,null,null,null,null,null,null,null,1400,1660,1420]")
			.contains("\n\"CONTACT_CARDS\":[null,null,null,null,null,null,null,null,null,60,null,40]")
			.contains("\n\"POLICY_BOOKLETS\":[null,null,null,null,null,null,null,null,null,60,75,null]")
			.contains("\n\"LAND_TRANSFER_MU\":[null,null,null,null,null,null,null,null,null,142,177.5,142]")
			.contains("<div class=\"chart\" data-county=\"430528\" data-indicator=\"HOME_VISITS\"></div>");
		assertThat(html.split("class=\"chart\" ", -1)).hasSize(21);
		// the chart library is inlined
		assertThat(html).contains("echarts").hasSizeGreaterThan(1_000_000);
	}

	@Test
	void everyTextFromTheDataIsEscaped() throws Exception {
		playScenario();

		String december = html("2025-12");

		assertThat(row(december, "completeness-table", "430528101")).contains(
				"<th class=\"name\" scope=\"row\">一渡水&lt;镇&gt;&amp;</th>", "<td class=\"pct bad\">50%</td>",
				"<td class=\"missing\">湾田&lt;村&gt;</td>");
		for (String report : List.of(december, html("2026-01"), html("2026-02"))) {
			assertThat(report).doesNotContain("<镇>", "<村>", "镇>&<");
		}
		assertThat(december)
			.contains("\n\"HOME_VISITS\":[null,null,null,null,null,null,null,null,null,null,null,1400]");
	}

	@Test
	void aPeriodWithoutAggregatesSaysSo() throws Exception {
		String html = html("2024-06");

		assertThat(html).contains("本期尚无汇总数据").doesNotContain("county-table");
	}

	private void playScenario() throws Exception {
		for (String village : List.of(WANBA, JIANGYUAN, LONGTOU, SHUIYAN)) {
			drop("2025-12", village,
					Map.of("HOME_VISITS",
							Map.of(WANBA, "400", JIANGYUAN, "500", LONGTOU, "300", SHUIYAN, "200").get(village)),
					false);
		}
		IngestSummary december = run("2026-01-05T23:59:59");
		for (String village : List.of(WANBA, JIANGYUAN, LONGTOU, SHUIYAN, WANTIAN)) {
			drop("2026-01", village,
					Map.of("HOME_VISITS",
							Map.of(WANBA, "410", JIANGYUAN, "510", LONGTOU, "310", SHUIYAN, "210", WANTIAN, "220")
								.get(village)),
					true);
		}
		IngestSummary january = run("2026-02-05T10:00");
		for (String village : List.of(WANBA, JIANGYUAN, SHUIYAN)) {
			drop("2026-02", village, february(village), false);
		}
		IngestSummary february = run("2026-03-05T23:00");
		drop("2026-02", WANTIAN, february(WANTIAN), false);
		IngestSummary late = run("2026-03-06T08:00");
		for (IngestSummary run : List.of(december, january, february, late)) {
			assertThat(run.status()).isEqualTo("COMPLETED");
			assertThat(run.returnsRejected()).isZero();
		}
	}

	private static Map<String, String> february(String village) {
		Map<String, String> values = new LinkedHashMap<>();
		values.put("HOME_VISITS", Map.of(WANBA, "430", JIANGYUAN, "520", SHUIYAN, "230", WANTIAN, "240").get(village));
		values.put("POLICY_BOOKLETS", null);
		return values;
	}

	private static void drop(String period, String village, Map<String, String> values, boolean noContactCards) {
		SampleReturn sample = SampleReturn.of(village, period)
			.with("PAIRED_CADRES", "20")
			.with("PAIRED_HOUSEHOLDS", PAIRED_HOUSEHOLDS.get(village));
		values.forEach((indicator, value) -> {
			if (value != null) {
				sample.with(indicator, value);
			}
			else {
				sample.without(indicator);
			}
		});
		if (noContactCards || village.startsWith("430528101")) {
			sample.without("CONTACT_CARDS");
		}
		root.drop(period + "/" + village + ".csv", sample.longFile());
	}

	private IngestSummary run(String asOf) throws Exception {
		return this.ingest.ingest(Optional.of(LocalDateTime.parse(asOf)));
	}

	private static Path folder() {
		return root.path().resolve("reports");
	}

	private String html(String period) throws IOException {
		List<Path> written = this.reports.write(PeriodRange.parse(period), folder(), List.of(ReportFormat.HTML));
		assertThat(written).hasSize(1);
		return Files.readString(written.get(0), StandardCharsets.UTF_8);
	}

	/** The first table of the given class. */
	private static String table(String html, String tableClass) {
		int start = html.indexOf("<table class=\"data " + tableClass + "\">");
		assertThat(start).as(tableClass).isNotNegative();
		return html.substring(start, html.indexOf("</table>", start));
	}

	/**
	 * The row of the given indicator or organisation in the first table of the given
	 * class.
	 */
	private static String row(String html, String tableClass, String key) {
		Matcher row = Pattern
			.compile("<tr( class=\"total\")? data-(indicator|org)=\"" + Pattern.quote(key) + "\">.*?</tr>")
			.matcher(table(html, tableClass));
		assertThat(row.find()).as(key + " in " + tableClass).isTrue();
		return row.group();
	}

	private static List<CSVRecord> csv(Path file) throws IOException {
		String text = Files.readString(file, StandardCharsets.UTF_8);
		assertThat(text).startsWith("\uFEFF");
		return CSVFormat.RFC4180.parse(new StringReader(text.substring(1))).getRecords();
	}

	private static List<String> strings(Row row) {
		List<String> cells = new ArrayList<>();
		for (int c = 0; c < row.getLastCellNum(); c++) {
			Cell cell = row.getCell(c);
			cells.add((cell == null || cell.getCellType() != CellType.STRING) ? "" : cell.getStringCellValue());
		}
		return cells;
	}

	private static Row rowOf(XSSFSheet sheet, String period, String indicator) {
		for (Row row : sheet) {
			if (row.getRowNum() >= 2 && row.getCell(0).getStringCellValue().equals(period)
					&& row.getCell(2).getStringCellValue().equals(indicator)) {
				return row;
			}
		}
		throw new AssertionError(indicator + " " + period + " not in " + sheet.getSheetName());
	}

}
