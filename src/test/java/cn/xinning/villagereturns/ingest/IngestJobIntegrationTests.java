package cn.xinning.villagereturns.ingest;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import cn.xinning.villagereturns.reporting.ReportService;
import cn.xinning.villagereturns.reporting.ReportFormat;
import cn.xinning.villagereturns.support.PeriodRange;
import cn.xinning.villagereturns.support.SampleReturn;
import cn.xinning.villagereturns.support.TestRoot;

import static cn.xinning.villagereturns.support.FiveVillages.WANBA;
import static cn.xinning.villagereturns.support.FiveVillages.JIANGYUAN;
import static cn.xinning.villagereturns.support.FiveVillages.LONGTOU;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ingest job end to end on the embedded database: what is accepted, rejected,
 * replaced, recognised as a duplicate, and where every file ends.
 */
@SpringBootTest
class IngestJobIntegrationTests {

	static final TestRoot root = TestRoot.create("ingest");

	static final LocalDateTime NOV_4 = LocalDateTime.parse("2026-11-04T10:00");

	static final LocalDateTime NOV_10 = LocalDateTime.parse("2026-11-10T09:30");

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("village-returns.root", () -> root.path().toString());
		registry.add("spring.datasource.url", root::url);
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
	void acceptsALongReturnArchivesTheFileAndExportsItsValues() throws Exception {
		root.drop("湾坝村.csv", SampleReturn.of(WANBA, "2026-10").with("CONTACT_CARDS", "-").longFile());

		IngestSummary summary = this.ingest.ingest(Optional.of(NOV_4));

		assertThat(summary.status()).isEqualTo("COMPLETED");
		assertThat(List.of(summary.files(), summary.archived(), summary.rejected(), summary.duplicateFiles()))
			.containsExactly(1, 1, 0, 0);
		assertThat(List.of(summary.returnsAccepted(), summary.returnsRejected(), summary.returnsDuplicate()))
			.containsExactly(1, 0, 0);
		assertThat(summary.periods()).containsExactly("2026-10");
		assertThat(root.files()).containsExactly("archive/2026-11-04/湾坝村.csv");
		assertThat(villageValues("2026-10")).containsExactly("period,village_code,indicator_code,value",
				"2026-10,430528100201,COLLECTIVE_PROJECTS,1", "2026-10,430528100201,COMMUNITY_MEETINGS,4",
				"2026-10,430528100201,COOP_NEW_MEMBERS,3", "2026-10,430528100201,DISPUTES_MEDIATED,2",
				"2026-10,430528100201,GRID_LEADERS_L2,6", "2026-10,430528100201,GRID_LEADERS_L3,14",
				"2026-10,430528100201,HOME_VISITS,412", "2026-10,430528100201,ISSUES_ESCALATED,1",
				"2026-10,430528100201,ISSUES_RAISED,6", "2026-10,430528100201,ISSUES_RESOLVED_VILLAGE,4",
				"2026-10,430528100201,LAND_TRANSFER_MU,35.5", "2026-10,430528100201,LIVELIHOOD_PROJECTS,1",
				"2026-10,430528100201,PAIRED_CADRES,12", "2026-10,430528100201,PAIRED_HOUSEHOLDS,160",
				"2026-10,430528100201,POLICY_BOOKLETS,15", "2026-10,430528100201,POLICY_CARDS,30",
				"2026-10,430528100201,PRODUCE_SOLD_T,1090", "2026-10,430528100201,VOLUNTEER_TEAMS,2",
				"2026-10,430528100201,WEEKLY_CASE_MEETINGS,4");
	}

