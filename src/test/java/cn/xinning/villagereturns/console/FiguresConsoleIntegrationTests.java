package cn.xinning.villagereturns.console;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shared figures console itself: the county's month as the fixture plays it, so that
 * the screens' tests can rely on on-time, late and missing villages being there.
 */
@ExtendWith(FiguresConsole.Resolver.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FiguresConsoleIntegrationTests {

	FiguresConsole console;

	@BeforeAll
	void open(FiguresConsole console) {
		this.console = console;
	}

	@Test
	void theMonthHasVillagesOnTimeLateAndMissingAndEveryPeriodItsExports() {
		List<Map<String, String>> completeness = this.console.expectedRows(FiguresConsole.PERIOD, "completeness.csv");
		Map<String, String> county = completeness.stream()
			.filter((row) -> row.get("org_level").equals("COUNTY"))
			.findFirst()
			.orElseThrow();
		assertThat(this.console.periods()).hasSize(13).startsWith("2025-10").endsWith("2026-10");
		for (String period : this.console.periods()) {
			assertThat(this.console.expected(period).resolve("village-returns-" + period + ".xlsx")).exists();
		}
		// 8 villages never sent, 87 late, 216 on time (the late run accepts 88 returns:
		// one corrects
		// a return already on time)
		assertThat(county).containsEntry("expected", "311")
			.containsEntry("received", "303")
			.containsEntry("on_time", "216")
			.containsEntry("completeness_pct", "97.4")
			.containsEntry("timeliness_pct", "69.5");
		assertThat(this.console.summaries()).hasSize(15);
		assertThat(this.console.summaries().get(12).returnsAccepted()).isEqualTo(216);
		assertThat(this.console.summaries().get(13).returnsAccepted()).isEqualTo(88);
		this.console.loginAs(FiguresConsole.VIEWER);
		this.console.open("/runs");
		this.console.screenshot("FiguresConsole-runs");
	}

}
