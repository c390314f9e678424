package cn.xinning.villagereturns.console;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import cn.xinning.villagereturns.anomaly.FlagCounts;
import cn.xinning.villagereturns.anomaly.FlagSeverity;
import cn.xinning.villagereturns.console.indicators.TrendChart;
import cn.xinning.villagereturns.console.indicators.Trends;
import cn.xinning.villagereturns.console.security.ConsolePrincipal;
import cn.xinning.villagereturns.console.users.Role;
import cn.xinning.villagereturns.console.users.UserAccounts;
import cn.xinning.villagereturns.ingest.IngestService;
import cn.xinning.villagereturns.ingest.IngestSummary;
import cn.xinning.villagereturns.reporting.ExportTable;
import cn.xinning.villagereturns.reporting.ReportFigures;
import cn.xinning.villagereturns.reporting.ReportFigures.Level;
import cn.xinning.villagereturns.reporting.ReportService;
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
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * 总览 Overview and 指标 Indicators against the exports of the same data: two townships (金石镇:
 * 湾坝村, 江园村, 龙头村; 一渡水镇: 水堰村, 湾田村), January and February 2026. January: every village on
 * time. February: 龙头村 does not report (MISSING_RETURN, HIGH), 湾田村 is a day late
 * (LATE_RETURN, LOW), 江园村's 1000 home visits exceed 3 × its 300 paired households
 * (W-VISITS, LOW, on HOME_VISITS), nobody sends POLICY_BOOKLETS (an empty aggregate: "—",
 * never 0), and 湾坝村's ledger has three issues, one resolved in the village, one reported
 * to the township on the 25th (late: LATE_ESCALATION_TOWNSHIP, MEDIUM), one open.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK,
		properties = "spring.main.web-application-type=servlet")
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FiguresScreensIntegrationTests {

	static final TestRoot root = TestRoot.create("console-figures");

	static final Path registry = root.registry();

	static final String JINSHI = "430528100";

	static final String YIDU = "430528101";

	static final String COUNTY = "430528";

	static final Map<String, String> JANUARY_VISITS = Map.of(WANBA, "410", JIANGYUAN, "510", LONGTOU, "310", SHUIYAN,
			"210", WANTIAN, "220");

	static final Map<String, String> FEBRUARY_VISITS = Map.of(WANBA, "430", JIANGYUAN, "1000", SHUIYAN, "230", WANTIAN,
			"240");

	static final ConsolePrincipal VIEWER = new ConsolePrincipal("viewer", "{noop}x", Role.VIEWER, Optional.empty(),
			true, false, false);

	static final ConsolePrincipal YIDU_CLERK = new ConsolePrincipal("yidu", "{noop}x", Role.CLERK, Optional.of(YIDU),
			true, false, false);

	static {
		root.writeRegistry("""
				430528100201,湾坝村,430528100,金石镇,村,177,647,,
				430528100202,江园村,430528100,金石镇,村,351,1428,,
				430528100203,龙头村,430528100,金石镇,村,302,1161,,
				430528101201,水堰村,430528101,一渡水镇,村,216,720,,
				430528101202,湾田村,430528101,一渡水镇,村,253,839,,
				""");
	}

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry properties) {
		root.configure(properties, "file:" + registry);
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	IngestService ingest;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ReportService reports;

	@Autowired
	FlagCounts flagCounts;

	@Autowired
	Trends trends;

	@Autowired
	ReportFigures figures;

	@Autowired
	UserAccounts accounts;

	long lastRun;

	@BeforeAll
	void twoMonths() throws Exception {
		root.reset(this.jdbc);
		for (String village : List.of(WANBA, JIANGYUAN, LONGTOU, SHUIYAN, WANTIAN)) {
			drop("2026-01", village, JANUARY_VISITS.get(village));
		}
		List<IngestSummary> runs = new ArrayList<>();
		runs.add(this.ingest.ingest(Optional.of(LocalDateTime.parse("2026-02-05T10:00"))));
		for (String village : List.of(WANBA, JIANGYUAN, SHUIYAN)) {
			drop("2026-02", village, FEBRUARY_VISITS.get(village));
		}
		root.drop("湾坝村台账.csv",
				"""
						issue_no,village_code,raised_on,category,summary,status,escalated_township_on,escalated_county_on,resolved_on
						2026-02-001,430528100201,2026-02-03,政策咨询,低保政策咨询,村级办结,,,2026-02-06
						2026-02-002,430528100201,2026-02-04,矛盾纠纷,宅基地边界纠纷,已报乡镇,2026-02-25,,
						2026-02-003,430528100201,2026-02-10,基础设施,机耕道损毁,未解决,,,
						""");
		runs.add(this.ingest.ingest(Optional.of(LocalDateTime.parse("2026-03-05T23:00"))));
		drop("2026-02", WANTIAN, FEBRUARY_VISITS.get(WANTIAN));
		IngestSummary late = this.ingest.ingest(Optional.of(LocalDateTime.parse("2026-03-06T08:00")));
		runs.add(late);
		for (IngestSummary run : runs) {
			assertThat(run.status()).isEqualTo("COMPLETED");
			assertThat(run.returnsRejected()).isZero();
		}
		this.lastRun = late.runId();
		for (ConsolePrincipal reader : List.of(VIEWER, YIDU_CLERK)) {
			this.accounts.add(reader.username(), reader.role(), reader.township(), "password-of-" + reader.username(),
					false, "test");
		}
	}

	@Test
	void theOverviewShowsTheExportsFiguresOfThePeriod() throws Exception {
		String page = page("/overview?period=2026-02&indicator=HOME_VISITS", VIEWER);
		// completeness.csv's county row: 5 expected, 4 received, 3 on time
		assertThat(csvRow("completeness.csv", "2026-02", "COUNTY", COUNTY)).containsExactly("2026-02", "COUNTY", COUNTY,
				"5", "4", "3", "80", "60");
		assertThat(text(page, "card-expected")).isEqualTo("5");
		assertThat(text(page, "card-received")).isEqualTo("4");
		assertThat(text(page, "card-on-time")).isEqualTo("3");
		assertThat(text(page, "card-completeness")).isEqualTo("80%");
		assertThat(text(page, "card-timeliness")).isEqualTo("60%");
		// the OPEN rows of anomalies.csv by severity
		assertThat(openFlagsInExport("2026-02")).containsExactly(Map.entry("HIGH", 1), Map.entry("MEDIUM", 1),
				Map.entry("LOW", 2));
		assertThat(text(page, "flags-HIGH")).isEqualTo("1");
		assertThat(text(page, "flags-MEDIUM")).isEqualTo("1");
		assertThat(text(page, "flags-LOW")).isEqualTo("2");
		// issues_summary.csv's county row, then 金石镇's
		List<String> county = csvRow("issues_summary.csv", "2026-02", "COUNTY", COUNTY);
		assertThat(county).containsExactly("2026-02", "COUNTY", COUNTY, "3", "1", "0", "0", "2", "1", "0", "1", "3");
		assertThat(cells(page, "ladder-table", "data-org", COUNTY)).containsExactly("3", "1", "1", "0", "0", "0", "2",
				"1", "3");
		assertThat(cells(page, "ladder-table", "data-org", JINSHI)).containsExactly("3", "1", "1", "0", "0", "0", "2",
				"1", "3");
		assertThat(cells(page, "ladder-table", "data-org", YIDU)).containsExactly("0", "0", "0", "0", "0", "0", "0",
				"0", "—");
		// the last run, linked
		assertThat(page).contains("href=\"/runs/" + this.lastRun + "\"");
		// the county's HOME_VISITS over the 12 months to 2026-02: ten without data, then
		// the
		// county_indicators.csv values; February carries 江园村's W-VISITS flag
		assertThat(trendRows(page)).hasSize(12)
			.startsWith(List.of("2025-03", "—", ""))
			.endsWith(List.of("2026-01", "1660", ""), List.of("2026-02", "1900", "1"));
		assertThat(csvRow("county_indicators.csv", "2026-02", COUNTY, "HOME_VISITS")).containsExactly("2026-02", COUNTY,
				"HOME_VISITS", "1900", "3560", "4", "5");
		assertThat(page).containsPattern("src=\"/webjars/echarts/[0-9.]+/dist/echarts.min.js\"")
			.contains("src=\"/js/charts.js\"");
	}

	@Test
	void theCountyPageHasTheCountyTableTheTownshipsAndTheTrend() throws Exception {
		String page = page("/indicators?period=2026-02&indicator=HOME_VISITS", VIEWER);
		// one county: the page opens at it
		assertThat(page).contains("id=\"own-table\" data-org=\"430528\"");
		assertThat(cells(page, "own-table", "data-indicator", "HOME_VISITS")).containsExactly("6", "上门走访人次",
				"HOME_VISITS", "人次", "当月发生", "1900", "3560", "4/5");
		List<String> booklets = csvRow("county_indicators.csv", "2026-02", COUNTY, "POLICY_BOOKLETS");
		assertThat(booklets).containsExactly("2026-02", COUNTY, "POLICY_BOOKLETS", "", "", "0", "5");
		assertThat(cells(page, "own-table", "data-indicator", "POLICY_BOOKLETS").subList(5, 8)).containsExactly("—",
				"—", "0/5");
		// the townships below, with the county total
		assertThat(cells(page, "orgs-1", "data-org", JINSHI)).contains("1430 2/3");
		assertThat(cells(page, "orgs-1", "data-org", YIDU)).contains("470 2/2");
		assertThat(cells(page, "orgs-1", "data-org", COUNTY)).contains("1900 4/5");
		assertThat(trendRows(page)).endsWith(List.of("2026-02", "1900", "1"));
	}

	@Test
	void aTownshipsOwnTableIsItsRowsOfTheTownshipExport() throws Exception {
		String page = page("/indicators?period=2026-02&township=" + JINSHI + "&indicator=HOME_VISITS&months=24",
				VIEWER);
		for (String indicator : List.of("HOME_VISITS", "PAIRED_HOUSEHOLDS", "POLICY_BOOKLETS", "LAND_TRANSFER_MU")) {
			List<String> exported = csvRow("township_indicators.csv", "2026-02", JINSHI, indicator);
			List<String> shown = cells(page, "own-table", "data-indicator", indicator);
			assertThat(shown.subList(5, 8)).containsExactly(dash(exported.get(4)), dash(exported.get(5)),
					exported.get(6) + "/" + exported.get(7));
		}
		assertThat(csvRow("township_indicators.csv", "2026-02", JINSHI, "HOME_VISITS")).containsExactly("2026-02",
				JINSHI, "金石镇", "HOME_VISITS", "1430", "2660", "2", "3");
		// its villages: 龙头村 has no return; nobody has POLICY_BOOKLETS
		assertThat(cells(page, "villages-1", "data-village", WANBA)).contains("430");
		assertThat(cells(page, "villages-1", "data-village", LONGTOU)).containsOnly("未报");
		assertThat(cells(page, "villages-2", "data-village", WANBA)).contains("—");
		// 24 months of the township's trend, February flagged
		assertThat(trendRows(page)).hasSize(24)
			.endsWith(List.of("2026-01", "1230", ""), List.of("2026-02", "1430", "1"));
	}

	@Test
	void aTownshipClerkOpensOnlyTheirTownshipsVillages() throws Exception {
		assertThat(status("/indicators?period=2026-02&township=" + JINSHI, YIDU_CLERK)).isEqualTo(404);
		assertThat(status("/indicators?period=2026-02&township=" + YIDU, YIDU_CLERK)).isEqualTo(200);
		assertThat(status("/indicators?period=2026-02", YIDU_CLERK)).isEqualTo(200);
	}

	@Test
	void theFlagCountsAndTrendsAreTheStoredFlags() {
		assertThat(this.flagCounts.openBySeverity(YearMonth.of(2026, 2), COUNTY)).containsExactly(
				Map.entry(FlagSeverity.HIGH, 1), Map.entry(FlagSeverity.MEDIUM, 1), Map.entry(FlagSeverity.LOW, 2));
		assertThat(this.flagCounts.openBySeverity(YearMonth.of(2026, 2), YIDU)).containsExactly(
				Map.entry(FlagSeverity.HIGH, 0), Map.entry(FlagSeverity.MEDIUM, 0), Map.entry(FlagSeverity.LOW, 1));
		// a reviewed flag that the reviewer dismissed no longer marks its month
		this.jdbc.update("update anomaly_flag set status = 'DISMISSED' where rule_code = 'W-VISITS'");
		try {
			ReportFigures.IndicatorName visits = this.figures.indicators()
				.stream()
				.filter((i) -> i.code().equals("HOME_VISITS"))
				.findFirst()
				.orElseThrow();
			TrendChart chart = this.trends.of(Level.COUNTY, COUNTY, "新宁县", visits, YearMonth.of(2026, 2), 12);
			assertThat(chart.points()).extracting(TrendChart.Point::flags).containsOnly(0);
		}
		finally {
			this.jdbc.update("update anomaly_flag set status = 'OPEN' where rule_code = 'W-VISITS'");
		}
	}

	@Test
	void englishReadersGetEnglishLabelsAndTheSameNumbers() throws Exception {
		String page = page("/indicators?period=2026-02&lang=en", VIEWER);
		assertThat(page).contains("Home visits made to paired households").contains("Year to date");
		assertThat(cells(page, "own-table", "data-indicator", "HOME_VISITS").subList(5, 8)).containsExactly("1900",
				"3560", "4/5");
	}

	private static String dash(String exported) {
		return exported.isEmpty() ? "—" : exported;
	}

	private static void drop(String period, String village, String visits) {
		SampleReturn sample = SampleReturn.of(village, period)
			.with("PAIRED_CADRES", "20")
			.with("PAIRED_HOUSEHOLDS", PAIRED_HOUSEHOLDS.get(village))
			.with("HOME_VISITS", visits)
			.without("POLICY_BOOKLETS");
		root.drop(village + "-" + period + ".csv", sample.longFile());
	}

	private String page(String url, ConsolePrincipal reader) throws Exception {
		MvcResult result = this.mvc.perform(get(url).with(user(reader))).andReturn();
		assertThat(result.getResponse().getStatus()).as(url).isEqualTo(200);
		return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	private int status(String url, ConsolePrincipal reader) throws Exception {
		return this.mvc.perform(get(url).with(user(reader))).andReturn().getResponse().getStatus();
	}

	/**
	 * The row of an export of the period with these key cells after the period (for
	 * {@code township_indicators.csv}: township code and indicator code), as exported.
	 */
	private List<String> csvRow(String file, String period, String... key) {
		for (List<String> cells : export(file, period)) {
			boolean township = file.equals("township_indicators.csv");
			if ((!township && cells.subList(1, 1 + key.length).equals(List.of(key)))
					|| (township && cells.get(1).equals(key[0]) && cells.get(3).equals(key[1]))) {
				return cells;
			}
		}
		throw new AssertionError("no row " + List.of(key) + " in " + file);
	}

	/** The OPEN rows of {@code anomalies.csv} per severity. */
	private Map<String, Integer> openFlagsInExport(String period) {
		Map<String, Integer> counts = new LinkedHashMap<>();
		for (String severity : List.of("HIGH", "MEDIUM", "LOW")) {
			counts.put(severity, 0);
		}
		for (List<String> cells : export("anomalies.csv", period)) {
			if (cells.get(10).equals("OPEN")) {
				counts.merge(cells.get(5), 1, Integer::sum);
			}
		}
		return counts;
	}

	/** An export's rows of the period, each cell as the CSV file has it. */
	private List<List<String>> export(String file, String period) {
		ExportTable table = this.reports.tables()
			.stream()
			.filter((t) -> t.fileName().equals(file))
			.findFirst()
			.orElseThrow();
		List<List<String>> rows = new ArrayList<>();
		table.rows(PeriodRange.parse(period), rows::add);
		return rows;
	}

	/** The text of the element with the id. */
	static String text(String page, String id) {
		Matcher m = Pattern.compile("id=\"" + id + "\"[^>]*>(.*?)</", Pattern.DOTALL).matcher(page);
		assertThat(m.find()).as(id).isTrue();
		return clean(m.group(1));
	}

	/** The texts of the {@code td} cells of the row with the attribute in the table. */
	static List<String> cells(String page, String tableId, String attribute, String value) {
		Matcher table = Pattern.compile("id=\"" + tableId + "\".*?</table>", Pattern.DOTALL).matcher(page);
		assertThat(table.find()).as(tableId).isTrue();
		Matcher row = Pattern.compile("<tr[^>]*" + attribute + "=\"" + value + "\"[^>]*>(.*?)</tr>", Pattern.DOTALL)
			.matcher(table.group());
		assertThat(row.find()).as(tableId + " " + value).isTrue();
		List<String> cells = new ArrayList<>();
		Matcher cell = Pattern.compile("<td[^>]*>(.*?)</td>", Pattern.DOTALL).matcher(row.group(1));
		while (cell.find()) {
			cells.add(clean(cell.group(1)));
		}
		return cells;
	}

	/** The trend table's rows: month, value, flags. */
	static List<List<String>> trendRows(String page) {
		Matcher table = Pattern.compile("id=\"trend-table\".*?</table>", Pattern.DOTALL).matcher(page);
		assertThat(table.find()).isTrue();
		List<List<String>> rows = new ArrayList<>();
		Matcher row = Pattern.compile("<tr[^>]*data-period[^>]*>(.*?)</tr>", Pattern.DOTALL).matcher(table.group());
		while (row.find()) {
			List<String> cells = new ArrayList<>();
			Matcher cell = Pattern.compile("<t[hd][^>]*>(.*?)</t[hd]>", Pattern.DOTALL).matcher(row.group(1));
			while (cell.find()) {
				cells.add(clean(cell.group(1)));
			}
			rows.add(cells);
		}
		return rows;
	}

	private static String clean(String html) {
		return html.replaceAll("<[^>]+>", " ").replace("&#39;", "'").replaceAll("\\s+", " ").strip();
	}

}
