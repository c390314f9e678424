package cn.xinning.villagereturns.console;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 问题台账 and 导出 on the shared figures console: the ladder is the fixture's
 * issues_summary.csv, the late escalations are the LATE_* flags of anomalies.csv with
 * their deadlines, an issue's page has every row received for it, and the downloads are
 * the files {@code report} wrote, byte for byte. Reads only.
 */
@ExtendWith(FiguresConsole.Resolver.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LedgerBrowserIntegrationTests {

	static final String PERIOD = FiguresConsole.PERIOD;

	FiguresConsole console;

	@BeforeAll
	void open(FiguresConsole console) {
		this.console = console;
	}

	@Test
	void theLadderIsIssuesSummaryCsv() {
		this.console.loginAs(FiguresConsole.VIEWER);
		this.console.open("/ledger?period=" + PERIOD + "&lang=zh");
		List<List<String>> shown = FiguresConsole.rows(this.console.browser().findElement(By.id("ladder")));
		List<List<String>> expected = new ArrayList<>();
		for (Map<String, String> row : this.console.expectedRows(PERIOD, "issues_summary.csv")) {
			List<String> cells = new ArrayList<>(
					List.of(row.get("org_code"), row.get("raised"), row.get("resolved_village"),
							row.get("resolved_township"), row.get("resolved_county"), row.get("open"),
							row.get("escalated_township"), row.get("escalated_county"), row.get("escalated_late")));
			cells.add(row.get("median_days_to_resolve").isEmpty() ? "无办结" : row.get("median_days_to_resolve"));
			expected.add(cells);
		}
		assertThat(shown.stream().map((r) -> r.subList(1, r.size())).toList()).isEqualTo(expected);
		assertThat(shown.get(0).get(0)).isEqualTo("全县");
		assertThat(expected).hasSizeGreaterThan(10);
		assertThat(Integer.parseInt(expected.get(0).get(1))).isPositive();
		this.console.screenshot("LedgerBrowserIntegrationTests-ladder");
	}

	@Test
	void theLateEscalationsAreTheLateFlagsWithTheirDeadlines() {
		this.console.loginAs(FiguresConsole.VIEWER);
		this.console.open("/ledger?period=" + PERIOD + "&lang=zh");
		List<Map<String, String>> flags = this.console.expectedRows(PERIOD, "anomalies.csv")
			.stream()
			.filter((f) -> f.get("rule").startsWith("LATE_ESCALATION_"))
			.toList();
		assertThat(flags).isNotEmpty();
		assertThat(this.console.browser().findElement(By.cssSelector(".pager .total")).getText())
			.startsWith("共 " + flags.size() + " 条");
		List<List<String>> late = FiguresConsole.rows(this.console.browser().findElement(By.id("late")));
		assertThat(late).hasSize(Math.min(50, flags.size()));
		for (List<String> row : late) {
			// village, name, issue, raised, level, deadline, reached, days late, flag
			LocalDate raised = LocalDate.parse(row.get(3));
			LocalDate deadline = LocalDate.parse(row.get(5));
			LocalDate reached = LocalDate.parse(row.get(6));
			if (row.get(4).equals("乡镇")) {
				assertThat(deadline)
					.isEqualTo((raised.getDayOfMonth() > 20 ? raised.plusMonths(1) : raised).withDayOfMonth(20));
			}
			else {
				assertThat(row.get(4)).isEqualTo("县");
				assertThat(deadline.getDayOfMonth()).isEqualTo(28);
			}
			assertThat(Long.parseLong(row.get(7))).isEqualTo(ChronoUnit.DAYS.between(deadline, reached)).isPositive();
			String rule = row.get(4).equals("乡镇") ? "LATE_ESCALATION_TOWNSHIP" : "LATE_ESCALATION_COUNTY";
			assertThat(flags).as(row.toString())
				.anySatisfy((f) -> assertThat(List.of(f.get("org_code"), f.get("rule"), f.get("observed")))
					.isEqualTo(List.of(row.get(0), rule, row.get(7))));
		}
		this.console.screenshot("LedgerBrowserIntegrationTests-late");
	}

	@Test
	void anIssuesPageHasEveryRowReceivedForIt() {
		this.console.loginAs(FiguresConsole.VIEWER);
		// an issue raised in August and reported up late was sent again with September's
		// ledger: two rows
		this.console.open("/ledger?period=2026-08&lang=zh");
		List<String> links = this.console.browser()
			.findElements(By.cssSelector("#late tbody tr td:nth-child(3) a"))
			.stream()
			.map((a) -> a.getDomAttribute("href"))
			.distinct()
			.toList();
		assertThat(links).isNotEmpty();
		List<List<String>> history = List.of();
		for (String link : links) {
			this.console.open(link);
			history = FiguresConsole.rows(this.console.browser().findElement(By.id("history")));
			if (history.size() >= 2) {
				break;
			}
		}
		assertThat(history).hasSizeGreaterThanOrEqualTo(2);
		// received in order; the last accepted one is in force, the ones before
		// superseded
		List<String> states = history.stream().map((r) -> r.get(0)).filter((s) -> !s.equals("拒收")).toList();
		assertThat(states.get(states.size() - 1)).isEqualTo("在用");
		assertThat(states.subList(0, states.size() - 1)).allMatch((s) -> s.equals("已被替换") || s.equals("重复"));
		assertThat(history.stream().map((r) -> r.get(1)).toList()).isSorted();
		List<String> inForce = history.stream().filter((r) -> r.get(0).equals("在用")).findFirst().orElseThrow();
		List<List<String>> facts = FiguresConsole.rows(this.console.browser().findElement(By.id("in-force")));
		// the dates in force are the row in force's
		assertThat(List.of(facts.get(1).get(1), facts.get(2).get(1), facts.get(3).get(1), facts.get(4).get(1)))
			.isEqualTo(inForce.subList(8, 12));
		assertThat(this.console.browser().findElement(By.cssSelector("h1 .status")).getText())
			.isEqualTo(inForce.get(5));
		this.console.screenshot("LedgerBrowserIntegrationTests-issue");
	}

	@Test
	void theDownloadsAreReportsFilesByteForByte() throws Exception {
		this.console.loginAs(FiguresConsole.ADMIN);
		this.console.open("/exports?period=" + PERIOD + "&lang=zh");
		this.console.screenshot("LedgerBrowserIntegrationTests-exports");
		// what report writes now, not the fixture's copy: a test of another screen may
		// have
		// reviewed a flag since
		Path expected = this.console.reportNow(PERIOD);
		// from the page's links, with the browser's session
		String zipLink = this.console.browser().findElement(By.id("download-csv")).getDomAttribute("href");
		HttpResponse<byte[]> zip = this.console.get(zipLink);
		assertThat(zip.statusCode()).isEqualTo(200);
		List<String> names = new ArrayList<>();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.body()))) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				names.add(entry.getName());
				assertThat(in.readAllBytes()).as(entry.getName())
					.isEqualTo(Files.readAllBytes(expected.resolve(entry.getName())));
			}
		}
		try (Stream<Path> csv = Files.list(expected)) {
			assertThat(names).containsExactlyInAnyOrderElementsOf(
					csv.map((p) -> p.getFileName().toString()).filter((n) -> n.endsWith(".csv")).toList());
		}
		HttpResponse<byte[]> xlsx = this.console
			.get(this.console.browser().findElement(By.id("download-xlsx")).getDomAttribute("href"));
		assertThat(xlsx.body()).isEqualTo(Files.readAllBytes(expected.resolve("village-returns-" + PERIOD + ".xlsx")));
		assertThat(xlsx.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"village-returns-"
				+ PERIOD + ".xlsx\"; filename*=UTF-8''village-returns-" + PERIOD + ".xlsx");
		// and the html report through the browser's own download
		WebElement html = this.console.browser().findElement(By.id("download-html"));
		Path saved = this.console.downloads().resolve("village-returns-" + PERIOD + ".html");
		Files.deleteIfExists(saved);
		html.click();
		this.console.waitFor(Duration.ofSeconds(30)).until((b) -> Files.exists(saved));
		assertThat(Files.readAllBytes(saved))
			.isEqualTo(Files.readAllBytes(expected.resolve("village-returns-" + PERIOD + ".html")));
		this.console.open("/audit?action=EXPORT&lang=zh");
		assertThat(FiguresConsole.rows(this.console.browser().findElement(By.id("audit")))
			.stream()
			.filter((r) -> r.get(1).equals(FiguresConsole.ADMIN))
			.map((r) -> r.get(3))
			.limit(3)
			.toList()).containsExactly("village-returns-" + PERIOD + ".html", "village-returns-" + PERIOD + ".xlsx",
					"village-returns-" + PERIOD + "-csv.zip");
		this.console.screenshot("LedgerBrowserIntegrationTests-audit");
	}

}
