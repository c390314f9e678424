package cn.xinning.villagereturns.console.runs;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.format.annotation.DateTimeFormat;
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

import cn.xinning.villagereturns.console.security.ConsolePrincipal;
import cn.xinning.villagereturns.console.web.Notice;
import cn.xinning.villagereturns.console.web.Paging;
import cn.xinning.villagereturns.console.web.WebOnly;
import cn.xinning.villagereturns.ingest.Executions;
import cn.xinning.villagereturns.ingest.IngestService;

/**
 * 运行 Runs: the run list and a run's page (the same {@link Executions} service as the
 * {@code executions} command); an administrator's restart, stop and run now (the same
 * {@link IngestService} as {@code restart}), each confirmed, then redirected.
 */
@Controller
@WebOnly
class RunsController {

	static final List<String> STATUSES = List.of("STARTING", "STARTED", "STOPPING", "STOPPED", "FAILED", "COMPLETED",
			"ABANDONED", "NOT_STARTED");

	private final Executions executions;

	private final IngestService ingest;

	private final ConsoleRuns runs;

	private final RunFiles files;

	RunsController(Executions executions, IngestService ingest, ConsoleRuns runs, RunFiles files) {
		this.executions = executions;
		this.ingest = ingest;
		this.runs = runs;
		this.files = files;
	}

	@GetMapping("/runs")
	String list(@RequestParam(required = false) String status,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) Integer page, Model model) {
		Optional<String> statusFilter = Optional.ofNullable(status).filter(STATUSES::contains);
		Executions.RunPage runPage = this.executions.page(statusFilter, Optional.ofNullable(from),
				Optional.ofNullable(to), Paging.offset(page), Paging.SIZE);
		model.addAttribute("runs", runPage.rows());
		model.addAttribute("paging", Paging.of(page, runPage.total()));
		model.addAttribute("statuses", STATUSES);
		model.addAttribute("status", statusFilter.orElse(""));
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		model.addAttribute("working", this.runs.isWorking());
		return "runs/list";
	}

	@GetMapping("/runs/{id}")
	String show(@PathVariable long id, @RequestParam(required = false) Integer page,
			@AuthenticationPrincipal ConsolePrincipal me, Model model) {
		Executions.RunRow run = this.executions.row(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("run", run);
		model.addAttribute("steps", this.executions.steps(id));
		RunFiles.Page filePage = this.files.page(id, me.townshipLimit(), me.username(), Paging.offset(page),
				Paging.SIZE);
		model.addAttribute("files", filePage.files());
		model.addAttribute("paging", Paging.of(page, filePage.total()));
		String status = run.status();
		boolean restartable = restartable(id, status);
		model.addAttribute("restartable", restartable);
		model.addAttribute("stoppable", !restartable && List.of("STARTING", "STARTED").contains(status));
		return "runs/show";
	}

	@PostMapping("/runs/{id}/restart")
	String restart(@PathVariable long id, @AuthenticationPrincipal ConsolePrincipal me, HttpServletRequest request,
			RedirectAttributes redirect) {
		try {
			this.runs.restart(id, me.username(), request.getRemoteAddr());
			Notice.ok(redirect, "console.runs.restarted", id);
		}
		catch (ConsoleRuns.RunRefusedException ex) {
			Notice.refused(redirect, "console.runs.busy");
		}
		catch (IllegalArgumentException ex) {
			Notice.refusedText(redirect, "console.runs.restartRefused", ex.getMessage());
		}
		return "redirect:/runs/" + id;
	}

	@PostMapping("/runs/{id}/stop")
	String stop(@PathVariable long id, @AuthenticationPrincipal ConsolePrincipal me, HttpServletRequest request,
			RedirectAttributes redirect) throws Exception {
		try {
			this.runs.stop(id, me.username(), request.getRemoteAddr());
			Notice.ok(redirect, "console.runs.stopRequested", id);
		}
		catch (IllegalArgumentException ex) {
			Notice.refusedText(redirect, "console.runs.stopRefused", ex.getMessage());
		}
		return "redirect:/runs/" + id;
	}

	@PostMapping("/runs/start")
	String start(@AuthenticationPrincipal ConsolePrincipal me, HttpServletRequest request,
			RedirectAttributes redirect) {
		try {
			this.runs.startNow(me.username(), request.getRemoteAddr());
			Notice.ok(redirect, "console.runs.startedNow");
		}
		catch (ConsoleRuns.RunRefusedException ex) {
			Notice.refused(redirect, "console.runs.busy");
		}
		return "redirect:/runs";
	}

	@PostMapping("/runs/recompute")
	String recompute(@RequestParam(required = false) String period, @AuthenticationPrincipal ConsolePrincipal me,
			HttpServletRequest request, RedirectAttributes redirect) {
		java.time.YearMonth month;
		try {
			month = java.time.YearMonth.parse((period != null) ? period.strip() : "");
		}
		catch (java.time.format.DateTimeParseException ex) {
			Notice.refused(redirect, "console.runs.recomputePeriod", String.valueOf(period));
			return "redirect:/runs";
		}
		try {
			this.runs.recompute(month, me.username(), request.getRemoteAddr());
			Notice.ok(redirect, "console.runs.recomputeStarted", month.toString());
		}
		catch (ConsoleRuns.RunRefusedException ex) {
			Notice.refused(redirect, "console.runs.busy");
		}
		return "redirect:/runs";
	}

	private boolean restartable(long id, String status) {
		if (!List.of("FAILED", "STOPPED", "STARTING", "STARTED", "STOPPING").contains(status)) {
			return false;
		}
		try {
			this.ingest.checkRestartable(id);
			return true;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

}
