package cn.xinning.villagereturns.console.ledger;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

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

import cn.xinning.villagereturns.console.security.ConsolePrincipal;
import cn.xinning.villagereturns.console.users.Role;
import cn.xinning.villagereturns.console.users.UserAccounts;
import cn.xinning.villagereturns.ingest.IngestService;
import cn.xinning.villagereturns.reporting.ReportFormat;
import cn.xinning.villagereturns.reporting.ReportService;
import cn.xinning.villagereturns.support.PeriodRange;
import cn.xinning.villagereturns.support.TestRoot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * 问题台账 and 导出 over two runs of two villages' ledgers: the ladder's exact figures (and
 * that they are issues_summary.csv's), the late escalations with their deadlines, an
 * issue's every row (superseded, refused, in force), and the downloads byte for byte
 * equal to what {@code report} writes, stamped with the data's time, audited.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK,
		properties = "spring.main.web-application-type=servlet")
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LedgerConsoleIntegrationTests {

	static final TestRoot root = TestRoot.create("console-ledger");

	static final String HEADER = "issue_no,village_code,raised_on,category,summary,status,escalated_township_on,"
			+ "escalated_county_on,resolved_on\n";

	/** 湾坝村 (金石镇 430528100). */
	static final String WANBA = HEADER + """
			W-1,430528100201,2026-10-03,DISPUTE,宅基地边界纠纷,RESOLVED_VILLAGE,,,2026-10-09
			W-2,430528100201,2026-10-05,INFRASTRUCTURE,机耕道损毁,ESCALATED_TOWNSHIP,2026-10-23,,
			W-3,430528100201,2026-10-21,DISPUTE,山林权属,ESCALATED_COUNTY,2026-10-29,2026-11-02,
			W-4,430528100201,2026-10-02,LIVELIHOOD,低保申请,OPEN,,,
			W-5,430528100201,2026-10-01,LIVELIHOOD,饮水,ESCALATED_COUNTY,2026-10-15,2026-11-01,
			""";

	/** 水堰村 (一渡水镇 430528101): the 20th / 21st edge. */
	static final String SHUIYAN = HEADER + """
			S-1,430528101201,2026-10-20,OTHER,,ESCALATED_TOWNSHIP,2026-10-21,,
			S-2,430528101201,2026-10-01,POLICY,医保政策,RESOLVED_VILLAGE,,,2026-10-05
			""";

	/** The next day: W-4 once with a status that is none, then resolved. */
	static final String WANBA_LATER = HEADER + """
			W-4,430528100201,2026-10-02,LIVELIHOOD,低保申请,DONE,,,
			W-4,430528100201,2026-10-02,LIVELIHOOD,低保申请,RESOLVED_VILLAGE,,,2026-11-03
			""";

	static final ConsolePrincipal VIEWER = new ConsolePrincipal("viewer", "x", Role.VIEWER, Optional.empty(), true,
			false, false);

	static final ConsolePrincipal YIDU = new ConsolePrincipal("yidu", "x", Role.CLERK, Optional.of("430528101"), true,
			false, false);

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("village-returns.root", () -> root.path().toString());
		registry.add("spring.datasource.url", root::url);
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
	UserAccounts accounts;

	@BeforeAll
	void twoRuns() throws Exception {
		root.reset(this.jdbc);
		this.accounts.add("viewer", Role.VIEWER, Optional.empty(), "password-of-viewer", false, "test");
		this.accounts.add("yidu", Role.CLERK, Optional.of("430528101"), "password-of-yidu", false, "test");
		root.drop("湾坝村_2026-10_问题清单.csv", WANBA);
		root.drop("水堰村_2026-10_问题清单.csv", SHUIYAN);
		this.ingest.ingest(Optional.of(LocalDateTime.parse("2026-11-04T10:00")));
		root.drop("湾坝村_2026-10_问题清单_更正.csv", WANBA_LATER);
		this.ingest.ingest(Optional.of(LocalDateTime.parse("2026-11-05T10:00")));
	}

	@Test
	void theLadderIsIssuesSummaryCsvWithItsExactFigures() throws Exception {
		String page = page("/ledger?period=2026-10", VIEWER);
		// org, code, raised, resolved v/t/c, open, to township, to county, late, median
		assertThat(row(page, "430528")).containsExactly("County", "430528", "7", "3", "0", "0", "4", "4", "2", "3",
				"6");
		assertThat(row(page, "430528100")).containsExactly("金石镇", "430528100", "5", "2", "0", "0", "3", "3", "2", "2",
				"19");
		assertThat(row(page, "430528101")).containsExactly("一渡水镇", "430528101", "2", "1", "0", "0", "1", "1", "0", "1",
				"4");
		// every row of issues_summary.csv is on the page with the same cells (a township
		// without issues: zeros and "none resolved" for the empty median)
		Path out = Files.createTempDirectory(root.path(), "report");
		this.reports.write(new PeriodRange(YearMonth.of(2026, 10), YearMonth.of(2026, 10)), out,
				List.of(ReportFormat.CSV));
		List<String> lines = Files.readAllLines(out.resolve("issues_summary.csv"), StandardCharsets.UTF_8);
		assertThat(lines).hasSizeGreaterThan(3);
		for (String line : lines.subList(1, lines.size())) {
			String[] cells = line.split(",", -1);
			List<String> shown = row(page, cells[2]);
			List<String> expected = new ArrayList<>(List.of(cells).subList(2, 11));
			expected.add(cells[11].isEmpty() ? "none resolved" : cells[11]);
			assertThat(shown.subList(1, shown.size())).as(line).isEqualTo(expected);
		}
	}

	@Test
	void lateEscalationsWithTheirDeadlines() throws Exception {
		String page = page("/ledger?period=2026-10", VIEWER);
		assertThat(rows(page, "late", "data-issue")).containsExactly(
				List.of("430528100201", "湾坝村", "W-2", "2026-10-05", "township", "2026-10-20", "2026-10-23", "3",
						"open"),
				List.of("430528100201", "湾坝村", "W-5", "2026-10-01", "county", "2026-10-28", "2026-11-01", "4", "open"),
				List.of("430528101201", "水堰村", "S-1", "2026-10-20", "township", "2026-10-20", "2026-10-21", "1",
						"open"));
		// a township clerk sees their township's only, and the county's row of the ladder
		String yidu = page("/ledger?period=2026-10", YIDU);
		assertThat(rows(yidu, "late", "data-issue")).extracting((r) -> r.get(2)).containsExactly("S-1");
		assertThat(yidu).contains("data-org-code=\"430528\"", "data-org-code=\"430528101\"")
			.doesNotContain("data-org-code=\"430528100\"");
	}

	@Test
	void issuesFilteredByTownshipAndStatusAndAnIssuesEveryRow() throws Exception {
		assertThat(rows(page("/ledger/issues?period=2026-10&township=430528100&status=ESCALATED_COUNTY", VIEWER),
				"issues", "data-issue"))
			.containsExactly(
					List.of("430528100201", "湾坝村", "金石镇", "W-3", "dispute", "reported to the county", "2026-10-21",
							"2026-10-29", "2026-11-02", "not yet", ""),
					List.of("430528100201", "湾坝村", "金石镇", "W-5", "livelihood", "reported to the county", "2026-10-01",
							"2026-10-15", "2026-11-01", "not yet", "county 4 days late"));
		assertThat(rows(page("/ledger/issues?period=2026-10", VIEWER), "issues", "data-issue")).hasSize(7);
		assertThat(rows(page("/ledger/issues", YIDU), "issues", "data-issue")).extracting((r) -> r.get(3))
			.containsExactly("S-1", "S-2");

		String issue = page("/ledger/issue?village=430528100201&no=W-4", VIEWER);
		List<List<String>> history = rows(issue, "history", "data-state");
		assertThat(history)
			.extracting((r) -> r.get(0) + " " + r.get(3) + ":" + r.get(4) + " " + r.get(5) + " " + r.get(11))
			.containsExactly("superseded 湾坝村_2026-10_问题清单.csv:5 open not yet",
					"refused 湾坝村_2026-10_问题清单_更正.csv:2 unreadable not yet",
					"in force 湾坝村_2026-10_问题清单_更正.csv:3 resolved in the village 2026-11-03");
		assertThat(history).extracting((r) -> r.get(1))
			.containsExactly("2026-11-04 10:00:00", "2026-11-05 10:00:00", "2026-11-05 10:00:00");
		// another township's issue is not there for a township clerk
		assertThat(this.mvc.perform(get("/ledger/issue?village=430528100201&no=W-4").with(user(YIDU)))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(404);
	}

	@Test
	void downloadsAreReportsFilesByteForByteAndAudited() throws Exception {
		Path out = Files.createTempDirectory(root.path(), "report");
		this.reports.write(new PeriodRange(YearMonth.of(2026, 10), YearMonth.of(2026, 10)), out,
				List.of(ReportFormat.CSV, ReportFormat.XLSX, ReportFormat.HTML));
		long audited = this.jdbc.queryForObject("select count(*) from console_audit where action = 'EXPORT'",
				Long.class);

		MvcResult zip = download("/exports/2026-10/csv.zip");
		assertThat(zip.getResponse().getHeader("Content-Disposition")).isEqualTo(
				"attachment; filename=\"village-returns-2026-10-csv.zip\"; filename*=UTF-8''village-returns-2026-10-csv.zip");
		assertThat(zip.getResponse().getContentType()).isEqualTo("application/zip");
		Map<String, byte[]> entries = new LinkedHashMap<>();
		try (ZipInputStream in = new ZipInputStream(
				new ByteArrayInputStream(zip.getResponse().getContentAsByteArray()))) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				assertThat(entry.getTimeLocal()).isEqualTo(LocalDateTime.parse("2026-11-05T10:00"));
				entries.put(entry.getName(), in.readAllBytes());
			}
		}
		assertThat(entries.keySet()).containsExactly("township_indicators.csv", "county_indicators.csv",
				"completeness.csv", "anomalies.csv", "village_values.csv", "issues_summary.csv");
		for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
			assertThat(entry.getValue()).as(entry.getKey()).isEqualTo(Files.readAllBytes(out.resolve(entry.getKey())));
		}
		assertThat(download("/exports/2026-10/csv.zip").getResponse().getContentAsByteArray())
			.isEqualTo(zip.getResponse().getContentAsByteArray());

		MvcResult xlsx = download("/exports/2026-10/xlsx");
		assertThat(xlsx.getResponse().getHeader("Content-Disposition")).isEqualTo(
				"attachment; filename=\"village-returns-2026-10.xlsx\"; filename*=UTF-8''village-returns-2026-10.xlsx");
		byte[] workbook = xlsx.getResponse().getContentAsByteArray();
		assertThat(workbook).isEqualTo(Files.readAllBytes(out.resolve("village-returns-2026-10.xlsx")));
		// no wall clock in it: every entry and the creation date are the latest run's
		// time
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(workbook))) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				assertThat(entry.getTimeLocal()).as(entry.getName()).isEqualTo(LocalDateTime.parse("2026-11-05T10:00"));
				if (entry.getName().equals("docProps/core.xml")) {
					assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).contains(
							"<dcterms:created xsi:type=\"dcterms:W3CDTF\">2026-11-05T02:00:00Z</dcterms:created>");
				}
			}
		}

		MvcResult html = download("/exports/2026-10/html");
		assertThat(html.getResponse().getContentType()).isEqualTo("text/html;charset=UTF-8");
		assertThat(html.getResponse().getContentAsByteArray())
			.isEqualTo(Files.readAllBytes(out.resolve("village-returns-2026-10.html")));

		assertThat(this.jdbc.queryForList(
				"select detail from console_audit where action = 'EXPORT' order by audit_id desc limit 4",
				String.class))
			.containsExactly("village-returns-2026-10.html", "village-returns-2026-10.xlsx",
					"village-returns-2026-10-csv.zip", "village-returns-2026-10-csv.zip");
		assertThat(this.jdbc.queryForObject("select count(*) from console_audit where action = 'EXPORT'", Long.class))
			.isEqualTo(audited + 4);
		assertThat(
				this.mvc.perform(get("/exports/2026-10/xlsx").with(user(YIDU))).andReturn().getResponse().getStatus())
			.isEqualTo(403);
	}

	@Test
	void contentDispositionKeepsAnAsciiFallbackAndTheUtf8Name() {
		assertThat(cn.xinning.villagereturns.console.exports.ExportsControllerAccess
			.contentDisposition("村级月报 2026-10.xlsx")).isEqualTo(
					"attachment; filename=\"____ 2026-10.xlsx\"; filename*=UTF-8''%E6%9D%91%E7%BA%A7%E6%9C%88%E6%8A%A5%202026-10.xlsx");
	}

	private MvcResult download(String url) throws Exception {
		MvcResult result = this.mvc.perform(get(url).with(user(VIEWER))).andReturn();
		assertThat(result.getResponse().getStatus()).as(url).isEqualTo(200);
		return result;
	}

	private String page(String url, ConsolePrincipal reader) throws Exception {
		MvcResult result = this.mvc.perform(get(url + (url.contains("?") ? "&" : "?") + "lang=en").with(user(reader)))
			.andReturn();
		assertThat(result.getResponse().getStatus()).as(url).isEqualTo(200);
		return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	/** The cells of the ladder's row of an organisation, as text. */
	private static List<String> row(String page, String orgCode) {
		Matcher row = Pattern.compile("<tr[^>]*data-org-code=\"" + orgCode + "\"[^>]*>(.*?)</tr>", Pattern.DOTALL)
			.matcher(page);
		assertThat(row.find()).as(orgCode).isTrue();
		return cells(row.group(1));
	}

	/** The rows (with the attribute) of a table, as text cells. */
	static List<List<String>> rows(String page, String table, String attribute) {
		Matcher body = Pattern.compile("<table[^>]*id=\"" + table + "\"[^>]*>(.*?)</table>", Pattern.DOTALL)
			.matcher(page);
		assertThat(body.find()).as(table).isTrue();
		Matcher row = Pattern.compile("<tr[^>]*" + attribute + "=[^>]*>(.*?)</tr>", Pattern.DOTALL)
			.matcher(body.group(1));
		List<List<String>> rows = new ArrayList<>();
		while (row.find()) {
			rows.add(cells(row.group(1)));
		}
		return rows;
	}

	static List<String> cells(String row) {
		List<String> cells = new ArrayList<>();
		Matcher cell = Pattern.compile("<t[dh][^>]*>(.*?)</t[dh]>", Pattern.DOTALL).matcher(row);
		while (cell.find()) {
			cells.add(cell.group(1).replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").strip());
		}
		return cells;
	}

}