	@Test
	void aWideFileWithOneBadRowRejectsOnlyThatReturn() throws Exception {
		String file = SampleReturn.wideHeader() + "\r\n" + SampleReturn.of(WANBA, "2026-10").wideRow() + "\r\n"
				+ SampleReturn.of(JIANGYUAN, "2026-10").with("HOME_VISITS", "三百").wideRow() + "\r\n"
				+ SampleReturn.of(LONGTOU, "2026-10").with("HOME_VISITS", "300").wideRow() + "\r\n";
		root.drop("金石镇/金石镇_2026-10.csv", file);

		IngestSummary summary = this.ingest.ingest(Optional.of(NOV_4));

		assertThat(List.of(summary.returnsAccepted(), summary.returnsRejected())).containsExactly(2, 1);
		assertThat(root.files()).containsExactly("rejected/金石镇/金石镇_2026-10.csv",
				"rejected/金石镇/金石镇_2026-10.csv.errors.csv");
		String errors = root.read("rejected/金石镇/金石镇_2026-10.csv.errors.csv");
		assertThat(errors).startsWith("\uFEFFline,column,value,rule,severity,message\r\n");
		assertThat(errors.lines().skip(1).toList()).containsExactly(
				"3,HOME_VISITS,三百,V-NUMBER,ERROR,第3行 数值“三百”不是数字（指标 上门走访人次(HOME_VISITS)）。请填写阿拉伯数字；没有发生请填0，无法填报请留空或填“-”。");
		assertThat(villageValues("2026-10")).filteredOn((line) -> line.contains("HOME_VISITS"))
			.containsExactly("2026-10,430528100201,HOME_VISITS,412", "2026-10,430528100203,HOME_VISITS,300");
	}

	@Test
	void aLaterReturnReplacesTheAcceptedOneAndKeepsItAsHistory() throws Exception {
		root.drop("湾坝村.csv", SampleReturn.of(WANBA, "2026-10").longFile());
		this.ingest.ingest(Optional.of(NOV_4));
		root.drop("湾坝村-更正.csv", SampleReturn.of(WANBA, "2026-10").with("HOME_VISITS", "450").longFile());

		IngestSummary correction = this.ingest.ingest(Optional.of(NOV_10));

		assertThat(correction.returnsAccepted()).isEqualTo(1);
		assertThat(villageValues("2026-10")).filteredOn((line) -> line.contains("HOME_VISITS"))
			.containsExactly("2026-10,430528100201,HOME_VISITS,450");
		List<Map<String, Object>> history = this.jdbc.queryForList(
				"select state, received_at from submission where village_code = ? order by submission_id", WANBA);
		assertThat(history).extracting((row) -> row.get("state")).containsExactly("SUPERSEDED", "CURRENT");
		assertThat(this.jdbc.queryForObject("select first_received_at from current_return where village_code = ?",
				LocalDateTime.class, WANBA))
			.isEqualTo(NOV_4);
		assertThat(
				this.jdbc.queryForObject(
						"select s.received_at from current_return c join submission s"
								+ " on s.submission_id = c.submission_id where c.village_code = ?",
						LocalDateTime.class, WANBA))
			.isEqualTo(NOV_10);
	}

	@Test
	void theSameContentDroppedAgainChangesNothing() throws Exception {
		String content = SampleReturn.of(WANBA, "2026-10").longFile();
		root.drop("湾坝村.csv", content);
		this.ingest.ingest(Optional.of(NOV_4));
		List<String> before = villageValues("2026-10");
		List<Map<String, Object>> submissionsBefore = this.jdbc
			.queryForList("select submission_id, state from submission where state <> 'DUPLICATE'");
		root.drop("再发一次/湾坝村(1).csv", content);

		IngestSummary again = this.ingest.ingest(Optional.of(NOV_10));

		assertThat(List.of(again.files(), again.archived(), again.duplicateFiles())).containsExactly(1, 1, 1);
		assertThat(List.of(again.returnsAccepted(), again.returnsDuplicate())).containsExactly(0, 1);
		assertThat(again.periods()).isEmpty();
		assertThat(villageValues("2026-10")).isEqualTo(before);
		assertThat(this.jdbc.queryForList("select submission_id, state from submission where state <> 'DUPLICATE'"))
			.isEqualTo(submissionsBefore);
		assertThat(this.jdbc.queryForObject("select first_received_at from current_return", LocalDateTime.class))
			.isEqualTo(NOV_4);
		assertThat(root.files()).containsExactly("archive/2026-11-04/湾坝村.csv", "archive/2026-11-10/再发一次/湾坝村(1).csv");
	}

