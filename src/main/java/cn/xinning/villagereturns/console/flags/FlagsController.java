package cn.xinning.villagereturns.console.flags;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import cn.xinning.villagereturns.anomaly.AnomalyService;
import cn.xinning.villagereturns.anomaly.AnomalyService.Filter;
import cn.xinning.villagereturns.anomaly.AnomalyService.ReviewRefusedException;
import cn.xinning.villagereturns.anomaly.AnomalyService.StoredFlag;
import cn.xinning.villagereturns.console.security.ConsolePrincipal;
import cn.xinning.villagereturns.console.web.Notice;
import cn.xinning.villagereturns.console.web.Paging;
import cn.xinning.villagereturns.console.web.WebOnly;
import cn.xinning.villagereturns.reference.ReferenceData;
import cn.xinning.villagereturns.reference.Village;

/**
 * 异常 Flags: the list (filtered by period, township, rule, severity and status, paged in
 * SQL) with bulk review, and a flag's page with its evidence, its review history and, for
 * a CLOSED flag, why it closed. A CLERK limited to a township sees and reviews only its
 * villages' flags (another's flag is not found; posting a review of it is forbidden).
 */
@Controller
@WebOnly
class FlagsController {

	private final AnomalyService anomalies;

	private final FlagPages pages;

	private final FlagReviews reviews;

	private final ReferenceData referenceData;

	FlagsController(AnomalyService anomalies, FlagPages pages, FlagReviews reviews, ReferenceData referenceData) {
		this.anomalies = anomalies;
		this.pages = pages;
		this.reviews = reviews;
		this.referenceData = referenceData;
	}

	@GetMapping("/flags")
	String list(@RequestParam(required = false) String period, @RequestParam(required = false) String township,
			@RequestParam(required = false) String rule, @RequestParam(required = false) String severity,
			@RequestParam(required = false) String status, @RequestParam(required = false) Integer page,
			@AuthenticationPrincipal ConsolePrincipal me, Model model) {
		Filter filter = filter(period, township, rule, severity, status, me);
		AnomalyService.Page found = this.anomalies.page(filter, Paging.offset(page), Paging.SIZE);
		model.addAttribute("flags", found.flags());
		model.addAttribute("paging", Paging.of(page, found.total()));
		model.addAttribute("filter", filter);
		model.addAttribute("townships", townships(me));
		model.addAttribute("rules", AnomalyService.RULES);
		model.addAttribute("severities", AnomalyService.SEVERITIES);
		model.addAttribute("statuses", AnomalyService.STATUSES);
		model.addAttribute("page", Paging.of(page, found.total()).page());
		// a flag stores its indicator's code: the page names it beside the code
		model.addAttribute("catalogue", this.referenceData.recent().catalogue());
		return "flags/list";
	}

	@GetMapping("/flags/{id}")
	String show(@PathVariable long id, @AuthenticationPrincipal ConsolePrincipal me, Model model) {
		StoredFlag flag = visible(id, me).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("flag", flag);
		model.addAttribute("evidence", this.pages.of(flag));
		model.addAttribute("reviews", this.anomalies.reviews(id));
		model.addAttribute("catalogue", this.referenceData.recent().catalogue());
		return "flags/show";
	}

	/** Several flags of the list at once: one status, one note. */
	@PostMapping("/flags/review")
	String reviewMany(@RequestParam(name = "id", required = false) List<Long> ids,
			@RequestParam(required = false) String status, @RequestParam(required = false) String note,
			@RequestParam(required = false) String period, @RequestParam(required = false) String township,
			@RequestParam(required = false) String rule, @RequestParam(required = false) String severity,
			@RequestParam(name = "filterStatus", required = false) String filterStatus,
			@RequestParam(required = false) Integer page, @AuthenticationPrincipal ConsolePrincipal me,
			HttpServletRequest request, RedirectAttributes redirect) {
		List<Long> chosen = (ids != null) ? ids : List.of();
		review(chosen, status, note, me, request, redirect);
		Filter filter = filter(period, township, rule, severity, filterStatus, me);
		UriComponentsBuilder back = UriComponentsBuilder.fromPath("/flags");
		filter.period().ifPresent((p) -> back.queryParam("period", p));
		filter.township().filter((t) -> me.townshipLimit().isEmpty()).ifPresent((t) -> back.queryParam("township", t));
		filter.rule().ifPresent((r) -> back.queryParam("rule", r));
		filter.severity().ifPresent((s) -> back.queryParam("severity", s));
		filter.status().ifPresent((s) -> back.queryParam("status", s));
		if (page != null && page > 1) {
			back.queryParam("page", page);
		}
		return "redirect:" + back.build().encode().toUriString();
	}

