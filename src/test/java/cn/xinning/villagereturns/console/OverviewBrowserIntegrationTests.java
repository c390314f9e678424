package cn.xinning.villagereturns.console;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 总览 Overview in the browser on the shared county year ({@link FiguresConsole}): every
 * number is the one the exports of the period give.
 */
@ExtendWith(FiguresConsole.Resolver.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OverviewBrowserIntegrationTests {

	FiguresConsole console;

	@BeforeAll
	void open(FiguresConsole console) {
		this.console = console;
	}

	@Test
	void aViewerLandsOnTheOverviewOfTheLatestPeriod() {
		// the login's default success page
		this.console.logout();
		this.console.loginAs(FiguresConsole.VIEWER);
		assertThat(this.console.browser().getCurrentUrl()).endsWith("/overview");
		this.console.open("/");
		assertThat(this.console.browser().getCurrentUrl()).endsWith("/overview");
		assertThat(this.console.browser().findElement(By.id("period")).getDomProperty("value"))
			.isEqualTo(FiguresConsole.PERIOD);
	}

	@Test
	void theCardsAreTheExportsOfThePeriod() {
		this.console.loginAs(FiguresConsole.VIEWER);
		this.console.open("/overview?period=" + FiguresConsole.PERIOD);
		String period = FiguresConsole.PERIOD;
		Map<String, String> county = this.console.expectedRows(period, "completeness.csv")
			.stream()
			.filter((row) -> row.get("org_level").equals("COUNTY"))
			.findFirst()
			.orElseThrow();
		assertThat(this.console.text("card-expected")).isEqualTo(county.get("expected")).isEqualTo("311");
		assertThat(this.console.text("card-received")).isEqualTo(county.get("received")).isEqualTo("303");
		assertThat(this.console.text("card-on-time")).isEqualTo(county.get("on_time")).isEqualTo("216");
		assertThat(this.console.text("card-completeness")).isEqualTo(county.get("completeness_pct") + "%")
			.isEqualTo("97.4%");
		assertThat(this.console.text("card-timeliness")).isEqualTo(county.get("timeliness_pct") + "%")
			.isEqualTo("69.5%");
		// the flags as they are now: the flags screen's test reviews one in the shared
		// console
		Path now = this.console.reportNow(period);
		for (String severity : List.of("HIGH", "MEDIUM", "LOW")) {
			long open = FiguresConsole.csv(now.resolve("anomalies.csv"))
				.stream()
				.filter((row) -> row.get("status").equals("OPEN") && row.get("severity").equals(severity))
				.count();
			assertThat(this.console.text("flags-" + severity)).as(severity).isEqualTo(String.valueOf(open));
		}
		List<Map<String, String>> ladder = this.console.expectedRows(period, "issues_summary.csv");
		List<List<String>> shown = FiguresConsole.rows(this.console.browser().findElement(By.id("ladder-table")));
		assertThat(shown).hasSize(ladder.size());
		for (Map<String, String> row : ladder) {
			List<String> expected = new ArrayList<>();
			for (String column : List.of("raised", "resolved_village", "escalated_township", "resolved_township",
					"escalated_county", "resolved_county", "open", "escalated_late")) {
				expected.add(row.get(column));
			}
			expected.add(FiguresBrowserSupport.shown(row.get("median_days_to_resolve")));
			List<String> cells = this.console.browser()
				.findElement(By.cssSelector("#ladder-table tr[data-org='" + row.get("org_code") + "']"))
				.findElements(By.tagName("td"))
				.stream()
				.map((cell) -> cell.getText())
				.toList();
			assertThat(cells).as(row.get("org_code")).isEqualTo(expected);
		}
		assertThat(this.console.browser().findElement(By.id("last-run-link")).getDomAttribute("href"))
			.isEqualTo("/runs/" + this.console.summaries().get(this.console.summaries().size() - 1).runId());
		this.console.screenshot("OverviewBrowserIntegrationTests-cards");
	}

	@Test
	void theTrendIsTheCountyExportOfEachOfTheTwelveMonths() {
		this.console.loginAs(FiguresConsole.VIEWER);
		this.console.open("/overview?period=" + FiguresConsole.PERIOD + "&indicator=HOME_VISITS");
		List<List<String>> rows = FiguresBrowserSupport.drawnTrend(this.console, 12);
		List<String> periods = this.console.periods().subList(1, 13);
		assertThat(rows).isEqualTo(FiguresBrowserSupport.expectedTrend(this.console, periods, "county_indicators.csv",
				"county_code", "430528", "HOME_VISITS"));
		assertThat(rows.get(11).get(1)).isNotEqualTo("—");
		FiguresBrowserSupport.scrollTo(this.console, "trend-section");
		this.console.screenshot("OverviewBrowserIntegrationTests-trend");
		this.console.open("/overview?period=" + FiguresConsole.PERIOD + "&lang=en");
		assertThat(this.console.browser().findElement(By.tagName("h1")).getText()).isEqualTo("Overview");
		FiguresBrowserSupport.drawnTrend(this.console, 12);
		this.console.screenshot("OverviewBrowserIntegrationTests-english");
		this.console.open("/overview?lang=zh");
	}

}
