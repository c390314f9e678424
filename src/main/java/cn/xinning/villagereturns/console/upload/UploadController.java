package cn.xinning.villagereturns.console.upload;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.xinning.villagereturns.console.security.ConsolePrincipal;
import cn.xinning.villagereturns.console.submissions.FileProblems;
import cn.xinning.villagereturns.console.users.Role;
import cn.xinning.villagereturns.console.web.Notice;
import cn.xinning.villagereturns.console.web.Paging;
import cn.xinning.villagereturns.console.web.WebConfiguration;
import cn.xinning.villagereturns.console.web.WebOnly;

/**
 * 上传 Upload: choose files, see at once what a run would accept and every problem, then
 * submit into the inbox, and follow each file to its run and final place.
 */
@Controller
@WebOnly
class UploadController {

	private static final String STAGED = UploadController.class.getName() + ".staged";

	private final UploadService uploads;

	private final Uploads records;

	private final FileProblems problems;

	UploadController(UploadService uploads, Uploads records, FileProblems problems) {
		this.uploads = uploads;
		this.records = records;
		this.problems = problems;
	}

	@GetMapping("/upload")
	String form(@AuthenticationPrincipal ConsolePrincipal me, @RequestParam(required = false) Integer page,
			HttpSession session, Model model) {
		model.addAttribute("staged", staged(session));
		Uploads.Page mine = this.records.page(mineOnly(me), Paging.offset(page), Paging.SIZE);
		model.addAttribute("uploads", mine.uploads());
		model.addAttribute("paging", Paging.of(page, mine.total()));
		model.addAttribute("maxMegabytes", this.uploads.maxBytes() / 1024 / 1024);
		return "upload/form";
	}

	@PostMapping("/upload/check")
	String check(@RequestParam(name = "files", required = false) List<MultipartFile> files,
			@AuthenticationPrincipal ConsolePrincipal me, HttpSession session, Locale locale,
			RedirectAttributes redirect) throws IOException {
		List<UploadService.Staged> staged = new ArrayList<>();
		for (MultipartFile file : (files != null) ? files : List.<MultipartFile>of()) {
			if (file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isEmpty())) {
				continue;
			}
			try (InputStream content = file.getInputStream()) {
				staged.add(this.uploads.check(file.getOriginalFilename(), file.getSize(), content, me.townshipLimit(),
						locale));
			}
		}
		if (staged.isEmpty()) {
			Notice.refused(redirect, "console.upload.none");
		}
		session.setAttribute(STAGED, staged);
		return "redirect:/upload";
	}

	@PostMapping("/upload/submit")
	String submit(@RequestParam(name = "token", required = false) List<String> tokens,
			@AuthenticationPrincipal ConsolePrincipal me, HttpSession session, HttpServletRequest request,
			RedirectAttributes redirect) throws IOException {
		List<UploadService.Staged> staged = staged(session);
		List<Long> submitted = new ArrayList<>();
		for (UploadService.Staged file : staged) {
			if (tokens != null && tokens.contains(file.token()) && file.refusal().isEmpty()) {
				submitted.add(this.uploads.submit(file, me.username(), request.getRemoteAddr()));
			}
		}
		session.removeAttribute(STAGED);
		if (submitted.isEmpty()) {
			Notice.refused(redirect, "console.upload.nothingSubmitted");
			return "redirect:/upload";
		}
		Notice.ok(redirect, "console.upload.submitted", submitted.size());
		return (submitted.size() == 1) ? "redirect:/upload/" + submitted.get(0) : "redirect:/upload";
	}

	@GetMapping("/upload/{id}")
	String follow(@PathVariable long id, @AuthenticationPrincipal ConsolePrincipal me, Locale locale, Model model) {
		followModel(id, me, locale, model);
		return "upload/follow";
	}

	/** The part of the follow page that htmx reloads until the file is filed away. */
	@GetMapping("/upload/{id}/status")
	String status(@PathVariable long id, @AuthenticationPrincipal ConsolePrincipal me, Locale locale, Model model) {
		followModel(id, me, locale, model);
		return "upload/follow :: status";
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	String tooLarge(RedirectAttributes redirect) {
		Notice.refused(redirect, "console.upload.tooLarge", "", this.uploads.maxBytes() / 1024 / 1024);
		return "redirect:/upload";
	}

	private void followModel(long id, ConsolePrincipal me, Locale locale, Model model) {
		Uploads.Upload upload = this.records.find(id)
			.filter((u) -> me.role() == Role.ADMIN || u.username().equals(me.username()))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("upload", upload);
		if (upload.fileId() != null && "REJECTED".equals(upload.outcome())) {
			model.addAttribute("problems",
					this.problems.of(upload.fileId(), WebConfiguration.english(locale), 0, 1000));
		}
	}

	private static Optional<String> mineOnly(ConsolePrincipal me) {
		return (me.role() == Role.ADMIN) ? Optional.empty() : Optional.of(me.username());
	}

	@SuppressWarnings("unchecked")
	private static List<UploadService.Staged> staged(HttpSession session) {
		Object staged = session.getAttribute(STAGED);
		return (staged instanceof List<?> list) ? (List<UploadService.Staged>) list : List.of();
	}

}
