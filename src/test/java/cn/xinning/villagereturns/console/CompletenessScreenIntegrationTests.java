package cn.xinning.villagereturns.console;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
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
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import cn.xinning.villagereturns.console.security.ConsolePrincipal;
import cn.xinning.villagereturns.console.users.Role;
import cn.xinning.villagereturns.console.users.UserAccounts;
import cn.xinning.villagereturns.ingest.IngestService;
import cn.xinning.villagereturns.reporting.ReportFormat;
import cn.xinning.villagereturns.reporting.ReportService;
import cn.xinning.villagereturns.support.PeriodRange;
import cn.xinning.villagereturns.support.SampleReturn;
import cn.xinning.villagereturns.support.TestRoot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The 完整性 screen on a registry of two counties whose every village state is known: 新宁县
 * 430528 has 金石镇 (湾坝村 on time, 江园村 late, 龙头村 missing after reporting 2026-09, 旧村 merged
 * away in 2026-06: not expected) and 一渡水镇 (水堰村 on time, 湾田村 missing, never reported,
 * "-桥村" missing, a name Excel would read as a formula); 430529 has one village, on time.
 * The figures shown are exactly completeness.csv's, the cells add up to them, the chase
 * list is exact, and a township clerk sees their township only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK,
		properties = "spring.main.web-application-type=servlet")
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CompletenessScreenIntegrationTests {

	static final TestRoot root = TestRoot.create("console-completeness");

	static final Path registry = root.registry();

	static final ConsolePrincipal VIEWER = principal("viewer", Role.VIEWER, null);

	/** Limited to 一渡水镇. */
	static final ConsolePrincipal YIDU_CLERK = principal("yidu", Role.CLERK, "430528101");

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry properties) {
		root.writeRegistry("""
				430528100201,湾坝村,430528100,金石镇,村,177,647,,
				430528100202,江园村,430528100,金石镇,村,351,1428,,
				430528100203,龙头村,430528100,金石镇,村,302,1161,,
				430528100204,旧村,430528100,金石镇,村,210,800,,2026-06
				430528101201,水堰村,430528101,一渡水镇,村,216,720,,
				430528101202,湾田村,430528101,一渡水镇,村,253,839,,
				430528101203,-桥村,430528101,一渡水镇,村,190,700,,
				430529100201,东山村,430529100,东山乡,村,260,900,,
				""");
		root.configure(properties, "file:" + registry);
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	IngestService ingest;

	@Autowired
	ReportService reports;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserAccounts accounts;

	List<String> completenessCsv;

	@BeforeAll
	void play() throws Exception {
		root.reset(this.jdbc);
		root.drop("2026-09/龙头村.csv", SampleReturn.of("430528100203", "2026-09").longFile());
		this.ingest.ingest(Optional.of(LocalDateTime.parse("2026-10-03T09:00")));
		for (String village : List.of("430528100201", "430528101201", "430529100201")) {
			root.drop("2026-10/" + village + ".csv", SampleReturn.of(village, "2026-10").longFile());
		}
		this.ingest.ingest(Optional.of(LocalDateTime.parse("2026-11-04T10:00")));
		root.drop("2026-10/江园村.csv", SampleReturn.of("430528100202", "2026-10").longFile());
		this.ingest.ingest(Optional.of(LocalDateTime.parse("2026-11-09T09:00")));
		for (ConsolePrincipal reader : List.of(VIEWER, YIDU_CLERK)) {
			this.accounts.add(reader.username(), reader.role(), reader.township(), "password-of-" + reader.username(),
					false, "test");
		}
		Path out = root.path().resolve("reports");
		this.reports.write(PeriodRange.parse("2026-10"), out, List.of(ReportFormat.CSV));
		this.completenessCsv = Files.readAllLines(out.resolve("completeness.csv"), StandardCharsets.UTF_8);
	}

	@Test
	void theExportHasTheFiguresTheScenarioGives() {
		assertThat(this.completenessCsv).containsExactly(
				"\uFEFFperiod,org_level,org_code,expected,received,on_time,completeness_pct,timeliness_pct",
				"2026-10,COUNTY,430528,6,3,2,50,33.3", "2026-10,COUNTY,430529,1,1,1,100,100",
				"2026-10,TOWNSHIP,430528100,3,2,1,66.7,33.3", "2026-10,TOWNSHIP,430528101,3,1,1,33.3,33.3",
				"2026-10,TOWNSHIP,430529100,1,1,1,100,100");
	}

	@Test
	void twoCountiesOpenAtTheCountyListWithTheExportsFigures() throws Exception {
		String page = page("/completeness", VIEWER);
		// the default period is the latest with data
		assertThat(page).contains("<option value=\"2026-10\" translate=\"no\" selected=\"selected\">2026-10</option>");
		assertThat(figures(page, "430528")).containsExactly("6", "3", "2", "1", "3", "50%", "33.3%");
		assertThat(figures(page, "430529")).containsExactly("1", "1", "1", "0", "0", "100%", "100%");
		assertThat(page).contains("href=\"/completeness?period=2026-10&amp;county=430528\"")
			.doesNotContain("data-state");
	}

	@Test
	void aCountysGridHasACellPerVillageAddingUpToTheFigures() throws Exception {
		String page = page("/completeness?period=2026-10&county=430528", VIEWER);
		assertThat(count(page, "data-state=\"ON_TIME\"")).isEqualTo(2);
		assertThat(count(page, "data-state=\"LATE\"")).isEqualTo(1);
		assertThat(count(page, "data-state=\"MISSING\"")).isEqualTo(3);
		assertThat(count(page, "data-state=\"NOT_EXPECTED\"")).isEqualTo(1);
		assertThat(row(page, "430528100")).contains("data-state=\"ON_TIME\"", "data-state=\"LATE\"",
				"data-state=\"MISSING\"", "data-state=\"NOT_EXPECTED\"");
		// on time, late, missing, expected, received, completeness, timeliness
		assertThat(figures(page, "430528100")).containsExactly("1", "1", "1", "3", "2", "66.7%", "33.3%");
		assertThat(figures(page, "430528101")).containsExactly("1", "0", "2", "3", "1", "33.3%", "33.3%");
		assertThat(figures(page, "430528")).containsExactly("2", "1", "3", "6", "3", "50%", "33.3%");
		assertThat(page).contains("title=\"江园村 430528100202 · 迟报 · 首次报送 2026-11-09 09:00:00\"")
			.contains("title=\"旧村 430528100204 · 本期不应报\"")
			.contains("href=\"/submissions/430528100202/2026-10\"")
			.contains("催报名单（缺报和迟报的村，共 4 个）")
			.doesNotContain("id=\"stale\"")
			.doesNotContain("东山村");
	}

	@Test
	void theChaseListIsTheMissingAndLateVillagesWithTheirLastReturn() throws Exception {
		MockHttpServletResponse response = this.mvc
			.perform(get("/completeness/chase.csv?period=2026-10&county=430528").with(user(VIEWER)))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentType()).isEqualTo("text/csv;charset=UTF-8");
		assertThat(response.getHeader("Content-Disposition")).contains("430528_2026-10.csv");
		assertThat(response.getContentAsString(StandardCharsets.UTF_8).split("\r\n")).containsExactly(
				"\uFEFF报告期,乡镇代码,乡镇,村代码,村（社区）,户数,状态,最近报送月份,最近报送时间",
				"2026-10,430528100,金石镇,430528100202,江园村,351,迟报,2026-10,2026-11-09 09:00:00",
				"2026-10,430528100,金石镇,430528100203,龙头村,302,缺报,2026-09,2026-10-03 09:00:00",
				"2026-10,430528101,一渡水镇,430528101202,湾田村,253,缺报,,",
				"2026-10,430528101,一渡水镇,430528101203,'-桥村,190,缺报,,");
	}

	@Test
	void aTownshipsPageListsItsVillages() throws Exception {
		String page = page("/completeness?period=2026-10&township=430528100", VIEWER);
		assertThat(count(page, "<tr data-village=")).isEqualTo(4 + 2);
		assertThat(figures(page, "430528100")).containsExactly("1", "1", "1", "3", "2", "66.7%", "33.3%");
		assertThat(page).contains("id=\"crumb-township\" translate=\"no\">金石镇</span>")
			.contains("<td translate=\"no\">2026-09</td>");
	}

	@Test
	void aTownshipClerkSeesTheirTownshipsVillagesOnly() throws Exception {
		String page = page("/completeness?period=2026-10", YIDU_CLERK);
		assertThat(count(page, "data-state=")).isEqualTo(3);
		assertThat(page).contains("id=\"partial\"")
			.contains("水堰村")
			.doesNotContain("江园村")
			.doesNotContain("data-code=\"430528100\"");
		// the county's own figures are shown as usual
		assertThat(figures(page, "430528")).containsExactly("2", "1", "3", "6", "3", "50%", "33.3%");
		assertThat(this.mvc.perform(get("/completeness?township=430528100").with(user(YIDU_CLERK)))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(404);
		String csv = this.mvc.perform(get("/completeness/chase.csv?period=2026-10").with(user(YIDU_CLERK)))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(csv.split("\r\n")).hasSize(3).allMatch((line) -> !line.contains("430528100"));
	}

	@Test
	void englishReadersGetEnglishLabelsAndSymbols() throws Exception {
		String page = page("/completeness?period=2026-10&county=430528&lang=en", VIEWER);
		assertThat(page).contains("title=\"江园村 430528100202 · late · first received 2026-11-09 09:00:00\"")
			.contains("Chase list (missing and late villages: 4)");
	}

	@Test
	void figuresThatNoLongerAgreeWithTheVillagesAreSaidToBeStale() throws Exception {
		this.jdbc.update("update completeness set received = received - 1, on_time = on_time - 1"
				+ " where period = '2026-09' and org_code = '430528100'");
		try {
			String page = page("/completeness?period=2026-09&county=430528", VIEWER);
			assertThat(page).contains("id=\"stale\"").contains("重新计算");
		}
		finally {
			this.jdbc.update("update completeness set received = received + 1, on_time = on_time + 1"
					+ " where period = '2026-09' and org_code = '430528100'");
		}
	}

	private String page(String url, ConsolePrincipal reader) throws Exception {
		MockHttpServletResponse response = this.mvc.perform(get(url).with(user(reader))).andReturn().getResponse();
		assertThat(response.getStatus()).as(url).isEqualTo(200);
		return response.getContentAsString(StandardCharsets.UTF_8);
	}

	/** The row of an organisation (its {@code data-code}). */
	private static String row(String page, String code) {
		Matcher row = Pattern.compile("<tr[^>]*data-code=\"" + code + "\"[^>]*>(.*?)</tr>", Pattern.DOTALL)
			.matcher(page);
		assertThat(row.find()).as("row " + code).isTrue();
		return row.group(1);
	}

	/** The numeric cells of an organisation's row, as shown. */
	private static List<String> figures(String page, String code) {
		Matcher cell = Pattern.compile("<td class=\"num[^\"]*\"[^>]*>([^<]*)</td>").matcher(row(page, code));
		List<String> cells = new java.util.ArrayList<>();
		while (cell.find()) {
			cells.add(cell.group(1));
		}
		return cells;
	}

	private static int count(String page, String text) {
		int count = 0;
		for (int at = page.indexOf(text); at >= 0; at = page.indexOf(text, at + 1)) {
			count++;
		}
		return count;
	}

	private static ConsolePrincipal principal(String name, Role role, String township) {
		return new ConsolePrincipal(name, "{noop}x", role, Optional.ofNullable(township), true, false, false);
	}

}
