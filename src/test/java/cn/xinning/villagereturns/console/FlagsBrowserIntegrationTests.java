package cn.xinning.villagereturns.console;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import cn.xinning.villagereturns.support.ChildProgram;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 异常 Flags in the browser on the shared county console ({@link FiguresConsole}): the list
 * filtered as a reader filters it, an OUTLIER_HISTORY flag's evidence against its row of
 * the fixture's {@code anomalies.csv}, its dismissal by the clerk, and that dismissal
 * surviving a {@code recompute} run as a second process against the same root (the page
 * and a fresh {@code report} both still say DISMISSED). Changes data: it dismisses one
 * OUTLIER_HISTORY flag of 2026-10 (the first OPEN one of the export) and recomputes
 * 2026-10 (idempotent: the figures stay as they were).
 */
@ExtendWith(FiguresConsole.Resolver.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FlagsBrowserIntegrationTests {

	static final Pattern MEDIAN = Pattern.compile("中位数 ([0-9.]+)");

	FiguresConsole console;

	@BeforeAll
	void open(FiguresConsole console) {
		this.console = console;
	}

	@Test
	@Order(1)
	void theListFiltersByPeriodRuleAndStatusAsTheExportCountsThem() {
		List<Map<String, String>> expected = this.console.expectedRows(FiguresConsole.PERIOD, "anomalies.csv");
		long history = expected.stream().filter((r) -> r.get("rule").equals("OUTLIER_HISTORY")).count();
		long missing = expected.stream()
			.filter((r) -> r.get("rule").equals("MISSING_RETURN") && r.get("status").equals("OPEN"))
			.count();
		assertThat(history).isPositive();
		assertThat(missing).isEqualTo(8);

		this.console.loginAs(FiguresConsole.VIEWER);
		this.console.open("/flags");
		// a month field takes its value as the browser's month picker sets it
		((org.openqa.selenium.JavascriptExecutor) this.console.browser()).executeScript(
				"arguments[0].value = arguments[1]", this.console.browser().findElement(By.id("f-period")),
				FiguresConsole.PERIOD);
		new Select(this.console.browser().findElement(By.id("f-rule"))).selectByValue("OUTLIER_HISTORY");
		this.console.submit(this.console.browser().findElement(By.id("f-search")));

		assertThat(this.console.browser().getCurrentUrl()).contains("period=" + FiguresConsole.PERIOD)
			.contains("rule=OUTLIER_HISTORY");
		assertThat(this.console.text("flags")).contains("与本村历史偏离");
		assertThat(pagerTotal()).isEqualTo(history);
		List<List<String>> rows = FiguresConsole.rows(this.console.browser().findElement(By.id("flags")));
		assertThat(rows).allSatisfy((row) -> assertThat(row.get(5)).isEqualTo("与本村历史偏离"));
		// a viewer reviews nothing: no boxes to tick, no note, no buttons
		assertThat(this.console.browser().findElements(By.cssSelector("input[type=checkbox]"))).isEmpty();
		assertThat(this.console.browser().findElements(By.id("bulk-dismiss"))).isEmpty();
		this.console.screenshot("FlagsBrowserIntegrationTests-list-history");

		this.console.open("/flags?period=" + FiguresConsole.PERIOD + "&rule=MISSING_RETURN&status=OPEN");
		assertThat(pagerTotal()).isEqualTo(missing);
		this.console.screenshot("FlagsBrowserIntegrationTests-list-missing");
	}

	@Test
	@Order(2)
	void anOutlierShowsItsExportedEvidenceAndItsDismissalSurvivesARecompute() throws Exception {
		Map<String, String> row = this.console.expectedRows(FiguresConsole.PERIOD, "anomalies.csv")
			.stream()
			.filter((r) -> r.get("rule").equals("OUTLIER_HISTORY") && r.get("status").equals("OPEN")
					&& !r.get("score").contains("inf") && MEDIAN.matcher(r.get("message")).find())
			.findFirst()
			.orElseThrow();
		String village = row.get("org_code");

		this.console.loginAs(FiguresConsole.CLERK);
		long id = flagId(village, row.get("indicator_code"));
		this.console.open("/flags/" + id);

		assertThat(this.console.text("flag-message")).isEqualTo(row.get("message"));
		assertThat(this.console.text("flag-observed")).isEqualTo(row.get("observed"));
		assertThat(this.console.text("flag-low")).isEqualTo(row.get("expected_low"));
		assertThat(this.console.text("flag-high")).isEqualTo(row.get("expected_high"));
		assertThat(this.console.text("flag-score")).isEqualTo(row.get("score"));
		// the evidence recomputed from the accepted history by the rule's arithmetic
		assertThat(this.console.text("ev-low")).isEqualTo(row.get("expected_low"));
		assertThat(this.console.text("ev-high")).isEqualTo(row.get("expected_high"));
		assertThat(this.console.text("ev-score")).isEqualTo(row.get("score"));
		Matcher median = MEDIAN.matcher(row.get("message"));
		assertThat(median.find()).isTrue();
		assertThat(new BigDecimal(this.console.text("ev-median")).setScale(2, RoundingMode.HALF_UP))
			.isEqualByComparingTo(new BigDecimal(median.group(1)));
		List<List<String>> history = FiguresConsole.rows(this.console.browser().findElement(By.id("history")));
		assertThat(history).hasSize(13);
		assertThat(history.get(12).get(1)).isEqualTo(row.get("observed"));
		WebElement table = this.console.browser().findElement(By.id("history"));
		assertThat(table.getDomAttribute("data-chart")).isEqualTo("flag-history");
		assertThat(table.getDomAttribute("data-low")).isEqualTo(row.get("expected_low"));
		this.console.screenshot("FlagsBrowserIntegrationTests-history-evidence");

		String note = "乡镇已电话核实：本月集中入户走访，数据属实";
		this.console.type(By.id("review-note"), note);
		this.console.submit(this.console.browser().findElement(By.id("review-dismiss")));

		assertThat(this.console.text("notice")).isEqualTo("已排除 1 条预警（" + id + "）。");
		assertThat(this.console.text("flag-status")).isEqualTo("已排除");
		assertThat(FiguresConsole.rows(this.console.browser().findElement(By.id("reviews"))))
			.extracting((r) -> r.subList(1, 5))
			.containsExactly(List.of(FiguresConsole.CLERK, "待审核 → 已排除", note, "控制台"));
		this.console.screenshot("FlagsBrowserIntegrationTests-dismissed");

		ChildProgram.Result recompute = this.console.cli("recompute", "--period", FiguresConsole.PERIOD);
		assertThat(recompute.status()).as(recompute.output()).isZero();

		this.console.open("/flags/" + id);
		assertThat(this.console.text("flag-status")).isEqualTo("已排除");
		assertThat(this.console.text("reviews")).contains(note);
		assertThat(this.console.text("flag-score")).isEqualTo(row.get("score"));
		this.console.screenshot("FlagsBrowserIntegrationTests-after-recompute");

		Path out = Files.createTempDirectory(this.console.root(), "flags-report-");
		ChildProgram.Result report = this.console.cli("report", "--period", FiguresConsole.PERIOD, "--out",
				out.toString(), "--format", "csv");
		assertThat(report.status()).as(report.output()).isZero();
		List<Map<String, String>> now = FiguresConsole.csv(out.resolve("anomalies.csv"));
		assertThat(now).filteredOn((r) -> r.get("org_code").equals(village)
				&& r.get("indicator_code").equals(row.get("indicator_code")) && r.get("rule").equals("OUTLIER_HISTORY"))
			.extracting((r) -> r.get("status") + " " + r.get("score"))
			.containsExactly("DISMISSED " + row.get("score"));
		// nothing else changed: the same rows, the one status aside
		assertThat(now).hasSameSizeAs(this.console.expectedRows(FiguresConsole.PERIOD, "anomalies.csv"));

		// the command line's review goes through the same service: a second row of
		// history
		ChildProgram.Result cli = this.console.cli("anomalies", "review", String.valueOf(id), "--status", "CONFIRMED",
				"--note", "县里复核：与乡镇核实结果不符", "--by", "县统计局");
		assertThat(cli.status()).as(cli.output()).isZero();
		this.console.open("/flags/" + id);
		assertThat(this.console.text("flag-status")).isEqualTo("已确认");
		assertThat(FiguresConsole.rows(this.console.browser().findElement(By.id("reviews"))))
			.extracting((r) -> r.subList(1, 5))
			.containsExactly(List.of(FiguresConsole.CLERK, "待审核 → 已排除", note, "控制台"),
					List.of("县统计局", "已排除 → 已确认", "县里复核：与乡镇核实结果不符", "命令行"));
		this.console.screenshot("FlagsBrowserIntegrationTests-cli-review");
	}

	@Test
	@Order(3)
	void aPeersFlagMarksItsVillageAmongTheTownshipsRates() {
		Map<String, String> row = this.console.expectedRows(FiguresConsole.PERIOD, "anomalies.csv")
			.stream()
			.filter((r) -> r.get("rule").equals("OUTLIER_PEERS"))
			.findFirst()
			.orElse(null);
		if (row == null) {
			return;
		}
		this.console.loginAs(FiguresConsole.VIEWER);
		this.console.open("/flags/" + flagId(row.get("org_code"), row.get("indicator_code"), "OUTLIER_PEERS"));
		List<List<String>> peers = FiguresConsole.rows(this.console.browser().findElement(By.id("peers")));
		assertThat(peers).filteredOn((r) -> r.get(1).contains("（本村）"))
			.extracting((r) -> r.get(0) + " " + r.get(2) + " " + r.get(5))
			.containsExactly(row.get("org_code") + " " + row.get("observed") + " " + row.get("expected_low") + " ~ "
					+ row.get("expected_high"));
		assertThat(this.console.text("flag-score")).isEqualTo(row.get("score"));
		this.console.screenshot("FlagsBrowserIntegrationTests-peers-evidence");
	}

	private long flagId(String village, String indicator) {
		return flagId(village, indicator, "OUTLIER_HISTORY");
	}

	/** The flag's number, from the list filtered to its township and rule. */
	private long flagId(String village, String indicator, String rule) {
		this.console
			.open("/flags?period=" + FiguresConsole.PERIOD + "&township=" + village.substring(0, 9) + "&rule=" + rule);
		return this.console.browser()
			.findElements(By.cssSelector("#flags tbody tr[data-flag]"))
			.stream()
			.filter((tr) -> tr.getText().contains(village) && tr.getText().contains(indicator))
			.map((tr) -> Long.parseLong(tr.getDomAttribute("data-flag")))
			.findFirst()
			.orElseThrow();
	}

	private long pagerTotal() {
		Matcher total = Pattern.compile("共 ([\\d,]+) 条")
			.matcher(this.console.browser().findElement(By.className("pager")).getText());
		assertThat(total.find()).isTrue();
		return Long.parseLong(total.group(1).replace(",", ""));
	}

}
