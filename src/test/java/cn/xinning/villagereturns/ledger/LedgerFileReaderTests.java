package cn.xinning.villagereturns.ledger;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.xinning.villagereturns.intake.TextDecoder;
import cn.xinning.villagereturns.reference.Village;
import cn.xinning.villagereturns.reference.VillageRegistry;
import cn.xinning.villagereturns.validation.Problem;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading a ledger and its row rules, with the line and column of every problem. */
class LedgerFileReaderTests {

	static final VillageRegistry REGISTRY = new VillageRegistry(List.of(
			new Village("430528100201", "湾坝村", "430528100", "金石镇", "村", 177, 647, Optional.empty(), Optional.empty()),
			new Village("430528100209", "旧村", "430528100", "金石镇", "村", 100, 300, Optional.empty(),
					Optional.of(YearMonth.of(2026, 6)))));

	static final LocalDate BUSINESS_DATE = LocalDate.of(2026, 11, 4);

	static final String HEADER = "issue_no,village_code,raised_on,category,summary,status,escalated_township_on,"
			+ "escalated_county_on,resolved_on";

	@ParameterizedTest
	@CsvSource({ "2026-10-08,2026-10-08", "2026/10/8,2026-10-08", "2026年10月8日,2026-10-08", "2026.10.8,2026-10-08",
			"２０２６－１０－０８,2026-10-08", "2026年 10月 8日,2026-10-08", "2026/10/8 0:00,2026-10-08", "2026-12-31,2026-12-31" })
	void readsEachDateSpelling(String written, String expected) {
		assertThat(LedgerDates.parse(written)).contains(LocalDate.parse(expected));
	}

