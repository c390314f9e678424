package cn.xinning.villagereturns.console;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 指标 Indicators in the browser on the shared county year ({@link FiguresConsole}): the
 * county's and a township's tables are their rows of county_indicators.csv and
 * township_indicators.csv, a village's cells its rows of village_values.csv, and the
 * trend's months each period's export.
 */
@ExtendWith(FiguresConsole.Resolver.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IndicatorsBrowserIntegrationTests {

	static final String COUNTY = "430528";

	FiguresConsole console;

	@BeforeAll
	void open(FiguresConsole console) {
		this.console = console;
	}

	@Test
	void theCountyTableIsTheCountyExport() {
		this.console.loginAs(FiguresConsole.VIEWER);
		this.console.open("/indicators?period=" + FiguresConsole.PERIOD);
		List<Map<String, String>> exported = this.console.expectedRows(FiguresConsole.PERIOD, "county_indicators.csv");
		assertOwnTable(exported, "county_code", COUNTY);
		Map<String, String> visits = FiguresBrowserSupport.row(exported, "county_code", COUNTY, "HOME_VISITS");
		assertThat(ownRow("HOME_VISITS").subList(5, 8)).containsExactly(visits.get("value"), visits.get("ytd_value"),
				visits.get("villages_reporting") + "/311");
		// each township's cell in the table below: its value and coverage
		String township = this.console.township();
		Map<String, String> row = FiguresBrowserSupport.row(
				this.console.expectedRows(FiguresConsole.PERIOD, "township_indicators.csv"), "township_code", township,
				"HOME_VISITS");
		WebElement cell = this.console.browser()
			.findElement(
					By.cssSelector("table.org-table tr[data-org='" + township + "'] td[data-indicator='HOME_VISITS']"));
		assertThat(cell.getText()).isEqualTo(FiguresBrowserSupport.shown(row.get("value")) + "\n"
				+ row.get("villages_reporting") + "/" + row.get("villages_expected"));
		this.console.screenshot("IndicatorsBrowserIntegrationTests-county");
		FiguresBrowserSupport.scrollTo(this.console, "below");
		this.console.screenshot("IndicatorsBrowserIntegrationTests-townships");
	}

	@Test
	void aTownshipsTableRowIsItsRowOfTheTownshipExport() {
		this.console.loginAs(FiguresConsole.VIEWER);
		String township = this.console.township();
		this.console.open("/indicators?period=" + FiguresConsole.PERIOD + "&township=" + township
				+ "&indicator=HOME_VISITS&months=12");
		List<Map<String, String>> exported = this.console.expectedRows(FiguresConsole.PERIOD,
				"township_indicators.csv");
		assertOwnTable(exported, "township_code", township);
		assertThat(this.console.browser().findElement(By.id("crumbs")).getText()).contains(exported.stream()
			.filter((r) -> r.get("township_code").equals(township))
			.findFirst()
			.orElseThrow()
			.get("township_name"));
		// its villages: a village's cells are its village_values.csv rows
		List<Map<String, String>> values = this.console.expectedRows(FiguresConsole.PERIOD, "village_values.csv");
		List<WebElement> villages = this.console.browser().findElements(By.cssSelector("#villages-1 tr[data-village]"));
		assertThat(villages).isNotEmpty();
		for (WebElement village : villages) {
			String code = village.getDomAttribute("data-village");
			for (WebElement cell : village.findElements(By.cssSelector("td[data-indicator]"))) {
				String indicator = cell.getDomAttribute("data-indicator");
				boolean reported = values.stream().anyMatch((r) -> r.get("village_code").equals(code));
				String value = values.stream()
					.filter((r) -> r.get("village_code").equals(code) && r.get("indicator_code").equals(indicator))
					.map((r) -> r.get("value"))
					.findFirst()
					.orElse("");
				assertThat(cell.getText()).as(code + " " + indicator)
					.isEqualTo(reported ? FiguresBrowserSupport.shown(value) : "未报");
			}
		}
		// the township's trend: each month its township_indicators.csv value
		List<List<String>> rows = FiguresBrowserSupport.drawnTrend(this.console, 12);
		assertThat(rows)
			.isEqualTo(FiguresBrowserSupport.expectedTrend(this.console, this.console.periods().subList(1, 13),
					"township_indicators.csv", "township_code", township, "HOME_VISITS"));
		this.console.screenshot("IndicatorsBrowserIntegrationTests-township");
		FiguresBrowserSupport.scrollTo(this.console, "trend-section");
		this.console.screenshot("IndicatorsBrowserIntegrationTests-township-trend");
		FiguresBrowserSupport.scrollTo(this.console, "villages");
		this.console.screenshot("IndicatorsBrowserIntegrationTests-villages");
	}

	@Test
	void theCountyTrendOverTwentyFourMonthsHasAGapBeforeTheFirstData() {
		this.console.loginAs(FiguresConsole.VIEWER);
		this.console.open("/indicators?period=" + FiguresConsole.PERIOD + "&indicator=HOME_VISITS&months=24");
		List<List<String>> rows = FiguresBrowserSupport.drawnTrend(this.console, 24);
		List<String> periods = new java.util.ArrayList<>();
		for (int i = 23; i >= 0; i--) {
			periods.add(java.time.YearMonth.parse(FiguresConsole.PERIOD).minusMonths(i).toString());
		}
		assertThat(rows).isEqualTo(FiguresBrowserSupport.expectedTrend(this.console, periods, "county_indicators.csv",
				"county_code", COUNTY, "HOME_VISITS"));
		assertThat(rows.get(0)).containsExactly("2024-11", "—");
		FiguresBrowserSupport.scrollTo(this.console, "trend-section");
		this.console.screenshot("IndicatorsBrowserIntegrationTests-trend-24");
	}

	@Test
	void aTownshipClerkIsRefusedAnotherTownshipsVillages() throws Exception {
		this.console.loginAs(FiguresConsole.TOWNSHIP_CLERK);
		String other = this.console.expectedRows(FiguresConsole.PERIOD, "township_indicators.csv")
			.stream()
			.map((r) -> r.get("township_code"))
			.filter((code) -> !code.equals(this.console.township()))
			.findFirst()
			.orElseThrow();
		assertThat(this.console.get("/indicators?township=" + other).statusCode()).isEqualTo(404);
		assertThat(this.console.get("/indicators?township=" + this.console.township()).statusCode()).isEqualTo(200);
		this.console.loginAs(FiguresConsole.VIEWER);
	}

	private void assertOwnTable(List<Map<String, String>> exported, String orgColumn, String org) {
		List<Map<String, String>> rows = exported.stream().filter((r) -> r.get(orgColumn).equals(org)).toList();
		assertThat(rows).hasSize(20);
		for (Map<String, String> row : rows) {
			assertThat(ownRow(row.get("indicator_code")).subList(5, 8)).as(row.get("indicator_code"))
				.containsExactly(FiguresBrowserSupport.shown(row.get("value")),
						FiguresBrowserSupport.shown(row.get("ytd_value")),
						row.get("villages_reporting") + "/" + row.get("villages_expected"));
		}
	}

	private List<String> ownRow(String indicator) {
		return this.console.browser()
			.findElement(By.cssSelector("#own-table tr[data-indicator='" + indicator + "']"))
			.findElements(By.tagName("td"))
			.stream()
			.map(WebElement::getText)
			.toList();
	}

}
