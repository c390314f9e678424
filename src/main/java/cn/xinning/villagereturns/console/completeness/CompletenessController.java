package cn.xinning.villagereturns.console.completeness;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import cn.xinning.villagereturns.VillageReturnsProperties;
import cn.xinning.villagereturns.console.security.ConsolePrincipal;
import cn.xinning.villagereturns.console.web.PeriodParameter;
import cn.xinning.villagereturns.console.web.ConsoleFormat;
import cn.xinning.villagereturns.console.web.WebOnly;
import cn.xinning.villagereturns.reporting.CompletenessTable.Figures;
import cn.xinning.villagereturns.reporting.CompletenessVillages.Chase;
import cn.xinning.villagereturns.support.ExcelCsv;

/**
 * 完整性 Completeness: a county's township × village grid (on time, late, missing, not
 * expected) with the figures of {@code completeness.csv}, drilled down from all counties
 * at a province and into one township; and the chase list of missing and late villages as
 * CSV for the township clerks. A CLERK limited to a township sees that township's
 * villages only (as on every part-1 screen), with the county's own figures.
 */
@Controller
@WebOnly
class CompletenessController {

	private final CompletenessGrid grid;

	private final MessageSource messages;

	private final ConsoleFormat format;

	private final int dueDay;

	CompletenessController(CompletenessGrid grid, MessageSource messages, ConsoleFormat format,
			VillageReturnsProperties properties) {
		this.grid = grid;
		this.messages = messages;
		this.format = format;
		this.dueDay = properties.dueDay();
	}

	@GetMapping("/completeness")
	String page(@RequestParam(required = false) String period, @RequestParam(required = false) String county,
			@RequestParam(required = false) String township, @AuthenticationPrincipal ConsolePrincipal me,
			HttpServletRequest request, Model model) {
		model.addAttribute("dueDay", this.dueDay);
		model.addAttribute("ctx", request.getContextPath());
		// a malformed or forbidden code is refused whether or not there are figures yet
		Scope scope = scope(county, township, me);
		Optional<YearMonth> shown = PeriodParameter.parse(period).or(this.grid::defaultPeriod);
		if (shown.isEmpty()) {
			model.addAttribute("page", null);
			return "completeness/grid";
		}
		List<Figures> counties = this.grid.counties(shown.get());
		CompletenessGrid.Page page;
		Optional<String> limit = me.townshipLimit();
		if (scope.township().isPresent()) {
			page = this.grid.township(shown.get(), scope.township().get(), counties.size())
				.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		}
		else if (limit.isPresent()) {
			page = this.grid.county(shown.get(), limit.get().substring(0, 6), limit, counties.size());
		}
		else if (scope.county().isPresent()) {
			page = this.grid.county(shown.get(), scope.county().get(), me.townshipLimit(), counties.size());
		}
		else if (counties.size() == 1) {
			// a county installation opens at its county
			page = this.grid.county(shown.get(), counties.get(0).orgCode(), Optional.empty(), 1);
		}
		else {
			page = this.grid.all(shown.get(), counties);
		}
		model.addAttribute("page", page);
		return "completeness/grid";
	}

	@GetMapping("/completeness/chase.csv")
	ResponseEntity<byte[]> chase(@RequestParam(required = false) String period,
			@RequestParam(required = false) String county, @RequestParam(required = false) String township,
			@AuthenticationPrincipal ConsolePrincipal me, Locale locale) throws IOException {
		YearMonth shown = PeriodParameter.parse(period)
			.or(this.grid::defaultPeriod)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		Scope scope = scope(county, township, me);
		String prefix = scope.township().or(me::townshipLimit).or(scope::county).orElse("");
		List<Chase> chase = this.grid.chase(shown, prefix);
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ExcelCsv csv = new ExcelCsv(bytes)) {
			csv.header(List
				.of("period", "townshipCode", "township", "villageCode", "village", "households", "state", "lastPeriod",
						"lastReceived")
				.stream()
				.map((column) -> message("console.completeness.chase.column." + column, locale))
				.toArray(String[]::new));
			for (Chase line : chase) {
				csv.text(shown.toString())
					.text(line.village().townshipCode())
					.text(line.village().townshipName())
					.text(line.village().villageCode())
					.text(line.village().villageName())
					.number(String.valueOf(line.village().households()))
					.text(message("console.completeness.state." + line.village().state(), locale))
					.text(line.lastPeriod().map(YearMonth::toString).orElse(""))
					.text(this.format.time(line.lastReceived()))
					.end();
			}
		}
		String name = message("console.completeness.chase.file", locale) + "_" + (prefix.isEmpty() ? "all" : prefix)
				+ "_" + shown + ".csv";
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
			.body(bytes.toByteArray());
	}

	/**
	 * Which part of the registry a request asks for; a township clerk may ask for their
	 * own township or its county only (anything else is as if it did not exist: 404), and
	 * sees only their township's villages in either.
	 */
	private static Scope scope(String county, String township, ConsolePrincipal me) {
		Optional<String> c = code(county, 6);
		Optional<String> t = code(township, 9);
		if (t.isPresent() && c.isPresent() && !t.get().startsWith(c.get())) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		Optional<String> limit = me.townshipLimit();
		if (limit.isPresent()) {
			String own = limit.get();
			if (t.map((x) -> !x.equals(own)).orElse(false) || c.map((x) -> !own.startsWith(x)).orElse(false)) {
				throw new ResponseStatusException(HttpStatus.NOT_FOUND);
			}
		}
		return new Scope(t.map((x) -> x.substring(0, 6)).or(() -> c), t);
	}

	private static Optional<String> code(String text, int digits) {
		if (text == null || text.isBlank()) {
			return Optional.empty();
		}
		String code = text.strip();
		if (code.length() != digits || !code.chars().allMatch((ch) -> ch >= '0' && ch <= '9')) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return Optional.of(code);
	}

	private String message(String key, Locale locale) {
		return this.messages.getMessage(key, null, locale);
	}

	/**
	 * @param county the county asked for (or the township's)
	 * @param township the township asked for
	 */
	private record Scope(Optional<String> county, Optional<String> township) {
	}

}