	@Test
	void returnsOfOneRunAreTakenByFileNameThenLine() throws Exception {
		root.drop("b/01.csv", SampleReturn.of(WANBA, "2026-10").with("HOME_VISITS", "401").longFile());
		root.drop("a/02.csv", SampleReturn.of(WANBA, "2026-10").with("HOME_VISITS", "402").longFile());
		root.drop("a/03.csv",
				SampleReturn.wideHeader() + "\n"
						+ SampleReturn.of(WANBA, "2026-10").with("HOME_VISITS", "403").wideRow() + "\n"
						+ SampleReturn.of(WANBA, "2026-10").with("HOME_VISITS", "404").wideRow() + "\n");

		IngestSummary summary = this.ingest.ingest(Optional.of(NOV_4));

		assertThat(summary.returnsAccepted()).isEqualTo(4);
		assertThat(villageValues("2026-10")).filteredOn((line) -> line.contains("HOME_VISITS"))
			.containsExactly("2026-10,430528100201,HOME_VISITS,404");
		assertThat(this.jdbc.queryForList("select v.val from submission s join submission_value v"
				+ " on v.submission_id = s.submission_id and v.indicator_code = 'HOME_VISITS'"
				+ " join inbox_file f on f.file_id = s.file_id"
				+ " where s.state = 'SUPERSEDED' order by f.seq, s.line_no", Integer.class))
			.containsExactly(401, 402, 403);
	}

	@Test
	void aRejectedReturnNeverReplacesAnAcceptedOne() throws Exception {
		root.drop("湾坝村.csv", SampleReturn.of(WANBA, "2026-10").longFile());
		this.ingest.ingest(Optional.of(NOV_4));
		root.drop("湾坝村-错.csv", SampleReturn.of(WANBA, "2026-10").with("HOME_VISITS", "-5").longFile());

		IngestSummary summary = this.ingest.ingest(Optional.of(NOV_10));

		assertThat(List.of(summary.returnsAccepted(), summary.returnsRejected())).containsExactly(0, 1);
		assertThat(villageValues("2026-10")).filteredOn((line) -> line.contains("HOME_VISITS"))
			.containsExactly("2026-10,430528100201,HOME_VISITS,412");
		assertThat(root.read("rejected/湾坝村-错.csv.errors.csv").lines().skip(1).toList())
			.containsExactly("7,value,'-5,V-NUMBER,ERROR,第7行 数值 -5 是负数（指标 上门走访人次(HOME_VISITS)）。数值不能小于0。");
	}

	@Test
	void filesStillBeingWrittenStayInTheInbox() throws Exception {
		String content = SampleReturn.of(WANBA, "2026-10").longFile();
		for (String name : List.of("~$湾坝村.csv", ".湾坝村.csv", "湾坝村.csv.tmp", "湾坝村.csv.part", "湾坝村.csv.crdownload",
				".hidden/湾坝村.csv")) {
			root.drop(name, content);
		}
		Files.writeString(root.inbox().resolve("刚刚保存.csv"), content);

		IngestSummary summary = this.ingest.ingest(Optional.of(NOV_4));

		assertThat(summary.files()).isZero();
		assertThat(root.files()).containsExactly("inbox/.hidden/湾坝村.csv", "inbox/.湾坝村.csv", "inbox/~$湾坝村.csv",
				"inbox/刚刚保存.csv", "inbox/湾坝村.csv.crdownload", "inbox/湾坝村.csv.part", "inbox/湾坝村.csv.tmp");
	}

