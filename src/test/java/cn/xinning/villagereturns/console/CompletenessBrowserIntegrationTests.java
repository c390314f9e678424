package cn.xinning.villagereturns.console;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The 完整性 screen in a real browser on the shared county year ({@link FiguresConsole}):
 * per township the cells of each colour are completeness.csv's counts, the county row is
 * its COUNTY row, the chase list downloaded through the page's link is exactly the
 * villages anomalies.csv flags MISSING_RETURN or LATE_RETURN, and a cell opens that
 * village's submissions.
 */
@ExtendWith(FiguresConsole.Resolver.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CompletenessBrowserIntegrationTests {

	static final String PERIOD = FiguresConsole.PERIOD;

	FiguresConsole console;

	List<Map<String, String>> completeness;

	/** The registry the fixture plays (jobs/villages.csv: every village valid). */
	Map<String, Map<String, String>> registry;

	@BeforeAll
	void open(FiguresConsole console) {
		this.console = console;
		this.completeness = console.expectedRows(PERIOD, "completeness.csv");
		this.registry = new TreeMap<>();
		for (Map<String, String> village : FiguresConsole.csv(Path.of("jobs", "villages.csv"))) {
			this.registry.put(village.get("village_code"), village);
		}
	}

	@Test
	void everyTownshipsCellsOfEachColourAreItsCompletenessFigures() {
		this.console.loginAs(FiguresConsole.VIEWER);
		// a county installation opens at its county's grid, at the latest period
		this.console.open("/completeness");
		WebElement grid = this.console.browser().findElement(By.id("grid"));
		this.console.screenshot("CompletenessBrowserIntegrationTests-county-grid");
		assertThat(this.console.browser().findElement(By.cssSelector("#period option[selected]")).getText())
			.isEqualTo(PERIOD);
		assertThat(this.console.browser().findElements(By.id("crumb-all"))).isEmpty();
		int townships = 0;
		for (Map<String, String> row : this.completeness) {
			if (!row.get("org_level").equals("TOWNSHIP")) {
				continue;
			}
			townships++;
			String code = row.get("org_code");
			WebElement tr = grid.findElement(By.cssSelector("tr[data-code='" + code + "']"));
			int expected = Integer.parseInt(row.get("expected"));
			int received = Integer.parseInt(row.get("received"));
			int onTime = Integer.parseInt(row.get("on_time"));
			assertThat(cells(tr, "ON_TIME")).as(code + " on time").isEqualTo(onTime);
			assertThat(cells(tr, "LATE")).as(code + " late").isEqualTo(received - onTime);
			assertThat(cells(tr, "MISSING")).as(code + " missing").isEqualTo(expected - received);
			assertThat(cells(tr, "NOT_EXPECTED")).as(code + " not expected").isZero();
			assertThat(figures(tr)).as(code)
				.containsExactly(row.get("on_time"), String.valueOf(received - onTime),
						String.valueOf(expected - received), row.get("expected"), row.get("received"),
						row.get("completeness_pct") + "%", row.get("timeliness_pct") + "%");
		}
		assertThat(townships).isEqualTo(grid.findElements(By.cssSelector("tr.township")).size()).isGreaterThan(10);
		Map<String, String> county = this.completeness.stream()
			.filter((row) -> row.get("org_level").equals("COUNTY"))
			.findFirst()
			.orElseThrow();
		WebElement total = grid.findElement(By.id("county-row"));
		assertThat(figures(total)).containsExactly("216", "87", "8", "311", "303", "97.4%", "69.5%");
		assertThat(figures(total)).containsExactly(county.get("on_time"), "87", "8", county.get("expected"),
				county.get("received"), county.get("completeness_pct") + "%", county.get("timeliness_pct") + "%");
		assertThat(grid.findElements(By.cssSelector("a.cell"))).hasSize(311);
		assertThat(this.console.text("legend")).contains("216").contains("87").contains("8");
	}

	@Test
	void theChaseListIsExactlyTheMissingAndLateVillages() throws Exception {
		this.console.loginAs(FiguresConsole.VIEWER);
		this.console.open("/completeness?period=" + PERIOD);
		String href = this.console.browser().findElement(By.id("chase-csv")).getDomAttribute("href");
		this.console.browser().findElement(By.id("chase")).click();
		this.console.screenshot("CompletenessBrowserIntegrationTests-chase-list");
		HttpResponse<byte[]> response = this.console.get(href);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("text/csv;charset=UTF-8");
		byte[] body = response.body();
		assertThat(body[0] & 0xff).as("UTF-8 byte order mark").isEqualTo(0xEF);
		Path saved = this.console.downloads().resolve("chase-" + PERIOD + ".csv");
		Files.write(saved, body);
		List<String> lines = new String(body, StandardCharsets.UTF_8).lines().toList();
		assertThat(lines.get(0)).isEqualTo("\uFEFF报告期,乡镇代码,乡镇,村代码,村（社区）,户数,状态,最近报送月份,最近报送时间");

		// what the exports say: the village flags of the month, and the villages with
		// values
		Map<String, String> flagged = new TreeMap<>();
		for (Map<String, String> flag : this.console.expectedRows(PERIOD, "anomalies.csv")) {
			if (flag.get("period").equals(PERIOD) && !flag.get("status").equals("CLOSED")
					&& Set.of("MISSING_RETURN", "LATE_RETURN").contains(flag.get("rule"))) {
				flagged.put(flag.get("org_code"), flag.get("rule").equals("MISSING_RETURN") ? "缺报" : "迟报");
			}
		}
		Set<String> reported = this.console.expectedRows(PERIOD, "village_values.csv")
			.stream()
			.map((value) -> value.get("village_code"))
			.collect(Collectors.toSet());
		assertThat(flagged.entrySet().stream().filter((e) -> e.getValue().equals("缺报")).map(Map.Entry::getKey))
			.containsExactlyElementsOf(
					this.registry.keySet().stream().filter((code) -> !reported.contains(code)).sorted().toList());
		List<String> expected = new ArrayList<>();
		flagged.forEach((code, state) -> {
			Map<String, String> village = this.registry.get(code);
			expected.add(String.join(",", PERIOD, village.get("township_code"), village.get("township_name"), code,
					village.get("village_name"), village.get("households"), state));
		});
		List<String> shown = lines.stream()
			.skip(1)
			.map((line) -> String.join(",", List.of(line.split(",", -1)).subList(0, 7)))
			.toList();
		assertThat(shown).containsExactlyElementsOf(expected).hasSize(8 + 87);
		for (String line : lines.subList(1, lines.size())) {
			String[] cells = line.split(",", -1);
			if (cells[6].equals("迟报")) {
				// late villages came with the late run
				assertThat(cells[7] + " " + cells[8]).as(line).isEqualTo(PERIOD + " 2026-11-09 09:00:00");
			}
			else {
				assertThat(cells[7]).as(line).isNotEqualTo(PERIOD);
			}
		}
		// the page's table is the same list
		assertThat(FiguresConsole.rows(this.console.browser().findElement(By.id("chase-table")))).hasSize(95);
	}

	@Test
	void aCellOpensThatVillagesSubmissionsAndATownshipItsVillages() {
		this.console.loginAs(FiguresConsole.VIEWER);
		this.console.open("/completeness?period=" + PERIOD);
		WebElement late = this.console.browser().findElement(By.cssSelector("#grid a.cell[data-state='LATE']"));
		String village = late.getDomAttribute("data-village");
		assertThat(late.getDomAttribute("title")).startsWith(
				this.registry.get(village).get("village_name") + " " + village + " · 迟报 · 首次报送 2026-11-09 09:00:00");
		this.console.submit(late);
		assertThat(this.console.browser().getCurrentUrl()).endsWith("/submissions/" + village + "/" + PERIOD);
		assertThat(this.console.browser().findElement(By.tagName("h1")).getText()).contains(village).contains(PERIOD);
		this.console.screenshot("CompletenessBrowserIntegrationTests-late-cell-submissions");

		this.console.open("/completeness?period=" + PERIOD);
		WebElement missing = this.console.browser().findElement(By.cssSelector("#grid a.cell[data-state='MISSING']"));
		String absent = missing.getDomAttribute("data-village");
		assertThat(missing.getText()).isEqualTo("缺");
		this.console.submit(missing);
		assertThat(this.console.browser().getCurrentUrl()).endsWith("/submissions/" + absent + "/" + PERIOD);

		this.console.open("/completeness?period=" + PERIOD);
		String township = this.registry.get(village).get("township_code");
		this.console.submit(
				this.console.browser().findElement(By.cssSelector("#grid tr[data-code='" + township + "'] th.name a")));
		this.console.screenshot("CompletenessBrowserIntegrationTests-township");
		assertThat(this.console.text("crumb-township")).isEqualTo(this.registry.get(village).get("township_name"));
		long villages = this.registry.values().stream().filter((v) -> v.get("township_code").equals(township)).count();
		assertThat(this.console.browser().findElements(By.cssSelector("#villages tbody tr"))).hasSize((int) villages);
	}

	@Test
	void aTownshipClerkSeesTheirTownshipOnly() {
		this.console.loginAs(FiguresConsole.TOWNSHIP_CLERK);
		this.console.open("/completeness?period=" + PERIOD);
		this.console.screenshot("CompletenessBrowserIntegrationTests-township-clerk");
		List<WebElement> rows = this.console.browser().findElements(By.cssSelector("#grid tr.township"));
		assertThat(rows).hasSize(1);
		assertThat(rows.get(0).getDomAttribute("data-code")).isEqualTo(this.console.township());
		long villages = this.registry.values()
			.stream()
			.filter((v) -> v.get("township_code").equals(this.console.township()))
			.count();
		assertThat(this.console.browser().findElements(By.cssSelector("#grid a.cell"))).hasSize((int) villages);
		assertThat(this.console.text("partial")).isNotEmpty();
	}

	@Test
	void anEarlierPeriodIsChosenAndPrintsInEnglishToo() {
		this.console.loginAs(FiguresConsole.VIEWER);
		String earlier = this.console.periods().get(this.console.periods().size() - 2);
		this.console.open("/completeness?lang=en");
		new org.openqa.selenium.support.ui.Select(this.console.browser().findElement(By.id("period")))
			.selectByValue(earlier);
		this.console.submit(this.console.browser().findElement(By.id("show")));
		this.console.screenshot("CompletenessBrowserIntegrationTests-earlier-period-en");
		Map<String, String> county = this.console.expectedRows(earlier, "completeness.csv")
			.stream()
			.filter((row) -> row.get("org_level").equals("COUNTY"))
			.findFirst()
			.orElseThrow();
		int expected = Integer.parseInt(county.get("expected"));
		int received = Integer.parseInt(county.get("received"));
		int onTime = Integer.parseInt(county.get("on_time"));
		assertThat(figures(this.console.browser().findElement(By.id("county-row")))).containsExactly(
				county.get("on_time"), String.valueOf(received - onTime), String.valueOf(expected - received),
				county.get("expected"), county.get("received"), county.get("completeness_pct") + "%",
				county.get("timeliness_pct") + "%");
		assertThat(this.console.text("chase")).contains("Chase list");
		this.console.open("/completeness?lang=zh");
	}

	private static int cells(WebElement row, String state) {
		return row.findElements(By.cssSelector("a.cell[data-state='" + state + "']")).size();
	}

	private static List<String> figures(WebElement row) {
		return row.findElements(By.cssSelector("td.num")).stream().map(WebElement::getText).toList();
	}

}
