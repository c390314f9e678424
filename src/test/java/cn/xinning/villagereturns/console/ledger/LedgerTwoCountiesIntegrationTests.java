package cn.xinning.villagereturns.console.ledger;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

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
import cn.xinning.villagereturns.support.TestRoot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * 问题台账 of an installation of two counties: the ladder shows one county at a time, and the
 * late escalations under it are that county's only (they once listed every county's under
 * whichever county's ladder was shown).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK,
		properties = "spring.main.web-application-type=servlet")
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LedgerTwoCountiesIntegrationTests {

	static final TestRoot root = TestRoot.create("console-ledger-counties");

	static final Path registry = root.registry();

	static final String HEADER = "issue_no,village_code,raised_on,category,summary,status,escalated_township_on,"
			+ "escalated_county_on,resolved_on\n";

	static final ConsolePrincipal VIEWER = new ConsolePrincipal("viewer", "x", Role.VIEWER, Optional.empty(), true,
			false, false);

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry properties) {
		root.writeRegistry("""
				430528100201,湾坝村,430528100,金石镇,村,177,647,,
				430529100201,东山村,430529100,东山乡,村,260,900,,
				""");
		root.configure(properties, "file:" + registry);
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	IngestService ingest;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserAccounts accounts;

	@BeforeAll
	void ledgersOfBothCounties() throws Exception {
		root.reset(this.jdbc);
		this.accounts.add("viewer", Role.VIEWER, Optional.empty(), "password-of-viewer", false, "test");
		// each county has one issue escalated to its township after the 20th
		root.drop("湾坝村_2026-10_问题清单.csv", HEADER + """
				W-2,430528100201,2026-10-05,INFRASTRUCTURE,机耕道损毁,ESCALATED_TOWNSHIP,2026-10-23,,
				W-4,430528100201,2026-10-02,LIVELIHOOD,低保申请,OPEN,,,
				""");
		root.drop("东山村_2026-10_问题清单.csv", HEADER + """
				D-1,430529100201,2026-10-08,DISPUTE,山林权属,ESCALATED_TOWNSHIP,2026-10-26,,
				""");
		this.ingest.ingest(Optional.of(LocalDateTime.parse("2026-11-04T10:00")));
	}

	@Test
	void theFirstCountyIsShownWithItsOwnLateEscalationsOnly() throws Exception {
		String page = page("/ledger?period=2026-10");
		assertThat(page).contains("data-org-code=\"430528\"").doesNotContain("data-org-code=\"430529\"");
		assertThat(rows(page)).containsExactly(List.of("430528100201", "湾坝村", "W-2", "2026-10-05", "township",
				"2026-10-20", "2026-10-23", "3", "open"));
		assertThat(page).contains("1 rows · page 1 of 1");
	}

	@Test
	void theOtherCountyChosenShowsItsOwn() throws Exception {
		String page = page("/ledger?period=2026-10&county=430529");
		assertThat(page).contains("data-org-code=\"430529\"").doesNotContain("data-org-code=\"430528\"");
		assertThat(rows(page)).containsExactly(List.of("430529100201", "东山村", "D-1", "2026-10-08", "township",
				"2026-10-20", "2026-10-26", "6", "open"));
	}

	private String page(String url) throws Exception {
		MvcResult result = this.mvc.perform(get(url + "&lang=en").with(user(VIEWER))).andReturn();
		assertThat(result.getResponse().getStatus()).as(url).isEqualTo(200);
		return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	/** The late escalations' rows, as text cells (as the one-county test reads them). */
	private static List<List<String>> rows(String page) {
		return LedgerConsoleIntegrationTests.rows(page, "late", "data-issue");
	}

}
