package cn.xinning.villagereturns.console.web;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The message a page shows after a POST redirected to it: a key of the console bundle and
 * its arguments, rendered in the reader's language by the layout.
 *
 * @param ok true for a success, false for a refusal
 * @param key message key
 * @param arguments its arguments
 */
public record Notice(boolean ok, String key, Object[] arguments) {

	public static void ok(RedirectAttributes redirect, String key, Object... arguments) {
		redirect.addFlashAttribute("notice", new Notice(true, key, arguments));
	}

	public static void refused(RedirectAttributes redirect, String key, Object... arguments) {
		redirect.addFlashAttribute("notice", new Notice(false, key, arguments));
	}

	/** A refusal whose reason is a service's own (bilingual) text. */
	public static void refusedText(RedirectAttributes redirect, String key, String reason) {
		redirect.addFlashAttribute("notice", new Notice(false, key, new Object[] { reason }));
	}

}