	/** One flag, from its page. */
	@PostMapping("/flags/{id}/review")
	String reviewOne(@PathVariable long id, @RequestParam(required = false) String status,
			@RequestParam(required = false) String note, @AuthenticationPrincipal ConsolePrincipal me,
			HttpServletRequest request, RedirectAttributes redirect) {
		Optional<StoredFlag> flag = this.anomalies.find(id);
		if (flag.isEmpty()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		if (me.townshipLimit().map((t) -> !flag.get().orgCode().startsWith(t)).orElse(false)) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN);
		}
		review(List.of(id), status, note, me, request, redirect);
		return "redirect:/flags/" + id;
	}

	private void review(List<Long> ids, String status, String note, ConsolePrincipal me, HttpServletRequest request,
			RedirectAttributes redirect) {
		try {
			List<StoredFlag> done = this.reviews.review(ids, status, note, me, request.getRemoteAddr());
			Notice.ok(redirect, "console.flags.reviewed." + done.get(0).status(), done.size(),
					String.join(", ", done.stream().map((f) -> String.valueOf(f.id())).toList()));
		}
		catch (ReviewRefusedException ex) {
			Notice.refused(redirect, "console.flags.refused." + ex.refusal().name(),
					String.join(", ", ex.flags().stream().map(String::valueOf).toList()),
					String.valueOf(AnomalyService.NOTE_LENGTH));
		}
	}

	private Optional<StoredFlag> visible(long id, ConsolePrincipal me) {
		return this.anomalies.find(id)
			.filter((f) -> me.townshipLimit().map((t) -> f.orgCode().startsWith(t)).orElse(true));
	}

	/** The filters as given, each dropped when it is not one the list knows. */
	private static Filter filter(String period, String township, String rule, String severity, String status,
			ConsolePrincipal me) {
		Optional<String> month = Optional.ofNullable(period).map(String::strip).filter((p) -> !p.isEmpty());
		try {
			month = month.map((p) -> YearMonth.parse(p).toString());
		}
		catch (DateTimeParseException ex) {
			month = Optional.empty();
		}
		Optional<String> limit = me.townshipLimit();
		Optional<String> town = limit.isPresent() ? limit
				: Optional.ofNullable(township).map(String::strip).filter((t) -> t.matches("\\d{9}"));
		return new Filter(month, town, known(rule, AnomalyService.RULES), known(severity, AnomalyService.SEVERITIES),
				known(status, AnomalyService.STATUSES));
	}

	private static Optional<String> known(String value, List<String> values) {
		return Optional.ofNullable(value).map((v) -> v.strip().toUpperCase(Locale.ROOT)).filter(values::contains);
	}

	/** The townships a reader may choose: every township, or a clerk's own. */
	private List<Map.Entry<String, String>> townships(ConsolePrincipal me) {
		Map<String, String> townships = new LinkedHashMap<>();
		this.referenceData.recent()
			.registry()
			.all()
			.stream()
			.sorted(java.util.Comparator.comparing(Village::townshipCode))
			.forEach((v) -> townships.putIfAbsent(v.townshipCode(), v.townshipName()));
		List<Map.Entry<String, String>> list = new ArrayList<>();
		townships.forEach((code, name) -> {
			if (me.townshipLimit().map(code::equals).orElse(true)) {
				list.add(Map.entry(code, name));
			}
		});
		return list;
	}

}
