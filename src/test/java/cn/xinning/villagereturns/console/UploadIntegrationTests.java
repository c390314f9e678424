package cn.xinning.villagereturns.console;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import cn.xinning.villagereturns.console.security.ConsolePrincipal;
import cn.xinning.villagereturns.console.users.Role;
import cn.xinning.villagereturns.support.SampleReturn;
import cn.xinning.villagereturns.support.TestRoot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Uploads: hostile and odd names and oversize files are refused with a message and never
 * stored; a township clerk cannot submit another township's returns; a submitted file
 * goes into the inbox under a name that cannot collide, recorded with who uploaded it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK,
		properties = { "spring.main.web-application-type=servlet", "village-returns.inbox.max-file-megabytes=1" })
@AutoConfigureMockMvc
class UploadIntegrationTests {

	static final TestRoot root = TestRoot.create("console-upload");

	static final ConsolePrincipal CLERK = new ConsolePrincipal("clerk", "x", Role.CLERK, Optional.empty(), true, false,
			false);

	static final ConsolePrincipal YIDU_CLERK = new ConsolePrincipal("yidu", "x", Role.CLERK, Optional.of("430528101"),
			true, false, false);

	static final byte[] WANBA = SampleReturn.of("430528100201", "2026-10").longFile().getBytes(StandardCharsets.UTF_8);

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("village-returns.root", () -> root.path().toString());
		registry.add("spring.datasource.url", root::url);
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	cn.xinning.villagereturns.console.users.UserAccounts accounts;

	@BeforeEach
	void reset() {
		root.reset(this.jdbc);
		this.jdbc.update("delete from console_upload");
		this.jdbc.update("delete from console_audit");
		this.jdbc.update("delete from console_user");
		this.accounts.add("clerk", Role.CLERK, Optional.empty(), "clerk-password", false, "test");
		this.accounts.add("yidu", Role.CLERK, Optional.of("430528101"), "yidu-password", false, "test");
	}

	@Test
	void hostileOddAndOversizeFilesAreRefusedWithAMessageAndNeverStored() throws Exception {
		MockHttpSession session = new MockHttpSession();
		byte[] oversize = new byte[1024 * 1024 + 1];
		this.mvc.perform(multipart("/upload/check").file(file("../../etc/passwd.csv", WANBA))
			.file(file("C:\\Users\\clerk\\湾坝村.csv", WANBA))
			.file(file("/tmp/湾坝村.csv", WANBA))
			.file(file("湾坝村<script>.csv", WANBA))
			.file(file(".湾坝村.csv", WANBA))
			.file(file("~$湾坝村.csv", WANBA))
			.file(file("湾坝村.csv.part", WANBA))
			.file(file("大文件.csv", oversize))
			.session(session)
			.with(user(CLERK))
			.with(csrf()));

		String page = page(session, CLERK);
		assertThat(page)
			.contains("文件名“../../etc/passwd.csv”含有路径（/、\\ 或 ..），不能上传。", "文件名“C:\\Users\\clerk\\湾坝村.csv”含有路径",
					"文件名“/tmp/湾坝村.csv”含有路径", "文件名“湾坝村&lt;script&gt;.csv”含有不允许的字符。", "文件名“.湾坝村.csv”像是临时文件或隐藏文件",
					"文件名“~$湾坝村.csv”像是临时文件或隐藏文件", "文件名“湾坝村.csv.part”像是临时文件或隐藏文件", "文件太大（1048577 字节），超过 1 MB 的上限，不像是月报表。")
			.doesNotContain("name=\"token\"", "id=\"submit\"");
		assertThat(filesUnder(root.path().resolve("work/uploads"))).isEmpty();
		assertThat(filesUnder(root.inbox())).isEmpty();
	}

	@Test
	void aTownshipClerkCannotSubmitAnotherTownshipsReturns() throws Exception {
		MockHttpSession session = new MockHttpSession();
		this.mvc.perform(multipart("/upload/check").file(file("湾坝村.csv", WANBA))
			.session(session)
			.with(user(YIDU_CLERK))
			.with(csrf()));

		assertThat(page(session, YIDU_CLERK)).contains("这个文件里有不属于您乡镇（430528101）的村：430528100201。您只能上传本乡镇各村的报表。")
			.doesNotContain("name=\"token\"");
	}

	@Test
	void aSubmittedFileGoesIntoTheInboxUnderANameThatCannotCollide() throws Exception {
		for (int i = 0; i < 2; i++) {
			MockHttpSession session = new MockHttpSession();
			this.mvc.perform(multipart("/upload/check").file(file("湾坝村.csv", WANBA))
				.session(session)
				.with(user(CLERK))
				.with(csrf()));
			String page = page(session, CLERK);
			assertThat(page).contains("共 1 份报表：会接收 1 份，会拒收 0 份。");
			String token = page.replaceAll("(?s).*name=\"token\" value=\"([^\"]+)\".*", "$1");
			this.mvc
				.perform(post("/upload/submit").param("token", token).session(session).with(user(CLERK)).with(csrf()));
		}

		List<String> stored = this.jdbc.queryForList(
				"select concat(username, ' ', original_name, ' ', stored_path) from console_upload order by upload_id",
				String.class);
		assertThat(stored).hasSize(2);
		assertThat(stored.get(0)).matches("clerk 湾坝村.csv console/\\d{4}-\\d{2}/\\d+-湾坝村.csv");
		assertThat(stored.get(0)).isNotEqualTo(stored.get(1));
		assertThat(filesUnder(root.inbox())).hasSize(2);
		for (Path file : filesUnder(root.inbox())) {
			assertThat(Files.readAllBytes(file)).isEqualTo(WANBA);
		}
		assertThat(this.jdbc.queryForObject(
				"select count(*) from console_audit where action = 'UPLOAD'" + " and username = 'clerk'",
				Integer.class))
			.isEqualTo(2);
	}

	private String page(MockHttpSession session, ConsolePrincipal principal) throws Exception {
		return this.mvc.perform(get("/upload").session(session).with(user(principal)))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	private static MockMultipartFile file(String name, byte[] content) {
		return new MockMultipartFile("files", name, "text/csv", content);
	}

	private static List<Path> filesUnder(Path folder) throws Exception {
		if (!Files.exists(folder)) {
			return List.of();
		}
		try (Stream<Path> paths = Files.walk(folder)) {
			return paths.filter(Files::isRegularFile).toList();
		}
	}

}
