package cn.xinning.villagereturns.ledger;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.xinning.villagereturns.VillageReturnsApplication;
import cn.xinning.villagereturns.anomaly.AnomalyService;
import cn.xinning.villagereturns.ingest.IngestService;
import cn.xinning.villagereturns.ingest.IngestSummary;
import cn.xinning.villagereturns.reporting.ReportFormat;
import cn.xinning.villagereturns.reporting.ReportService;
import cn.xinning.villagereturns.support.PeriodRange;

/**
 * A fixture county's October ledgers over four runs, played in an application of its own
 * on the database given: two townships, three villages, Chinese headers in GB18030 and
 * English ones in UTF-8 (one with a byte-order mark and tabs), every clerk's mistake of
 * spec section 12, a nightly run with nothing new, a review, a correction and a
 * duplicate.
 */
final class LedgerScenario {

	static final Charset GB18030 = Charset.forName("GB18030");

	/** 湾坝村 (金石镇), Chinese headers, the three date spellings. */
	static final String WANBA = """
			问题编号,村代码,收集日期,问题类别,问题摘要,办理状态,报乡镇日期,报县日期,办结日期
			2026-10-001,430528100201,2026年10月3日,矛盾纠纷,宅基地边界纠纷,村级办结,,,2026年10月9日
			2026-10-002,430528100201,2026/10/8,农技指导,柑橘病虫害,已报乡镇,2026/10/18,,
			2026-10-003,430528100201,2026-10-05,基础设施,机耕道损毁,已报乡镇,2026-10-23,,
			2026-10-004,430528100201,2026-10-02,民生保障,低保申请,未解决,,,
			2026-10-005,430528100201,2026-10-12,政策咨询,医保政策,未解决,,,
			2026-10-006,430528100201,2026-10-10,其他,,乡镇办结,2026-10-20,,2026-10-30
			""";

	/** 江园村 (金石镇), English headers and codes, one mistake of each kind from line 5. */
	static final String JIANGYUAN = """
			issue_no,village_code,raised_on,category,summary,status,escalated_township_on,escalated_county_on,resolved_on
			J-01,430528100202,2026-10-21,DISPUTE,山林权属,ESCALATED_COUNTY,2026-10-29,2026-11-02,
			J-02,430528100202,2026-10-01,LIVELIHOOD,饮水,RESOLVED_COUNTY,2026-10-15,2026-10-29,2026-11-03
			J-03,430528100202,2026-10-07,POLICY,,RESOLVED_VILLAGE,,,2026-10-08
			J-04,430528100202,2026-10-09,AGRI_TECH,x,ESCALATED_TOWNSHIP,,,
			J-05,430528100202,2026-10-09,FARMING,x,OPEN,,,
			J-06,430528100202,2026-10-09,OTHER,x,DONE,,,
			J-07,430528100202,2026-10-32,OTHER,x,OPEN,,,
			J-08,430528100202,2026-10-09,OTHER,x,ESCALATED_TOWNSHIP,2026-10-05,,
			J-09,430528100299,2026-10-09,OTHER,x,OPEN,,,
			,430528100202,2026-10-09,OTHER,x,OPEN,,,
			J-10,430528100202,2026-11-09,OTHER,x,OPEN,,,
			J-11,430528100202,2026-10-09,OTHER,x,OPEN,,,2026-10-10
			""";

	/** 水堰村 (一渡水镇), other aliases, tab-separated, UTF-8 with BOM: the 20th / 21st edge. */
	static final String SHUIYAN = "\uFEFF"
			+ String.join("\r\n", "ISSUE_NO\t村（社区）代码\t登记日期\t类别\t摘要\t状态\t报乡镇日期\t报县日期\t办结日期",
					"S-1\t430528101201\t2026-10-20\tOTHER\t\t已报乡镇\t2026-10-20\t\t",
					"S-2\t430528101201\t2026-10-20\tOTHER\t\t已报乡镇\t2026-10-21\t\t",
					"S-3\t430528101201\t2026-10-01\tOTHER\t\t村级办结\t\t\t2026-10-04",
					"S-4\t430528101201\t2026-10-01\tOTHER\t\t村级办结\t\t\t2026-10-05")
			+ "\r\n";

	/** 湾坝村's correction: 004 resolved, 003 reached the township on time after all. */
	static final String WANBA_CORRECTION = """
			issue_no,village_code,raised_on,category,summary,status,escalated_township_on,escalated_county_on,resolved_on
			2026-10-003,430528100201,2026-10-05,INFRASTRUCTURE,机耕道损毁,ESCALATED_TOWNSHIP,2026-10-19,,
			2026-10-004,430528100201,2026-10-02,LIVELIHOOD,低保申请,RESOLVED_VILLAGE,,,2026-11-15
			""";

	static final String RUN_1 = "2026-11-04T10:00";

	/** The nightly run: no file, business time only. */
	static final String RUN_2 = "2026-11-12T02:00";

	static final String RUN_3 = "2026-11-20T09:00";

	private LedgerScenario() {
	}

	/**
	 * What the scenario left.
	 *
	 * @param summaries one per run
	 * @param files exports and filed-away files (with errors files), by path under the
	 * root
	 * @param flagsAfterRun2 the ledger flags after the nightly run: rule, village,
	 * observed
	 * @param countyRows {@link IssueSummaries#ofCounty} of 2026-10 for the county, as
	 * export lines
	 * @param otherCountyRows the same for a county the registry does not have
	 */
	record Outcome(List<IngestSummary> summaries, Map<String, String> files, List<String> flagsAfterRun2,
			List<String> history, List<String> flagsRecomputed, List<String> countyRows, List<String> otherCountyRows) {
	}

