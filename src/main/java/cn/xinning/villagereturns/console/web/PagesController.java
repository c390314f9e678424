package cn.xinning.villagereturns.console.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The login page, the start page and the 403 page. */
@Controller
@WebOnly
class PagesController {

	@GetMapping("/login")
	String login(@org.springframework.web.bind.annotation.RequestParam(required = false) String error,
			org.springframework.ui.Model model) {
		if (error != null) {
			model.addAttribute("loginError",
					"console.login.error." + (java.util.List.of("locked", "disabled").contains(error) ? error : "bad"));
		}
		return "login";
	}

	/** County leaders land on the figures. */
	@GetMapping("/")
	String home() {
		return "redirect:/overview";
	}

	@org.springframework.web.bind.annotation.RequestMapping("/error/403")
	String forbidden(jakarta.servlet.http.HttpServletResponse response) {
		response.setStatus(403);
		return "forbidden";
	}

}
