package cn.xinning.villagereturns.console;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.assertj.core.api.Assertions.assertThat;

/** What the overview's and the indicators' browser tests both check of a trend chart. */
final class FiguresBrowserSupport {

	private FiguresBrowserSupport() {
	}

	/** An exported cell as the screens show it: empty is "—", never 0. */
	static String shown(String exported) {
		return exported.isEmpty() ? "—" : exported;
	}

	/**
	 * Waits until charts.js has drawn the trend from its table (a canvas, and as many
	 * points as rows), and returns the table's rows: month and value.
	 */
	static List<List<String>> drawnTrend(FiguresConsole console, int months) {
		WebElement chart = console.waitFor(Duration.ofSeconds(20))
			.until(ExpectedConditions
				.presenceOfElementLocated(By.cssSelector("[data-chart=trend][data-drawn='" + months + "']")));
		assertThat(chart.findElements(By.tagName("canvas"))).isNotEmpty();
		List<List<String>> rows = FiguresConsole.rows(console.browser().findElement(By.id("trend-table")));
		assertThat(rows).hasSize(months);
		// month and value: the flags column follows the flags' reviews, which other
		// browser tests of the shared console may change (its exact counts are
		// FiguresScreensIntegrationTests')
		return rows.stream().map((row) -> row.subList(0, 2)).toList();
	}

	/**
	 * The trend's rows as the exports of each period give them: the month and the
	 * organisation's value of the indicator in county_indicators.csv or
	 * township_indicators.csv.
	 */
	static List<List<String>> expectedTrend(FiguresConsole console, List<String> periods, String file, String orgColumn,
			String org, String indicator) {
		return periods.stream().map((period) -> {
			if (!console.periods().contains(period)) {
				return List.of(period, "—");
			}
			String value = console.expectedRows(period, file)
				.stream()
				.filter((row) -> row.get(orgColumn).equals(org) && row.get("indicator_code").equals(indicator))
				.map((row) -> row.get("value"))
				.findFirst()
				.orElse("");
			return List.of(period, shown(value));
		}).toList();
	}

	static void scrollTo(FiguresConsole console, String id) {
		((JavascriptExecutor) console.browser()).executeScript("arguments[0].scrollIntoView({block: 'start'})",
				console.browser().findElement(By.id(id)));
	}

	static Map<String, String> row(List<Map<String, String>> rows, String column, String value, String indicator) {
		return rows.stream()
			.filter((row) -> row.get(column).equals(value) && row.get("indicator_code").equals(indicator))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no row " + value + " " + indicator));
	}

}