	static Outcome play(Path root, String url, String user, String password, String... settings) throws Exception {
		List<String> args = new ArrayList<>(List.of("--village-returns.root=" + root, "--spring.datasource.url=" + url,
				"--spring.datasource.username=" + user, "--spring.datasource.password=" + password));
		args.addAll(List.of(settings));
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(VillageReturnsApplication.class)
			.web(WebApplicationType.NONE)
			.run(args.toArray(String[]::new))) {
			IngestService ingest = context.getBean(IngestService.class);
			JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
			List<IngestSummary> summaries = new ArrayList<>();
			drop(root, "金石镇/湾坝村_问题清单.csv", WANBA.getBytes(GB18030));
			drop(root, "金石镇/江园村_ledger.csv", JIANGYUAN.getBytes(StandardCharsets.UTF_8));
			drop(root, "一渡水镇/水堰村.csv", SHUIYAN.getBytes(StandardCharsets.UTF_8));
			summaries.add(ingest.ingest(Optional.of(LocalDateTime.parse(RUN_1))));
			summaries.add(ingest.ingest(Optional.of(LocalDateTime.parse(RUN_2))));
			List<String> flagsAfterRun2 = flags(jdbc);
			long stale = jdbc.queryForObject("select flag_id from anomaly_flag where subject = '2026-10-005'",
					Long.class);
			context.getBean(AnomalyService.class).review(stale, "CONFIRMED", "已督促", "王主任");
			drop(root, "金石镇/湾坝村_问题清单_更正.csv", WANBA_CORRECTION.getBytes(StandardCharsets.UTF_8));
			drop(root, "金石镇/江园村_ledger (2).csv", JIANGYUAN.getBytes(StandardCharsets.UTF_8));
			summaries.add(ingest.ingest(Optional.of(LocalDateTime.parse(RUN_3))));
			List<String> history = new ArrayList<>();
			for (IssueHistory.Entry entry : context.getBean(IssueHistory.class)
				.list(Optional.of("430528100201"), Optional.empty(), Optional.of("2026-10"))) {
				history.add(entry.villageName() + " " + entry.issue().issueNo() + " " + entry.issue().status());
				entry.history()
					.forEach((s) -> history.add("  " + s.inForce() + " " + s.receivedAt() + " run " + s.runId() + " "
							+ s.file() + ":" + s.line() + " " + s.issue().escalatedTownshipOn().orElse(null) + " "
							+ s.issue().resolvedOn().orElse(null)));
			}
			String flagsBefore = flags(jdbc).toString();
			context.getBean(cn.xinning.villagereturns.aggregation.RecomputeService.class)
				.recompute(java.time.YearMonth.of(2026, 10));
			List<String> flagsRecomputed = flags(jdbc);
			if (!flagsRecomputed.toString().equals(flagsBefore)) {
				throw new AssertionError("recompute changed the flags: " + flagsBefore + " -> " + flagsRecomputed);
			}
			Path reports = root.resolve("reports");
			context.getBean(ReportService.class)
				.write(PeriodRange.parse("2026-10"), reports,
						List.of(ReportFormat.CSV, ReportFormat.HTML, ReportFormat.XLSX));
			Map<String, String> files = new TreeMap<>();
			try (Stream<Path> paths = Files.walk(root)) {
				for (Path path : paths.filter(Files::isRegularFile).toList()) {
					String relative = root.relativize(path).toString().replace('\\', '/');
					if (relative.startsWith("reports/") || relative.startsWith("archive/")
							|| relative.startsWith("rejected/")) {
						files.put(relative, relative.endsWith(".xlsx") ? workbook(path)
								: new String(Files.readAllBytes(path), StandardCharsets.UTF_8));
					}
				}
			}
			IssueSummaries issueSummaries = context.getBean(IssueSummaries.class);
			List<String> countyRows = issueSummaries.ofCounty(java.time.YearMonth.of(2026, 10), "430528")
				.stream()
				.map((row) -> String.join(",", row.cells()))
				.toList();
			List<String> otherCountyRows = issueSummaries.ofCounty(java.time.YearMonth.of(2026, 10), "430529")
				.stream()
				.map((row) -> String.join(",", row.cells()))
				.toList();
			return new Outcome(summaries, files, flagsAfterRun2, history, flagsRecomputed, countyRows, otherCountyRows);
		}
	}

	/** The issues_summary sheet of a workbook, as CSV lines. */
	private static String workbook(Path path) throws Exception {
		try (var workbook = org.apache.poi.ss.usermodel.WorkbookFactory.create(path.toFile())) {
			var sheet = workbook.getSheet("issues_summary");
			StringBuilder text = new StringBuilder();
			var formatter = new org.apache.poi.ss.usermodel.DataFormatter();
			int width = sheet.getRow(0).getLastCellNum();
			for (var row : sheet) {
				List<String> cells = new ArrayList<>();
				for (int i = 0; i < width; i++) {
					cells.add(formatter.formatCellValue(row.getCell(i)));
				}
				text.append(String.join(",", cells)).append("\r\n");
			}
			return text.toString();
		}
	}

	private static List<String> flags(JdbcTemplate jdbc) {
		return jdbc.query(
				"select rule_code, org_code, subject, observed, status from anomaly_flag"
						+ " order by org_code, subject, rule_code, flag_id",
				(rs, n) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " "
						+ rs.getBigDecimal(4).toBigInteger() + " " + rs.getString(5));
	}

	private static void drop(Path root, String relativePath, byte[] content) throws Exception {
		Path file = root.resolve("inbox").resolve(relativePath);
		Files.createDirectories(file.getParent());
		Files.write(file, content);
		Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(3600)));
	}

}
