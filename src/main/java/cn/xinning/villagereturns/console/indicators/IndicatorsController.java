package cn.xinning.villagereturns.console.indicators;

import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import cn.xinning.villagereturns.console.security.ConsolePrincipal;
import cn.xinning.villagereturns.console.web.WebOnly;
import cn.xinning.villagereturns.reporting.ReportFigures.IndicatorName;
import cn.xinning.villagereturns.reporting.ReportFigures.Level;

/**
 * 指标 Indicators: the tables of a period down from all counties to a township's villages
 * ({@link IndicatorTables}), and the trend of one indicator of the county or township
 * ({@link Trends}). Every reader sees every county's and township's figures; a clerk
 * limited to a township opens only that township's villages (another's answers 404, as
 * its returns do on 报表).
 */
@Controller
@WebOnly
class IndicatorsController {

	private final IndicatorTables tables;

	private final Trends trends;

	IndicatorsController(IndicatorTables tables, Trends trends) {
		this.tables = tables;
		this.trends = trends;
	}

	@GetMapping("/indicators")
	String page(@RequestParam(required = false) String period, @RequestParam(required = false) String county,
			@RequestParam(required = false) String township, @RequestParam(required = false) String indicator,
			@RequestParam(required = false) Integer months, @AuthenticationPrincipal ConsolePrincipal me, Model model) {
		Optional<String> townshipCode = Optional.ofNullable(township).filter((t) -> t.matches("\\d{9}"));
		if (townshipCode.isPresent() && me.townshipLimit().filter((t) -> !t.equals(townshipCode.get())).isPresent()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		List<YearMonth> periods = this.tables.periods();
		model.addAttribute("periods", periods);
		if (periods.isEmpty()) {
			return "indicators/page";
		}
		YearMonth month = Periods.chosen(period, periods);
		Optional<String> countyCode = townshipCode.map((t) -> t.substring(0, 6))
			.or(() -> Optional.ofNullable(county).filter((c) -> c.matches("\\d{6}")));
		if (countyCode.isEmpty()) {
			List<String> counties = this.tables.counties(month);
			if (counties.size() == 1) {
				countyCode = Optional.of(counties.get(0));
			}
		}
		IndicatorTables.Tables page = this.tables.load(month, countyCode, townshipCode);
		List<IndicatorName> indicators = page.indicators();
		model.addAttribute("period", month);
		model.addAttribute("t", page);
		int length = (months != null && Trends.MONTHS.contains(months)) ? months : Trends.MONTHS.get(0);
		model.addAttribute("months", length);
		model.addAttribute("monthChoices", Trends.MONTHS);
		if (page.place() != IndicatorTables.Place.ALL && !indicators.isEmpty()) {
			IndicatorName chosen = indicators.stream()
				.filter((i) -> i.code().equals(indicator))
				.findFirst()
				.orElse(indicators.get(0));
			model.addAttribute("indicator", chosen);
			boolean atTownship = page.place() == IndicatorTables.Place.TOWNSHIP;
			model.addAttribute("trend", this.trends.of(atTownship ? Level.TOWNSHIP : Level.COUNTY, page.orgCode(),
					atTownship ? page.townshipName() : page.countyName(), chosen, month, length));
		}
		return "indicators/page";
	}

}
