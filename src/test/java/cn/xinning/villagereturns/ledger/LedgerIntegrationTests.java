package cn.xinning.villagereturns.ledger;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.xinning.villagereturns.ingest.IngestSummary;
import cn.xinning.villagereturns.support.MariaDb;
import cn.xinning.villagereturns.support.TestRoot;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The issue ledger end to end ({@link LedgerScenario}), on H2 and on MariaDB: rows
 * accepted and refused, where every file ends, the ladder's flags as business time passes
 * and a correction arrives, and {@code issues_summary.csv} cell by cell.
 */
class LedgerIntegrationTests {

	static final List<String> ISSUES_SUMMARY = List.of(
			"period,org_level,org_code,raised,resolved_village,resolved_township,resolved_county,open,"
					+ "escalated_township,escalated_county,escalated_late,median_days_to_resolve",
			"2026-10,COUNTY,430528,13,5,1,1,6,7,2,2,6", "2026-10,TOWNSHIP,430528100,9,3,1,1,4,5,2,1,20",
			"2026-10,TOWNSHIP,430528101,4,2,0,0,2,2,0,1,3.5", "2026-10,TOWNSHIP,430528102,0,0,0,0,0,0,0,0,",
			"2026-10,TOWNSHIP,430528103,0,0,0,0,0,0,0,0,", "2026-10,TOWNSHIP,430528104,0,0,0,0,0,0,0,0,",
			"2026-10,TOWNSHIP,430528105,0,0,0,0,0,0,0,0,", "2026-10,TOWNSHIP,430528106,0,0,0,0,0,0,0,0,",
			"2026-10,TOWNSHIP,430528107,0,0,0,0,0,0,0,0,", "2026-10,TOWNSHIP,430528200,0,0,0,0,0,0,0,0,",
			"2026-10,TOWNSHIP,430528201,0,0,0,0,0,0,0,0,", "2026-10,TOWNSHIP,430528202,0,0,0,0,0,0,0,0,",
			"2026-10,TOWNSHIP,430528203,0,0,0,0,0,0,0,0,", "2026-10,TOWNSHIP,430528204,0,0,0,0,0,0,0,0,",
			"2026-10,TOWNSHIP,430528205,0,0,0,0,0,0,0,0,", "2026-10,TOWNSHIP,430528206,0,0,0,0,0,0,0,0,",
			"2026-10,TOWNSHIP,430528207,0,0,0,0,0,0,0,0,");

	@Test
	void h2() throws Exception {
		TestRoot root = TestRoot.create("ledger-h2");
		assertExpected(LedgerScenario.play(root.path(), root.url(), "sa", ""));
	}

	/**
	 * With the ladder's flags reconciled one village at a time (a nation's month is
	 * sliced so, 20,000 issues a slice): the same flags raised, kept under review and
	 * closed as with the whole month at once (H2 above).
	 */
	@Test
	void mariaDb() throws Exception {
		try (MariaDb.TestDatabase database = MariaDb.create("ledger")) {
			assertExpected(LedgerScenario.play(TestRoot.create("ledger-mariadb").path(),
					database.url() + "?rewriteBatchedStatements=true&allowLoadLocalInfile=true", database.user(),
					database.password(), "--village-returns.batch.issues-per-flag-slice=1"));
		}
	}

