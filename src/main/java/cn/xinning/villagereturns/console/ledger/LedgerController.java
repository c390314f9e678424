package cn.xinning.villagereturns.console.ledger;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import cn.xinning.villagereturns.VillageReturnsProperties;
import cn.xinning.villagereturns.console.security.ConsolePrincipal;
import cn.xinning.villagereturns.console.web.PeriodParameter;
import cn.xinning.villagereturns.console.web.Paging;
import cn.xinning.villagereturns.console.web.WebOnly;
import cn.xinning.villagereturns.ledger.IssuePages;
import cn.xinning.villagereturns.ledger.IssueStatus;
import cn.xinning.villagereturns.ledger.IssueSummaries;
import cn.xinning.villagereturns.ledger.IssueSummary;
import cn.xinning.villagereturns.reference.ReferenceData;
import cn.xinning.villagereturns.reference.Village;
import cn.xinning.villagereturns.support.Numbers;

/**
 * 问题台账 Issue ledger (spec section 12): the ladder by township for a month (the rows of
 * {@code issues_summary.csv}, from the service that writes it), the late escalations, the
 * issues filtered by period, township and status, and an issue's page with every row
 * received for it. A township clerk sees only that township (and the county's row).
 */
@Controller
@WebOnly
class LedgerController {

	private final IssueSummaries summaries;

	private final IssuePages pages;

	private final ReferenceData referenceData;

	private final VillageReturnsProperties properties;

	LedgerController(IssueSummaries summaries, IssuePages pages, ReferenceData referenceData,
			VillageReturnsProperties properties) {
		this.properties = properties;
		this.summaries = summaries;
		this.pages = pages;
		this.referenceData = referenceData;
	}

	@GetMapping("/ledger")
	String ladder(@RequestParam(required = false) String period, @RequestParam(required = false) String county,
			@RequestParam(required = false) String township, @RequestParam(required = false) Integer page,
			@AuthenticationPrincipal ConsolePrincipal me, Model model) {
		YearMonth month = PeriodParameter.parse(period).or(this.pages::latestPeriod).orElseGet(this::thisMonth);
		Optional<String> only = township(township);
		List<String> counties = counties(month);
		// an installation of several counties (a province) shows one county's ladder at a
		// time, as the overview does: the whole province's is 1,300 rows from 250,000
		// issues
		Optional<String> shown = Optional.empty();
		if (counties.size() > 1) {
			shown = Optional.of(me.townshipLimit()
				.or(() -> only)
				.map((t) -> t.substring(0, 6))
				.or(() -> Optional.ofNullable(county).map(String::strip).filter(counties::contains))
				.orElse(counties.get(0)));
		}
		Optional<String> within = shown;
		Map<String, String> names = townships(month, me);
		names.keySet().removeIf((t) -> within.map((c) -> !t.startsWith(c)).orElse(false));
		List<IssueSummary> rows = shown.map((c) -> this.summaries.ofCounty(month, c))
			.orElseGet(() -> this.summaries.of(month));
		List<LadderRow> ladder = rows.stream()
			.filter((row) -> "COUNTY".equals(row.orgLevel())
					|| me.townshipLimit().map((t) -> t.equals(row.orgCode())).orElse(true))
			.map((row) -> new LadderRow(row, names.getOrDefault(row.orgCode(), row.orgCode()),
					row.medianDaysToResolve().map(Numbers::format).orElse("")))
			.toList();
		IssuePages.LatePage late = this.pages.lateEscalations(
				new IssuePages.Filter(Optional.of(month), shown, only, Optional.empty(), me.townshipLimit()),
				Paging.offset(page), Paging.SIZE);
		model.addAttribute("period", month.toString());
		model.addAttribute("counties", counties);
		model.addAttribute("county", shown.orElse(""));
		model.addAttribute("township", only.orElse(""));
		model.addAttribute("townships", names);
		model.addAttribute("ladder", ladder);
		model.addAttribute("late", late.escalations());
		model.addAttribute("paging", Paging.of(page, late.total()));
		return "ledger/ladder";
	}

	/** The counties of the registry in the month, by code. */
	private List<String> counties(YearMonth month) {
		java.util.TreeSet<String> counties = new java.util.TreeSet<>();
		for (Village village : this.referenceData.recent().registry().all()) {
			if (village.isValidIn(month)) {
				counties.add(village.countyCode());
			}
		}
		return List.copyOf(counties);
	}

	@GetMapping("/ledger/issues")
	String issues(@RequestParam(required = false) String period, @RequestParam(required = false) String township,
			@RequestParam(required = false) String status, @RequestParam(required = false) Integer page,
			@AuthenticationPrincipal ConsolePrincipal me, Model model) {
		Optional<YearMonth> month = PeriodParameter.parse(period);
		Optional<String> only = township(township);
		Optional<IssueStatus> state = Optional.ofNullable(status).filter((s) -> !s.isBlank()).flatMap(IssueStatus::of);
		IssuePages.IssuePage found = this.pages.issues(
				new IssuePages.Filter(month, Optional.empty(), only, state, me.townshipLimit()), Paging.offset(page),
				Paging.SIZE);
		model.addAttribute("period", month.map(YearMonth::toString).orElse(""));
		model.addAttribute("township", only.orElse(""));
		model.addAttribute("status", state.map(IssueStatus::name).orElse(""));
		model.addAttribute("statuses", IssueStatus.values());
		model.addAttribute("townships", townships(month.or(this.pages::latestPeriod).orElseGet(this::thisMonth), me));
		model.addAttribute("issues", found.issues());
		model.addAttribute("paging", Paging.of(page, found.total()));
		return "ledger/issues";
	}

	@GetMapping("/ledger/issue")
	String issue(@RequestParam String village, @RequestParam String no, @AuthenticationPrincipal ConsolePrincipal me,
			Model model) {
		IssuePages.Issue issue = this.pages.issue(village, no, me.townshipLimit())
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("issue", issue);
		model.addAttribute("rows", this.pages.rows(village, no));
		return "ledger/issue";
	}

	private YearMonth thisMonth() {
		return YearMonth.now(this.properties.timeZone());
	}

	/**
	 * A row of the ladder as shown.
	 *
	 * @param row the row of {@code issues_summary.csv}
	 * @param name the township's name (the code for the county row)
	 * @param median the median days as exported ({@code 3.5}, {@code 20}); "" when none
	 */
	record LadderRow(IssueSummary row, String name, String median) {
	}

	/** The townships of the month (code to name) the reader may choose from. */
	private Map<String, String> townships(YearMonth month, ConsolePrincipal me) {
		Map<String, String> townships = new TreeMap<>();
		for (Village village : this.referenceData.recent().registry().all()) {
			if (village.isValidIn(month)
					&& me.townshipLimit().map((t) -> t.equals(village.townshipCode())).orElse(true)) {
				townships.putIfAbsent(village.townshipCode(), village.townshipName());
			}
		}
		return townships;
	}

	private static Optional<String> township(String text) {
		return Optional.ofNullable(text).map(String::strip).filter((t) -> t.matches("\\d{9}"));
	}

}