	@ParameterizedTest
	@CsvSource({ "2026-10-32", "2026-13-01", "2026-02-29", "10/8/2026", "2026-10", "20261008", "2026/10-08", "昨天" })
	void refusesWhatIsNotADate(String written) {
		assertThat(LedgerDates.parse(written)).isEmpty();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"issue_no,village_code,raised_on,category,summary,status,escalated_township_on,escalated_county_on,resolved_on",
			"问题编号,村代码,收集日期,类别,问题摘要,状态,报乡镇日期,报县日期,办结日期", "问题编号,村（社区）代码,登记日期,问题类别,摘要,办理状态,报乡镇日期,报县日期,办结日期",
			"问题编号,村(社区)代码,登记日期,问题类别,摘要,办理状态,报乡镇日期,报县日期,办结日期",
			" ISSUE_NO , Village_Code ,RAISED_ON,Category,SUMMARY,Status,Escalated_Township_On,ESCALATED_COUNTY_ON,Resolved_On" })
	void readsEachHeaderAlias(String header) {
		String text = header + "\n2026-10-002,430528100201,2026-10-08,农技指导,柑橘,已报乡镇,2026-10-18,,\n";
		assertThat(LedgerFileReader.isLedger(text)).isTrue();
		LedgerFile file = read(text);
		assertThat(file.allProblems()).isEmpty();
		assertThat(file.rows()).singleElement().satisfies((row) -> {
			assertThat(row.issueNo()).isEqualTo("2026-10-002");
			assertThat(row.villageCode()).isEqualTo("430528100201");
			assertThat(row.raisedOn()).contains(LocalDate.of(2026, 10, 8));
			assertThat(row.category()).contains(IssueCategory.AGRI_TECH);
			assertThat(row.summary()).isEqualTo("柑橘");
			assertThat(row.status()).contains(IssueStatus.ESCALATED_TOWNSHIP);
			assertThat(row.escalatedTownshipOn()).contains(LocalDate.of(2026, 10, 18));
			assertThat(row.escalatedCountyOn()).isEmpty();
			assertThat(row.resolvedOn()).isEmpty();
		});
	}

	@Test
	void aReturnIsNotALedger() {
		assertThat(LedgerFileReader.isLedger("village_code,period,indicator_code,value\n430528100201,2026-10,X,1"))
			.isFalse();
		assertThat(LedgerFileReader.isLedger("\n,,\n收集日期\t办理状态\tvillage_code\n")).isTrue();
	}

	@Test
	void readsTheLabelsAndTheCodesOfEveryCategoryAndStatus() {
		assertThat(List.of("政策咨询", "农技指导", "矛盾纠纷", "基础设施", "民生保障", "其他", "policy", "AGRI_TECH", " Dispute "))
			.map(IssueCategory::of)
			.map(Optional::orElseThrow)
			.containsExactly(IssueCategory.POLICY, IssueCategory.AGRI_TECH, IssueCategory.DISPUTE,
					IssueCategory.INFRASTRUCTURE, IssueCategory.LIVELIHOOD, IssueCategory.OTHER, IssueCategory.POLICY,
					IssueCategory.AGRI_TECH, IssueCategory.DISPUTE);
		assertThat(List.of("未解决", "村级办结", "已报乡镇", "乡镇办结", "已报县", "县级办结", "open", "RESOLVED_COUNTY"))
			.map(IssueStatus::of)
			.map(Optional::orElseThrow)
			.containsExactly(IssueStatus.OPEN, IssueStatus.RESOLVED_VILLAGE, IssueStatus.ESCALATED_TOWNSHIP,
					IssueStatus.RESOLVED_TOWNSHIP, IssueStatus.ESCALATED_COUNTY, IssueStatus.RESOLVED_COUNTY,
					IssueStatus.OPEN, IssueStatus.RESOLVED_COUNTY);
	}

	@Test
	void reportsEachRuleAtItsLineAndColumn() {
		String text = String.join("\r\n", HEADER,
				// line 2: fine
				"A1,430528100201,2026-10-01,POLICY,,RESOLVED_VILLAGE,,,2026-10-02",
				// 3: two required cells empty
				",430528100201,2026-10-01,,,OPEN,,,",
				// 4: Excel damage, 5: unknown, 6: not valid in the month raised
				"A4,4.30528E+11,2026-10-01,POLICY,,OPEN,,,", "A5,430528100299,2026-10-01,POLICY,,OPEN,,,",
				"A6,430528100209,2026-10-01,POLICY,,OPEN,,,",
				// 7: category, 8: status
				"A7,430528100201,2026-10-01,农业,,OPEN,,,", "A8,430528100201,2026-10-01,POLICY,,已解决,,,",
				// 9: unreadable date, 10: a date after the business date
				"A9,430528100201,2026/10/1,POLICY,,ESCALATED_TOWNSHIP,10月5日,,",
				"A10,430528100201,2026-10-01,POLICY,,RESOLVED_VILLAGE,,,2026-11-05",
				// 11: county before township; 12: resolved before raised; 13: county
				// before raised without a township date
				"A11,430528100201,2026-10-01,POLICY,,ESCALATED_COUNTY,2026-10-10,2026-10-09,",
				"A12,430528100201,2026-10-05,POLICY,,RESOLVED_VILLAGE,,,2026-10-04",
				"A13,430528100201,2026-10-05,POLICY,,RESOLVED_VILLAGE,,2026-10-04,2026-10-06",
				// 14-17: status against dates
				"A14,430528100201,2026-10-01,POLICY,,RESOLVED_TOWNSHIP,,,2026-10-09",
				"A15,430528100201,2026-10-01,POLICY,,RESOLVED_COUNTY,2026-10-02,,",
				"A16,430528100201,2026-10-01,POLICY,,ESCALATED_COUNTY,2026-10-02,2026-10-03,2026-10-04",
				"A17,430528100201,2026-10-01,POLICY,,已报县,,2026-10-03,");
		LedgerFile file = read(text);
		assertThat(file.fileProblems()).isEmpty();
		assertThat(file.allProblems().stream().map(LedgerFileReaderTests::describe)).containsExactly(
				"3 issue_no  L-REQUIRED", "3 category  L-REQUIRED", "4 village_code 4.30528E+11 V-VILLAGE",
				"5 village_code 430528100299 V-VILLAGE", "6 village_code 430528100209 V-VILLAGE",
				"7 category 农业 L-CATEGORY", "8 status 已解决 L-STATUS-VALUE", "9 escalated_township_on 10月5日 L-DATE",
				"10 resolved_on 2026-11-05 L-DATE", "11 escalated_county_on 2026-10-09 L-ORDER",
				"12 resolved_on 2026-10-04 L-ORDER", "13 escalated_county_on 2026-10-04 L-ORDER",
				"14 escalated_township_on  L-STATUS", "15 escalated_county_on  L-STATUS", "15 resolved_on  L-STATUS",
				"16 resolved_on 2026-10-04 L-STATUS", "17 escalated_township_on  L-STATUS");
		assertThat(file.rows()).extracting(LedgerRow::isAccepted)
			.containsExactly(true, false, false, false, false, false, false, false, false, false, false, false, false,
					false, false, false);
		assertThat(file.rejectedRows()).isEqualTo(15);
	}

	@Test
	void aFileWithoutARequiredColumnIsRefusedWhole() {
		LedgerFile file = read("issue_no,village_code,raised_on,summary,status\nA1,430528100201,2026-10-01,,OPEN\n");
		assertThat(file.allProblems().stream().map(LedgerFileReaderTests::describe))
			.containsExactly("1 category  F-COLUMNS");
		assertThat(file.isRejectedWhole()).isTrue();
	}

	@Test
	void readsGb18030WithChineseHeaders() {
		String text = "问题编号,村代码,收集日期,问题类别,问题摘要,办理状态,报乡镇日期,报县日期,办结日期\r\n"
				+ "2026-10-001,430528100201,2026年10月3日,矛盾纠纷,宅基地边界纠纷,村级办结,,,2026年10月9日\r\n";
		TextDecoder.Decoded decoded = (TextDecoder.Decoded) TextDecoder
			.decode(text.getBytes(Charset.forName("GB18030")));
		LedgerFile file = new LedgerFileReader(REGISTRY, BUSINESS_DATE).read(decoded);
		assertThat(file.encoding()).isEqualTo("GB18030");
		assertThat(file.rows()).singleElement().satisfies((row) -> {
			assertThat(row.summary()).isEqualTo("宅基地边界纠纷");
			assertThat(row.resolvedOn()).contains(LocalDate.of(2026, 10, 9));
			assertThat(row.problems()).isEmpty();
		});
	}

	@Test
	void theFileValidatorHandsALedgerToTheLedgerReaderAndAReturnToTheReturns() throws Exception {
		cn.xinning.villagereturns.returns.FileValidator validator = new cn.xinning.villagereturns.returns.FileValidator(
				new cn.xinning.villagereturns.returns.ValidationContext(
						new cn.xinning.villagereturns.reference.IndicatorCatalogue(List.of()), REGISTRY,
						YearMonth.of(2026, 11), YearMonth.of(2025, 1),
						new cn.xinning.villagereturns.VillageReturnsProperties.Rules(3, 4, 20)),
				1 << 20, new LedgerFileReader(REGISTRY, BUSINESS_DATE));
		byte[] ledger = (HEADER + "\nA1,430528100201,2026-10-01,POLICY,,OPEN,,,\nA2,430528100201,,POLICY,,OPEN,,,\n")
			.getBytes(StandardCharsets.UTF_8);
		var result = validator.validate(ledger.length, () -> ledger);
		assertThat(result.read().layout()).hasValue(cn.xinning.villagereturns.returns.Layout.LEDGER);
		assertThat(result.returns()).isEmpty();
		assertThat(result.ledger()).hasValueSatisfying((file) -> assertThat(file.rejectedRows()).isEqualTo(1));
		// every problem of the ledger is among the file's, where the errors file is
		// written from
		assertThat(result.read().fileProblems().stream().map(LedgerFileReaderTests::describe))
			.containsExactly("3 raised_on  L-REQUIRED");
		byte[] returns = "village_code,period,indicator_code,value\n430528100201,2026-10,X,1\n"
			.getBytes(StandardCharsets.UTF_8);
		assertThat(validator.validate(returns.length, () -> returns).ledger()).isEmpty();
	}

	private static LedgerFile read(String text) {
		return new LedgerFileReader(REGISTRY, BUSINESS_DATE)
			.read((TextDecoder.Decoded) TextDecoder.decode(text.getBytes(StandardCharsets.UTF_8)));
	}

	private static String describe(Problem problem) {
		return problem.line() + " " + problem.column() + " " + problem.value() + " " + problem.rule().code();
	}

}
