package cn.xinning.villagereturns.console.submissions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import cn.xinning.villagereturns.console.security.ConsolePrincipal;
import cn.xinning.villagereturns.console.web.PeriodParameter;
import cn.xinning.villagereturns.console.web.Paging;
import cn.xinning.villagereturns.console.web.WebConfiguration;
import cn.xinning.villagereturns.console.web.WebOnly;
import cn.xinning.villagereturns.intake.RootFolders;

/**
 * 报表 Submissions (per village and period, the return in force and its history) and 拒收文件
 * Rejected files (their problems, the original file and its errors.csv). A CLERK limited
 * to a township sees only that township's villages.
 */
@Controller
@WebOnly
class SubmissionsController {

	static final int PROBLEMS_PER_PAGE = 200;

	private final Submissions submissions;

	private final RejectedFiles rejected;

	private final FileProblems problems;

	private final RootFolders folders;

	SubmissionsController(Submissions submissions, RejectedFiles rejected, FileProblems problems, RootFolders folders) {
		this.submissions = submissions;
		this.rejected = rejected;
		this.problems = problems;
		this.folders = folders;
	}

	@GetMapping("/submissions")
	String list(@RequestParam(required = false) String q, @RequestParam(required = false) String period,
			@RequestParam(required = false) Integer page, @AuthenticationPrincipal ConsolePrincipal me, Model model) {
		Optional<YearMonth> month = PeriodParameter.parse(period);
		Submissions.Page found = this.submissions.inForce(Optional.ofNullable(q), month, me.townshipLimit(),
				Paging.offset(page), Paging.SIZE);
		model.addAttribute("rows", found.rows());
		model.addAttribute("paging", Paging.of(page, found.total()));
		model.addAttribute("q", (q != null) ? q : "");
		model.addAttribute("period", month.map(YearMonth::toString).orElse(""));
		return "submissions/list";
	}

	@GetMapping("/submissions/{village}/{period}")
	String show(@PathVariable String village, @PathVariable String period,
			@RequestParam(required = false) Long submission, @AuthenticationPrincipal ConsolePrincipal me,
			Locale locale, Model model) {
		YearMonth month = PeriodParameter.parse(period)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		if (!village.matches("\\d{12}") || me.townshipLimit().map((t) -> !village.startsWith(t)).orElse(false)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		List<Submissions.History> history = this.submissions.history(village, month);
		Optional<Submissions.History> shown = history.stream()
			.filter((h) -> (submission != null) ? h.submissionId() == submission : "CURRENT".equals(h.state()))
			.findFirst();
		model.addAttribute("village", village);
		model.addAttribute("villageName", this.submissions.villageName(village).orElse(""));
		model.addAttribute("period", month.toString());
		model.addAttribute("history", history);
		model.addAttribute("shown", shown.orElse(null));
		model.addAttribute("values",
				shown.map((h) -> this.submissions.values(h.submissionId(), WebConfiguration.english(locale)))
					.orElse(List.of()));
		return "submissions/show";
	}

	@GetMapping("/rejected")
	String rejected(@RequestParam(required = false) String q, @RequestParam(required = false) Integer page,
			@AuthenticationPrincipal ConsolePrincipal me, Model model) {
		RejectedFiles.Page found = this.rejected.page(Optional.ofNullable(q), me.townshipLimit(), me.username(),
				Paging.offset(page), Paging.SIZE);
		model.addAttribute("files", found.files());
		model.addAttribute("paging", Paging.of(page, found.total()));
		model.addAttribute("q", (q != null) ? q : "");
		return "rejected/list";
	}

	@GetMapping("/rejected/{id}")
	String rejectedFile(@PathVariable long id, @RequestParam(required = false) Integer page,
			@AuthenticationPrincipal ConsolePrincipal me, Locale locale, Model model) {
		RejectedFiles.RejectedFile file = visible(id, me);
		int current = (page == null || page < 1) ? 1 : page;
		model.addAttribute("file", file);
		model.addAttribute("problems", this.problems.of(id, WebConfiguration.english(locale),
				(current - 1) * PROBLEMS_PER_PAGE, PROBLEMS_PER_PAGE));
		model.addAttribute("paging", new Paging(current, PROBLEMS_PER_PAGE, this.problems.count(id)));
		return "rejected/show";
	}

	@GetMapping("/rejected/{id}/file")
	ResponseEntity<Resource> original(@PathVariable long id, @AuthenticationPrincipal ConsolePrincipal me)
			throws IOException {
		RejectedFiles.RejectedFile file = visible(id, me);
		return download(file.finalPath(), file.fileName(), MediaType.APPLICATION_OCTET_STREAM);
	}

	@GetMapping("/rejected/{id}/errors.csv")
	ResponseEntity<Resource> errors(@PathVariable long id, @AuthenticationPrincipal ConsolePrincipal me)
			throws IOException {
		RejectedFiles.RejectedFile file = visible(id, me);
		return download(file.finalPath() + ".errors.csv", file.fileName() + ".errors.csv",
				new MediaType("text", "csv", StandardCharsets.UTF_8));
	}

	private RejectedFiles.RejectedFile visible(long id, ConsolePrincipal me) {
		return this.rejected.find(id, me.townshipLimit(), me.username())
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	/** Only files under rejected/: a stored path never leads elsewhere. */
	private ResponseEntity<Resource> download(String relative, String name, MediaType type) throws IOException {
		if (relative == null) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		Path path = this.folders.root().resolve(relative).normalize();
		if (!path.startsWith(this.folders.rejected()) || !Files.isRegularFile(path)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
			.contentLength(Files.size(path))
			.body(new FileSystemResource(path));
	}

}
