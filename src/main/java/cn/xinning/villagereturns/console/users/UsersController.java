package cn.xinning.villagereturns.console.users;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.xinning.villagereturns.console.audit.Audit;
import cn.xinning.villagereturns.console.security.ConsolePrincipal;
import cn.xinning.villagereturns.console.web.Notice;
import cn.xinning.villagereturns.console.web.Paging;
import cn.xinning.villagereturns.console.web.WebOnly;

/**
 * 用户 Users and 审计 Audit (ADMIN), and every user's own password form. An administrator
 * sets a temporary password that the user must change at next login; a user changing
 * their own is logged out and logs in again with the new one.
 */
@Controller
@WebOnly
class UsersController {

	private final ConsoleUsers users;

	private final UserAccounts accounts;

	private final Audit audit;

	UsersController(ConsoleUsers users, UserAccounts accounts, Audit audit) {
		this.users = users;
		this.accounts = accounts;
		this.audit = audit;
	}

	@GetMapping("/users")
	String list(Model model) {
		model.addAttribute("users", this.users.all());
		model.addAttribute("roles", Role.values());
		return "users/list";
	}

	@PostMapping("/users")
	String add(@RequestParam String username, @RequestParam Role role, @RequestParam(required = false) String township,
			@AuthenticationPrincipal ConsolePrincipal me, RedirectAttributes redirect) {
		try {
			String password = this.accounts.randomPassword();
			this.accounts.add(username.strip(), role, Optional.ofNullable(township), password, true, me.username());
			Notice.ok(redirect, "console.users.added", username.strip(), password);
		}
		catch (AccountException ex) {
			Notice.refused(redirect, ex.key(), ex.arguments());
		}
		return "redirect:/users";
	}

	@PostMapping("/users/{name}/password")
	String resetPassword(@PathVariable String name, @AuthenticationPrincipal ConsolePrincipal me,
			RedirectAttributes redirect) {
		try {
			String password = this.accounts.randomPassword();
			this.accounts.setPassword(name, password, true, me.username());
			Notice.ok(redirect, "console.users.passwordSet", name, password);
		}
		catch (AccountException ex) {
			Notice.refused(redirect, ex.key(), ex.arguments());
		}
		return "redirect:/users";
	}

	@PostMapping("/users/{name}/disable")
	String disable(@PathVariable String name, @AuthenticationPrincipal ConsolePrincipal me,
			RedirectAttributes redirect) {
		if (name.equals(me.username())) {
			Notice.refused(redirect, "console.users.notYourself");
			return "redirect:/users";
		}
		try {
			this.accounts.disable(name, me.username());
			Notice.ok(redirect, "console.users.disabledDone", name);
		}
		catch (AccountException ex) {
			Notice.refused(redirect, ex.key(), ex.arguments());
		}
		return "redirect:/users";
	}

	@PostMapping("/users/{name}/enable")
	String enable(@PathVariable String name, @AuthenticationPrincipal ConsolePrincipal me,
			RedirectAttributes redirect) {
		try {
			this.accounts.enable(name, me.username());
			Notice.ok(redirect, "console.users.enabled", name);
		}
		catch (AccountException ex) {
			Notice.refused(redirect, ex.key(), ex.arguments());
		}
		return "redirect:/users";
	}

	@GetMapping("/audit")
	String audit(@RequestParam(required = false) String action, @RequestParam(required = false) Integer page,
			Model model) {
		Optional<String> filter = Optional.ofNullable(action)
			.filter((a) -> java.util.Arrays.stream(Audit.Action.values()).anyMatch((v) -> v.name().equals(a)));
		Audit.Page entries = this.audit.page(filter, Paging.offset(page), Paging.SIZE);
		model.addAttribute("entries", entries.entries());
		model.addAttribute("paging", Paging.of(page, entries.total()));
		model.addAttribute("actions", Audit.Action.values());
		model.addAttribute("action", filter.orElse(""));
		return "audit/list";
	}

	@GetMapping("/account/password")
	String passwordForm() {
		return "account/password";
	}

	@PostMapping("/account/password")
	String changePassword(@RequestParam String current, @RequestParam String password, @RequestParam String again,
			@AuthenticationPrincipal ConsolePrincipal me, HttpServletRequest request, RedirectAttributes redirect) {
		if (!password.equals(again)) {
			Notice.refused(redirect, "console.password.mismatch");
			return "redirect:/account/password";
		}
		try {
			this.accounts.changeOwn(me.username(), current, password);
		}
		catch (AccountException ex) {
			Notice.refused(redirect, ex.key(), ex.arguments());
			return "redirect:/account/password";
		}
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.invalidate();
		}
		org.springframework.security.core.context.SecurityContextHolder.clearContext();
		return "redirect:/login?changed";
	}

}
