package cn.xinning.villagereturns.console;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import cn.xinning.villagereturns.console.security.ConsolePrincipal;
import cn.xinning.villagereturns.console.users.Role;
import cn.xinning.villagereturns.console.users.UserAccounts;
import cn.xinning.villagereturns.ingest.IngestService;
import cn.xinning.villagereturns.ingest.IngestSummary;
import cn.xinning.villagereturns.support.SampleReturn;
import cn.xinning.villagereturns.support.TestRoot;

import static cn.xinning.villagereturns.support.FiveVillages.WANBA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Every console endpoint for every kind of reader: VIEWER, CLERK, a CLERK limited to
 * another township, ADMIN and anonymous, with the exact status or redirect each gets. A
 * control a role may not use answers 403 when posted to directly; a township clerk gets
 * 404 for another township's files, as if they did not exist.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK,
		properties = "spring.main.web-application-type=servlet")
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleRoleMatrixIntegrationTests {

	static final TestRoot root = TestRoot.create("console-matrix");

	/** A township other than 湾坝村's (金石镇 430528100). */
	static final String YIDU = "430528101";

	static final String LOGIN = "→/login";

	static final ConsolePrincipal VIEWER = principal("viewer", Role.VIEWER, null);

	static final ConsolePrincipal CLERK = principal("clerk", Role.CLERK, null);

	static final ConsolePrincipal TOWNSHIP_CLERK = principal("yidu", Role.CLERK, YIDU);

	static final ConsolePrincipal ADMIN = principal("boss", Role.ADMIN, null);

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
	UserAccounts accounts;

	@Autowired
	JdbcTemplate jdbc;

	long rejectedFile;

	long clerkUpload;

	@BeforeAll
	void oneRunWithARejectedFile() throws Exception {
		root.reset(this.jdbc);
		root.drop("湾坝村.csv", SampleReturn.of(WANBA, "2026-10").with("HOME_VISITS", "三百").longFile());
		IngestSummary run = this.ingest.ingest(Optional.of(LocalDateTime.parse("2026-11-04T10:00")));
		assertThat(run.runId()).isEqualTo(1);
		assertThat(run.rejected()).isEqualTo(1);
		this.rejectedFile = this.jdbc.queryForObject("select file_id from inbox_file where outcome = 'REJECTED'",
				Long.class);
		this.jdbc.update(
				"insert into console_upload (username, original_name, stored_path, size_bytes, sha256,"
						+ " uploaded_at) values ('clerk', 'a.csv', 'console/2026-11/1-a.csv', 1, ?, ?)",
				"0".repeat(64), LocalDateTime.parse("2026-11-04T09:00"));
		this.clerkUpload = this.jdbc.queryForObject("select max(upload_id) from console_upload", Long.class);
		this.accounts.add("someone", Role.VIEWER, Optional.empty(), "first-password", false, "test");
		for (ConsolePrincipal reader : List.of(VIEWER, CLERK, TOWNSHIP_CLERK, ADMIN)) {
			this.accounts.add(reader.username(), reader.role(), reader.township(), "password-of-" + reader.username(),
					false, "test");
		}
		this.accounts.add("fresh", Role.ADMIN, Optional.empty(), "first-password", true, "test");
	}

	@Test
	void everyEndpointAnswersEachRoleExactly() throws Exception {
		Map<String, List<String>> matrix = new LinkedHashMap<>();
		// VIEWER, CLERK, township CLERK, ADMIN, anonymous
		matrix.put("GET /login", List.of("200", "200", "200", "200", "200"));
		matrix.put("GET /", List.of("→/overview", "→/overview", "→/overview", "→/overview", LOGIN));
		matrix.put("GET /runs", List.of("200", "200", "200", "200", LOGIN));
		matrix.put("GET /runs?status=FAILED&from=2026-11-01&to=2026-11-30", List.of("200", "200", "200", "200", LOGIN));
		matrix.put("GET /runs/1", List.of("200", "200", "200", "200", LOGIN));
		matrix.put("GET /runs/999", List.of("404", "404", "404", "404", LOGIN));
		matrix.put("GET /submissions", List.of("200", "200", "200", "200", LOGIN));
		matrix.put("GET /submissions?q=湾坝&period=2026-10", List.of("200", "200", "200", "200", LOGIN));
		matrix.put("GET /submissions/" + WANBA + "/2026-10", List.of("200", "200", "404", "200", LOGIN));
		matrix.put("GET /rejected", List.of("200", "200", "200", "200", LOGIN));
		matrix.put("GET /rejected?q=湾坝", List.of("200", "200", "200", "200", LOGIN));
		matrix.put("GET /rejected/" + this.rejectedFile, List.of("200", "200", "404", "200", LOGIN));
		matrix.put("GET /rejected/" + this.rejectedFile + "/file", List.of("200", "200", "404", "200", LOGIN));
		matrix.put("GET /rejected/" + this.rejectedFile + "/errors.csv", List.of("200", "200", "404", "200", LOGIN));
		matrix.put("GET /upload", List.of("403", "200", "200", "200", LOGIN));
		matrix.put("GET /upload/" + this.clerkUpload, List.of("403", "200", "404", "200", LOGIN));
		matrix.put("GET /upload/" + this.clerkUpload + "/status", List.of("403", "200", "404", "200", LOGIN));
		matrix.put("UPLOAD /upload/check", List.of("403", "→/upload", "→/upload", "→/upload", LOGIN));
		matrix.put("POST /upload/submit", List.of("403", "→/upload", "→/upload", "→/upload", LOGIN));
		matrix.put("GET /users", List.of("403", "403", "403", "200", LOGIN));
		matrix.put("POST /users?username=newviewer&role=VIEWER", List.of("403", "403", "403", "→/users", LOGIN));
		matrix.put("POST /users/someone/password", List.of("403", "403", "403", "→/users", LOGIN));
		matrix.put("POST /users/someone/disable", List.of("403", "403", "403", "→/users", LOGIN));
		matrix.put("POST /users/someone/enable", List.of("403", "403", "403", "→/users", LOGIN));
		matrix.put("GET /audit", List.of("403", "403", "403", "200", LOGIN));
		matrix.put("GET /audit?action=LOGIN", List.of("403", "403", "403", "200", LOGIN));
		matrix.put("GET /account/password", List.of("200", "200", "200", "200", LOGIN));
		matrix.put("POST /account/password?current=wrong&password=abcdefgh1&again=abcdefgh1",
				List.of("→/account/password", "→/account/password", "→/account/password", "→/account/password", LOGIN));
		matrix.put("POST /runs/1/restart", List.of("403", "403", "403", "→/runs/1", LOGIN));
		matrix.put("POST /runs/1/stop", List.of("403", "403", "403", "→/runs/1", LOGIN));
		matrix.put("POST /runs/recompute?period=2026-13", List.of("403", "403", "403", "→/runs", LOGIN));
		// --- console-flags ---
		long flag = flagOf(WANBA);
		matrix.put("GET /flags", List.of("200", "200", "200", "200", LOGIN));
		matrix.put("GET /flags?period=2026-10&township=430528100&rule=OUTLIER_HISTORY&severity=HIGH&status=OPEN&page=2",
				List.of("200", "200", "200", "200", LOGIN));
		matrix.put("GET /flags/" + flag, List.of("200", "200", "404", "200", LOGIN));
		matrix.put("GET /flags/999999", List.of("404", "404", "404", "404", LOGIN));
		matrix.put("POST /flags/" + flag + "/review?status=DISMISSED&note=已核实",
				List.of("403", "→/flags/" + flag, "403", "→/flags/" + flag, LOGIN));
		matrix.put("POST /flags/999999/review?status=DISMISSED&note=已核实", List.of("403", "404", "404", "404", LOGIN));
		matrix.put("POST /flags/review?id=" + flag + "&status=CONFIRMED&note=已核实&period=2026-10",
				List.of("403", "→/flags?period=2026-10", "→/flags?period=2026-10", "→/flags?period=2026-10", LOGIN));
		// --- console-indicators ---
		matrix.put("GET /overview", List.of("200", "200", "200", "200", LOGIN));
		matrix.put("GET /overview?period=2026-10&indicator=HOME_VISITS", List.of("200", "200", "200", "200", LOGIN));
		matrix.put("GET /indicators", List.of("200", "200", "200", "200", LOGIN));
		matrix.put("GET /indicators?county=430528&indicator=HOME_VISITS&months=24",
				List.of("200", "200", "200", "200", LOGIN));
		matrix.put("GET /indicators?township=430528100", List.of("200", "200", "404", "200", LOGIN));
		matrix.put("GET /indicators?township=" + YIDU, List.of("200", "200", "200", "200", LOGIN));
		matrix.put("GET /js/charts.js", List.of("200", "200", "200", "200", "200"));
		matrix.put("GET /webjars/echarts/dist/echarts.min.js", List.of("200", "200", "200", "200", "200"));
		// --- console-ledger ---
		matrix.put("GET /ledger", List.of("200", "200", "200", "200", LOGIN));
		matrix.put("GET /ledger?period=2026-10&township=" + YIDU + "&page=2",
				List.of("200", "200", "200", "200", LOGIN));
		matrix.put("GET /ledger/issues?period=2026-10&township=" + YIDU + "&status=OPEN",
				List.of("200", "200", "200", "200", LOGIN));
		matrix.put("GET /ledger/issue?village=" + WANBA + "&no=2026-10-001",
				List.of("404", "404", "404", "404", LOGIN));
		matrix.put("GET /exports", List.of("200", "200", "200", "200", LOGIN));
		matrix.put("GET /exports?period=2026-10", List.of("200", "200", "200", "200", LOGIN));
		matrix.put("GET /exports/2026-10/csv.zip", List.of("200", "200", "403", "200", LOGIN));
		matrix.put("GET /exports/2026-10/xlsx", List.of("200", "200", "403", "200", LOGIN));
		matrix.put("GET /exports/2026-10/html", List.of("200", "200", "403", "200", LOGIN));
		matrix.put("GET /exports/2026-13/html", List.of("404", "404", "404", "404", LOGIN));
		// --- console-completeness ---
		matrix.put("GET /completeness", List.of("200", "200", "200", "200", LOGIN));
		matrix.put("GET /completeness?period=2026-10&county=430528", List.of("200", "200", "200", "200", LOGIN));
		matrix.put("GET /completeness?period=2026-10&township=" + YIDU, List.of("200", "200", "200", "200", LOGIN));
		matrix.put("GET /completeness?period=2026-10&township=430528100", List.of("200", "200", "404", "200", LOGIN));
		matrix.put("GET /completeness?county=4305", List.of("404", "404", "404", "404", LOGIN));
		matrix.put("GET /completeness/chase.csv?period=2026-10", List.of("200", "200", "200", "200", LOGIN));
		matrix.put("GET /completeness/chase.csv?period=2026-10&township=430528100",
				List.of("200", "200", "404", "200", LOGIN));
		matrix.put("POST /completeness", List.of("405", "405", "405", "405", LOGIN));
		matrix.put("GET /error/403", List.of("403", "403", "403", "403", "403"));
		matrix.put("GET /css/console.css", List.of("200", "200", "200", "200", "200"));
		matrix.put("GET /webjars/htmx.org/dist/htmx.min.js", List.of("200", "200", "200", "200", "200"));
		matrix.put("POST /logout",
				List.of("→/login?logout", "→/login?logout", "→/login?logout", "→/login?logout", "→/login?logout"));
		// last: for an administrator it starts a run (of an empty inbox) in the
		// background
		matrix.put("POST /runs/start", List.of("403", "403", "403", "→/runs", LOGIN));

		List<ConsolePrincipal> readers = new ArrayList<>(List.of(VIEWER, CLERK, TOWNSHIP_CLERK, ADMIN));
		readers.add(null);
		List<String> mismatches = new ArrayList<>();
		for (Map.Entry<String, List<String>> row : matrix.entrySet()) {
			for (int i = 0; i < readers.size(); i++) {
				String actual = answer(row.getKey(), readers.get(i));
				if (!actual.equals(row.getValue().get(i))) {
					mismatches.add(row.getKey() + " as " + name(readers.get(i)) + ": expected " + row.getValue().get(i)
							+ " but was " + actual);
				}
			}
		}
		assertThat(mismatches).isEmpty();
	}

	@Test
	void aUserDisabledWhileLoggedInIsLoggedOutAtTheNextRequest() throws Exception {
		this.accounts.add("leaving", Role.VIEWER, Optional.empty(), "leaving-password", false, "test");
		ConsolePrincipal leaving = principal("leaving", Role.VIEWER, null);
		assertThat(this.mvc.perform(get("/runs").with(user(leaving))).andReturn().getResponse().getStatus())
			.isEqualTo(200);
		this.accounts.disable("leaving", "test");
		assertThat(this.mvc.perform(get("/runs").with(user(leaving))).andReturn().getResponse().getRedirectedUrl())
			.isEqualTo("/login?error=disabled");
	}

	@Test
	void aPostWithoutTheCsrfTokenIsRefused() throws Exception {
		int status = this.mvc.perform(post("/runs/1/restart").with(user(ADMIN))).andReturn().getResponse().getStatus();
		assertThat(status).isEqualTo(403);
	}

	@Test
	void aUserWithAOneTimePasswordIsSentToThePasswordFormFirst() throws Exception {
		ConsolePrincipal fresh = new ConsolePrincipal("fresh", "x", Role.ADMIN, Optional.empty(), true, false, true);
		MvcResult result = this.mvc.perform(get("/runs").with(user(fresh))).andReturn();
		assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/account/password");
		assertThat(this.mvc.perform(get("/account/password").with(user(fresh))).andReturn().getResponse().getStatus())
			.isEqualTo(200);
	}

	@Test
	void restartingACompletedRunIsRefusedWithAClearMessage() throws Exception {
		MvcResult result = this.mvc.perform(post("/runs/1/restart").with(user(ADMIN)).with(csrf())).andReturn();
		assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/runs/1");
		String page = this.mvc.perform(get("/runs/1").with(user(ADMIN)).flashAttrs(result.getFlashMap()))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("不能重启：第 1 次运行已完成，无需重跑").doesNotContain("id=\"restart\"");
	}

	@Test
	void theRejectedFilesProblemsShowInTheReadersLanguage() throws Exception {
		String zh = this.mvc.perform(get("/rejected/" + this.rejectedFile).with(user(VIEWER)))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(zh).contains("数值“三百”不是数字");
		String en = this.mvc.perform(get("/rejected/" + this.rejectedFile + "?lang=en").with(user(VIEWER)))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(en).contains("Rejected files").contains("is not a number").doesNotContain("数值“三百”不是数字");
	}

	// --- console-flags ---
	@Test
	void onlyAClerkOfTheFlagsTownshipSeesReviewControlsAndAReviewNeedsANote() throws Exception {
		long flag = flagOf(WANBA);
		String viewer = page("/flags/" + flag, VIEWER);
		assertThat(viewer).contains("湾坝村")
			.contains("上门走访人次 4120")
			.doesNotContain("id=\"review\"")
			.doesNotContain("name=\"note\"");
		assertThat(page("/flags?period=2026-10", VIEWER)).doesNotContain("type=\"checkbox\"")
			.doesNotContain("id=\"bulk-confirm\"");
		assertThat(page("/flags/" + flag, CLERK)).contains("id=\"review\"").contains("id=\"review-dismiss\"");
		assertThat(page("/flags?period=2026-10", CLERK)).contains("id=\"pick-" + flag + "\"")
			.contains("id=\"bulk-confirm\"");
		// the township clerk's list has no other township's flags
		assertThat(page("/flags?period=2026-10", TOWNSHIP_CLERK)).doesNotContain("id=\"pick-" + flag + "\"");

		MvcResult blank = this.mvc
			.perform(post("/flags/" + flag + "/review").param("status", "DISMISSED")
				.param("note", "  ")
				.with(user(CLERK))
				.with(csrf()))
			.andReturn();
		assertThat(this.mvc.perform(get("/flags/" + flag).with(user(CLERK)).flashAttrs(blank.getFlashMap()))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8)).contains("未审核：必须填写审核理由。");
		MvcResult outside = this.mvc
			.perform(post("/flags/review").param("id", String.valueOf(flag))
				.param("status", "DISMISSED")
				.param("note", "不是我乡镇的")
				.with(user(TOWNSHIP_CLERK))
				.with(csrf()))
			.andReturn();
		assertThat(this.mvc.perform(get("/flags").with(user(TOWNSHIP_CLERK)).flashAttrs(outside.getFlashMap()))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8)).contains("未审核：预警 " + flag + " 不属于你负责的乡镇，你不能审核。");
		MvcResult done = this.mvc
			.perform(post("/flags/" + flag + "/review").param("status", "CONFIRMED")
				.param("note", "电话核实：录入多打一位")
				.with(user(CLERK))
				.with(csrf()))
			.andReturn();
		String after = this.mvc
			.perform(get("/flags/" + flag + "?lang=en").with(user(CLERK)).flashAttrs(done.getFlashMap()))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(after).contains("Confirmed 1 flag(s) (" + flag + ").")
			.contains("电话核实：录入多打一位")
			.contains("HOME_VISITS 4120, median 410");
		assertThat(
				this.jdbc.queryForObject("select count(*) from console_audit where action = 'REVIEW' and detail like ?",
						Integer.class, "flag " + flag + " %CONFIRMED: 电话核实：录入多打一位"))
			.isEqualTo(1);
	}

	/** A flag of 2026-10 on the village, raised by hand (the matrix's data has none). */
	private long flagOf(String village) {
		java.util.List<Long> existing = this.jdbc.queryForList(
				"select flag_id from anomaly_flag where org_code = ? and rule_code = 'OUTLIER_HISTORY'", Long.class,
				village);
		if (!existing.isEmpty()) {
			return existing.get(0);
		}
		this.jdbc.update("insert into anomaly_flag (period, org_level, org_code, indicator_code, rule_code, severity,"
				+ " observed, expected_low, expected_high, score, score_infinity, message_zh, message_en, status,"
				+ " raised_run_id, raised_at, subject) values ('2026-10', 'VILLAGE', ?, 'HOME_VISITS', 'OUTLIER_HISTORY',"
				+ " 'HIGH', 4120, 358.1097, 461.8903, 250.2395, 0, '上门走访人次 4120，近12个月中位数 410，偏离 250.2 个稳健标准差。请核实。',"
				+ " 'HOME_VISITS 4120, median 410 over 12 months: 250.2 robust SDs away. Please check.', 'OPEN', 1,"
				+ " ?, '')", village, LocalDateTime.parse("2026-11-04T10:00"));
		return this.jdbc.queryForObject("select max(flag_id) from anomaly_flag", Long.class);
	}

	private String page(String url, ConsolePrincipal reader) throws Exception {
		return this.mvc.perform(get(url).with(user(reader)))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	private String answer(String endpoint, ConsolePrincipal reader) throws Exception {
		String method = endpoint.substring(0, endpoint.indexOf(' '));
		String url = endpoint.substring(endpoint.indexOf(' ') + 1);
		AbstractMockHttpServletRequestBuilder<?> request = switch (method) {
			case "GET" -> get(url);
			case "POST" -> post(url).with(csrf());
			case "UPLOAD" ->
				multipart(url)
					.file(new MockMultipartFile("files", "湾坝村.csv", "text/csv",
							SampleReturn.of(WANBA, "2026-10").longFile().getBytes(StandardCharsets.UTF_8)))
					.with(csrf());
			default -> throw new IllegalArgumentException(method);
		};
		if (reader != null) {
			request.with(as(reader));
		}
		MvcResult result = this.mvc.perform(request).andReturn();
		String redirect = result.getResponse().getRedirectedUrl();
		if (redirect != null) {
			return "→" + redirect.replace("http://localhost", "");
		}
		return String.valueOf(result.getResponse().getStatus());
	}

	private static RequestPostProcessor as(ConsolePrincipal principal) {
		return user(principal);
	}

	private static String name(ConsolePrincipal reader) {
		return (reader != null) ? reader.username() + "/" + reader.role() : "anonymous";
	}

	private static ConsolePrincipal principal(String name, Role role, String township) {
		return new ConsolePrincipal(name, "{noop}x", role, Optional.ofNullable(township), true, false, false);
	}

}