	private static void assertExpected(LedgerScenario.Outcome outcome) {
		assertThat(outcome.summaries()).extracting(IngestSummary::status).containsOnly("COMPLETED");
		assertThat(outcome.summaries()).extracting(IngestSummary::ledgerRows)
			.containsExactly(new IngestSummary.LedgerRows(13, 9, 0), new IngestSummary.LedgerRows(0, 0, 0),
					// the copy is validated again: at the later business date,
					// 2026-11-09 is no longer in the future, so J-10 is valid (and a
					// duplicate)
					new IngestSummary.LedgerRows(2, 8, 4));
		assertThat(outcome.summaries()).extracting(IngestSummary::duplicateFiles).containsExactly(0, 0, 1);
		assertThat(outcome.summaries()).extracting(IngestSummary::flagsRaised).containsExactly(4, 1, 0);
		assertThat(outcome.files().keySet()).containsExactly("archive/2026-11-04/一渡水镇/水堰村.csv",
				"archive/2026-11-04/金石镇/湾坝村_问题清单.csv", "archive/2026-11-20/金石镇/湾坝村_问题清单_更正.csv",
				"rejected/金石镇/江园村_ledger (2).csv", "rejected/金石镇/江园村_ledger (2).csv.errors.csv",
				"rejected/金石镇/江园村_ledger.csv", "rejected/金石镇/江园村_ledger.csv.errors.csv", "reports/anomalies.csv",
				"reports/completeness.csv", "reports/county_indicators.csv", "reports/issues_summary.csv",
				"reports/township_indicators.csv", "reports/village-returns-2026-10.html",
				"reports/village-returns-2026-10.xlsx", "reports/village_values.csv");

		// each rule at its line and column (line, column, value, rule)
		assertThat(firstCells(outcome.files().get("rejected/金石镇/江园村_ledger.csv.errors.csv"), 4)).containsExactly(
				"line,column,value,rule", "5,escalated_township_on,,L-STATUS", "6,category,FARMING,L-CATEGORY",
				"7,status,DONE,L-STATUS-VALUE", "8,raised_on,2026-10-32,L-DATE",
				"9,escalated_township_on,2026-10-05,L-ORDER", "10,village_code,430528100299,V-VILLAGE",
				"11,issue_no,,L-REQUIRED", "12,raised_on,2026-11-09,L-DATE", "13,resolved_on,2026-10-10,L-STATUS");
		assertThat(outcome.files().get("rejected/金石镇/江园村_ledger.csv.errors.csv")).contains(
				"9,escalated_township_on,2026-10-05,L-ORDER,ERROR,第9行 报乡镇日期（escalated_township_on） 2026-10-05"
						+ " 早于收集日期（raised_on） 2026-10-09。问题应先收集、再报乡镇、再报县，办结不能早于收集。请核对这两个日期。\r\n",
				"11,issue_no,,L-REQUIRED,ERROR,第11行 问题编号（issue_no）为空。请填写问题编号（issue_no）。\r\n");

		// after the nightly run: 005 aged into STALE (31 days) without a file; 004 is
		// older
		assertThat(outcome.flagsAfterRun2()).containsExactly("LATE_ESCALATION_TOWNSHIP 430528100201 2026-10-003 3 OPEN",
				"STALE_ISSUE 430528100201 2026-10-004 41 OPEN", "STALE_ISSUE 430528100201 2026-10-005 31 OPEN",
				"LATE_ESCALATION_COUNTY 430528100202 J-02 1 OPEN", "LATE_ESCALATION_TOWNSHIP 430528101201 S-2 1 OPEN");
		// after the correction: 003 on time and 004 resolved close their flags; the
		// review of 005 survives, with its evidence brought to the business date
		assertThat(lines(outcome.files().get("reports/anomalies.csv"))).containsExactly(
				"period,org_level,org_code,indicator_code,rule,severity,observed,expected_low,expected_high,score,"
						+ "status,message",
				"2026-10,VILLAGE,430528100201,,LATE_ESCALATION_TOWNSHIP,MEDIUM,3,,,,CLOSED,湾坝村 第 2026-10-003 号问题"
						+ "（2026-10-05 收集）于 2026-10-23 报乡镇，晚于期限 2026-10-20，迟报 3 天。请核实。",
				"2026-10,VILLAGE,430528100201,,STALE_ISSUE,HIGH,41,,,,CLOSED,湾坝村 第 2026-10-004 号问题 2026-10-02 收集，"
						+ "到 2026-11-12 已 41 天仍未解决也未上报。请督促在村级解决或报乡镇。",
				"2026-10,VILLAGE,430528100201,,STALE_ISSUE,HIGH,39,,,,CONFIRMED,湾坝村 第 2026-10-005 号问题 2026-10-12 收集，"
						+ "到 2026-11-20 已 39 天仍未解决也未上报。请督促在村级解决或报乡镇。",
				"2026-10,VILLAGE,430528100202,,LATE_ESCALATION_COUNTY,MEDIUM,1,,,,OPEN,江园村 第 J-02 号问题"
						+ "（2026-10-01 收集，2026-10-15 报乡镇）于 2026-10-29 报县，晚于期限 2026-10-28，迟报 1 天。请核实。",
				"2026-10,VILLAGE,430528101201,,LATE_ESCALATION_TOWNSHIP,MEDIUM,1,,,,OPEN,水堰村 第 S-2 号问题"
						+ "（2026-10-20 收集）于 2026-10-21 报乡镇，晚于期限 2026-10-20，迟报 1 天。请核实。");

		// a correction replaced 003's and 004's state; the earlier states are history
		assertThat(outcome.history()).containsExactly("湾坝村 2026-10-001 RESOLVED_VILLAGE",
				"  true 2026-11-04T10:00 run 1 湾坝村_问题清单.csv:2 null 2026-10-09", "湾坝村 2026-10-002 ESCALATED_TOWNSHIP",
				"  true 2026-11-04T10:00 run 1 湾坝村_问题清单.csv:3 2026-10-18 null", "湾坝村 2026-10-003 ESCALATED_TOWNSHIP",
				"  false 2026-11-04T10:00 run 1 湾坝村_问题清单.csv:4 2026-10-23 null",
				"  true 2026-11-20T09:00 run 3 湾坝村_问题清单_更正.csv:2 2026-10-19 null", "湾坝村 2026-10-004 RESOLVED_VILLAGE",
				"  false 2026-11-04T10:00 run 1 湾坝村_问题清单.csv:5 null null",
				"  true 2026-11-20T09:00 run 3 湾坝村_问题清单_更正.csv:3 null 2026-11-15", "湾坝村 2026-10-005 OPEN",
				"  true 2026-11-04T10:00 run 1 湾坝村_问题清单.csv:6 null null", "湾坝村 2026-10-006 RESOLVED_TOWNSHIP",
				"  true 2026-11-04T10:00 run 1 湾坝村_问题清单.csv:7 2026-10-20 2026-10-30");
		// recompute at the latest business time changes nothing (the scenario checks it
		// flag by flag)
		assertThat(outcome.flagsRecomputed()).hasSize(5);

		String summary = outcome.files().get("reports/issues_summary.csv");
		assertThat(summary).startsWith("\uFEFFperiod,").endsWith("\r\n");
		assertThat(lines(summary)).containsExactlyElementsOf(ISSUES_SUMMARY);
		// one county's rows (what the overview reads) are the export's rows of that
		// county
		assertThat(outcome.countyRows()).containsExactlyElementsOf(ISSUES_SUMMARY.subList(1, ISSUES_SUMMARY.size()));
		assertThat(outcome.otherCountyRows()).isEmpty();
		// the workbook's sheet: a label row under the header, then the same rows
		List<String> sheet = lines(outcome.files().get("reports/village-returns-2026-10.xlsx"));
		assertThat(sheet.get(0)).isEqualTo(ISSUES_SUMMARY.get(0));
		assertThat(sheet.subList(2, sheet.size())).containsExactlyElementsOf(ISSUES_SUMMARY.subList(1, 18));
		// the report's ladder: each township and the county, late escalations beside
		assertThat(outcome.files().get("reports/village-returns-2026-10.html"))
			.contains("<tr data-org=\"430528100\"><th class=\"name\" scope=\"row\">金石镇</th><td class=\"num\">9</td>"
					+ "<td class=\"num\">3</td><td class=\"num\">5</td><td class=\"num\">1</td><td class=\"num\">2</td>"
					+ "<td class=\"num\">1</td><td class=\"num\">4</td><td class=\"num late\">1</td>"
					+ "<td class=\"num\">20</td></tr>",
					"<tr class=\"total\" data-org=\"430528\"><th class=\"name\" scope=\"row\">全县 430528</th>"
							+ "<td class=\"num\">13</td>");
	}

	static List<String> lines(String csv) {
		return Arrays.asList(csv.replace("\uFEFF", "").split("\r\n"));
	}

	private static List<String> firstCells(String csv, int cells) {
		List<String> rows = new ArrayList<>();
		for (String line : lines(csv)) {
			rows.add(String.join(",", Arrays.asList(line.split(",", -1)).subList(0, cells)));
		}
		return rows;
	}

}
