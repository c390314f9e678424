package cn.xinning.villagereturns.console.overview;

import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.xinning.villagereturns.console.indicators.IndicatorTables;
import cn.xinning.villagereturns.console.indicators.Periods;
import cn.xinning.villagereturns.console.web.WebOnly;
import cn.xinning.villagereturns.reporting.ReportFigures.IndicatorName;

/**
 * 总览 Overview: where a county leader lands after logging in. A period (the latest with
 * figures unless chosen), a county (the first by code unless chosen, when the
 * installation serves several), and the indicator of the trend.
 */
@Controller
@WebOnly
class OverviewController {

	private final Overview overview;

	private final IndicatorTables tables;

	OverviewController(Overview overview, IndicatorTables tables) {
		this.overview = overview;
		this.tables = tables;
	}

	@GetMapping("/overview")
	String page(@RequestParam(required = false) String period, @RequestParam(required = false) String county,
			@RequestParam(required = false) String indicator, Model model) {
		List<YearMonth> periods = this.tables.periods();
		model.addAttribute("periods", periods);
		if (periods.isEmpty()) {
			return "overview/page";
		}
		YearMonth month = Periods.chosen(period, periods);
		List<String> counties = this.tables.counties(month);
		String countyCode = Optional.ofNullable(county)
			.filter(counties::contains)
			.orElse(counties.isEmpty() ? "" : counties.get(0));
		List<IndicatorName> indicators = this.tables.indicators();
		Optional<IndicatorName> chosen = indicators.stream()
			.filter((i) -> i.code().equals(indicator))
			.findFirst()
			.or(() -> indicators.stream().findFirst());
		model.addAttribute("period", month);
		model.addAttribute("counties", counties);
		model.addAttribute("indicators", indicators);
		model.addAttribute("indicator", chosen.orElse(null));
		if (!countyCode.isEmpty()) {
			model.addAttribute("o", this.overview.of(month, countyCode, chosen));
		}
		return "overview/page";
	}

}