	@Test
	void aGb18030FileWithChineseNamesIsReadWithoutMojibake() throws Exception {
		Charset gb18030 = Charset.forName("GB18030");
		String header = "村代码,村名,报告期," + String.join(",", chineseNames());
		String clean = header + "\r\n" + chineseRow(WANBA, "湾坝村", SampleReturn.of(WANBA, "2026-10")) + "\r\n";
		String withError = header + "\r\n"
				+ chineseRow(JIANGYUAN, "江园村", SampleReturn.of(JIANGYUAN, "2026-10").with("HOME_VISITS", "三百"))
				+ "\r\n";
		root.drop("金石镇（一）.csv", clean, gb18030);
		root.drop("金石镇（二）.csv", withError, gb18030);

		IngestSummary summary = this.ingest.ingest(Optional.of(NOV_4));

		assertThat(List.of(summary.archived(), summary.rejected())).containsExactly(1, 1);
		assertThat(root.files()).containsExactly("archive/2026-11-04/金石镇（一）.csv", "rejected/金石镇（二）.csv",
				"rejected/金石镇（二）.csv.errors.csv");
		assertThat(Files.readAllBytes(root.path().resolve("archive/2026-11-04/金石镇（一）.csv")))
			.isEqualTo(clean.getBytes(gb18030));
		assertThat(
				this.jdbc.queryForList("select village_name from submission order by line_no, file_id", String.class))
			.containsExactlyInAnyOrder("湾坝村", "江园村");
		assertThat(this.jdbc.queryForList("select distinct encoding from inbox_file", String.class))
			.containsExactly("GB18030");
		assertThat(root.read("rejected/金石镇（二）.csv.errors.csv").lines().skip(1).toList()).containsExactly(
				"2,上门走访人次,三百,V-NUMBER,ERROR,第2行 数值“三百”不是数字（指标 上门走访人次(HOME_VISITS)）。请填写阿拉伯数字；没有发生请填0，无法填报请留空或填“-”。");
		assertThat(villageValues("2026-10")).filteredOn((line) -> line.contains("HOME_VISITS"))
			.containsExactly("2026-10,430528100201,HOME_VISITS,412");
	}

	@Test
	void aFailedRunRestartsWhereItStoppedAndEveryFileEndsInOnePlace() throws Exception {
		root.drop("湾坝村.csv", SampleReturn.of(WANBA, "2026-10").longFile());
		root.drop("江园村.csv", SampleReturn.of(JIANGYUAN, "2026-10").with("HOME_VISITS", "三百").longFile());
		// a file where the day's archive folder should be: filing away fails after
		// acceptance
		// committed, and after the rejected file of the same chunk was already moved
		Files.createDirectories(root.path().resolve("archive"));
		Files.writeString(root.path().resolve("archive/2026-11-04"), "not a folder");

		IngestSummary failed = this.ingest.ingest(Optional.of(NOV_4));

		assertThat(failed.status()).isEqualTo("FAILED");
		assertThat(villageValues("2026-10")).hasSize(21);
		assertThat(root.files()).containsExactly("archive/2026-11-04", "rejected/江园村.csv",
				"rejected/江园村.csv.errors.csv", "work/run-" + failed.runId() + "/湾坝村.csv");
		Files.delete(root.path().resolve("archive/2026-11-04"));

		IngestSummary restarted = this.ingest.restart(failed.runId());

		assertThat(restarted.status()).isEqualTo("COMPLETED");
		assertThat(List.of(restarted.files(), restarted.archived(), restarted.rejected(), restarted.returnsAccepted(),
				restarted.returnsRejected()))
			.containsExactly(2, 1, 1, 1, 1);
		assertThat(root.files()).containsExactly("archive/2026-11-04/湾坝村.csv", "rejected/江园村.csv",
				"rejected/江园村.csv.errors.csv");
		assertThat(this.jdbc.queryForObject("select count(*) from submission", Integer.class)).isEqualTo(2);
		assertThat(villageValues("2026-10")).hasSize(21);
	}

	private List<String> villageValues(String period) throws Exception {
		java.nio.file.Path folder = root.path().resolve("reports");
		this.reports.write(PeriodRange.parse(period), folder, List.of(ReportFormat.CSV));
		String csv = Files.readString(folder.resolve("village_values.csv"), StandardCharsets.UTF_8);
		assertThat(csv).startsWith("\uFEFF");
		return csv.substring(1).lines().toList();
	}

	private static List<String> chineseNames() {
		return List.of("结对联系农户数", "联户党员干部数", "二级网格长数", "三级网格长数", "党员志愿服务队数", "上门走访人次", "民情恳谈会、院落会、屋场会次数", "民情碰头会次数",
				"发放党员干部联系卡张数", "发放惠民政策口袋书本数", "发放惠农政策明白卡张数", "协助流转土地面积", "新建村级集体经济增收项目个数", "新加入专业合作社农户数", "帮助农户销售农副产品",
				"调处矛盾纠纷件数", "兴办民生实事件数", "收集民情问题数", "村级办结问题数", "报乡镇协调问题数");
	}

	private static String chineseRow(String village, String name, SampleReturn sample) {
		return village + "," + name + ",2026年10月," + String.join(",", sample.values().values());
	}

}
