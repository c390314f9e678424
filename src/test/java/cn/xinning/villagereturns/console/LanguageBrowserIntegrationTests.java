package cn.xinning.villagereturns.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every screen of the console in English and in Chinese, checked against the message
 * bundles: each label the page shows (its text nodes, and the placeholder, title and
 * aria-label attributes and button values) is a message of the page's language (a message
 * with arguments matches with any text in their place), and none is a message found only
 * in the other language. Data is not a label: an element marked {@code translate="no"}
 * (village and township names, codes, numbers, dates, user and file names, stored
 * messages) is left out with everything inside it, and so is text without a letter
 * (numbers, dates, punctuation).
 *
 * <p>
 * The screens are the navigation's links as an administrator sees them, and from each,
 * the first link into a detail page of the same screen in its first table (a run, a
 * submission, a rejected file, a flag, an issue...), plus {@link #DETAIL_PAGES}: so a
 * screen added to the navigation is checked without changing this test.
 */
@ExtendWith(FiguresConsole.Resolver.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LanguageBrowserIntegrationTests {

	/** Pages not reached from the navigation's tables. */
	static final List<String> DETAIL_PAGES = List.of("/account/password", "/ledger/issues?period=2026-10",
			"/exports?period=2026-10", "/runs/1", "/error/404");

	/**
	 * Lists whose detail pages differ by kind (a flag's evidence is drawn one way per
	 * rule): the first detail page of each is checked too.
	 */
	static final List<String> LISTS_BY_KIND = List.of("/flags?rule=OUTLIER_HISTORY", "/flags?rule=OUTLIER_PEERS",
			"/flags?rule=COPIED_RETURN", "/flags?rule=MISSING_RETURN", "/flags?rule=LATE_RETURN",
			"/flags?rule=LATE_ESCALATION_TOWNSHIP", "/flags?rule=STALE_ISSUE", "/flags?status=CLOSED");

	/**
	 * How deep the crawler follows a screen's drill-down links (province, county,
	 * township).
	 */
	static final int DRILL_DEPTH = 3;

	/**
	 * The labels of a page: text nodes and attributes outside data, whitespace collapsed.
	 */
	static final String LABELS = """
			const skip = (e) => { for (; e && e !== document; e = e.parentElement) {
			    if (e.getAttribute('translate') === 'no' || ['SCRIPT', 'STYLE', 'TEXTAREA', 'NOSCRIPT', 'TEMPLATE'].includes(e.tagName)) return true;
			  } return false; };
			const norm = (t) => (t || '').replace(/[\\s\\u00a0]+/g, ' ').trim();
			const out = [];
			const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
			while (walker.nextNode()) { const n = walker.currentNode; const t = norm(n.nodeValue);
			  if (t && !skip(n.parentElement)) out.push(t); }
			document.body.querySelectorAll('[placeholder], [title], [aria-label], input[type=submit], input[type=button]').forEach((e) => {
			  if (skip(e)) return;
			  ['placeholder', 'title', 'aria-label'].forEach((a) => { const t = norm(e.getAttribute(a)); if (t) out.push(t); });
			  if (e.tagName === 'INPUT' && norm(e.value)) out.push(norm(e.value)); });
			return out;
			""";

	/**
	 * The placeholder, title and aria-label attributes a page marks as data: inside
	 * {@code translate="no"}, which covers an element's attributes too. None may be a
	 * label: a label put on a data element (a "not reported" title on a number's cell)
	 * would escape the check, so it must sit on an element of its own. (Text nodes are
	 * not held to this: a data value may happen to read like a label, a user named
	 * "clerk".)
	 */
	static final String DATA_ATTRIBUTES = """
			const marked = (e) => { for (; e && e !== document; e = e.parentElement) {
			    if (e.getAttribute('translate') === 'no') return true;
			  } return false; };
			const norm = (t) => (t || '').replace(/[\\s\\u00a0]+/g, ' ').trim();
			const out = [];
			document.body.querySelectorAll('[placeholder], [title], [aria-label]').forEach((e) => {
			  if (!marked(e)) return;
			  ['placeholder', 'title', 'aria-label'].forEach((a) => { const t = norm(e.getAttribute(a)); if (t) out.push(t); }); });
			return out;
			""";

	static final Pattern LETTER = Pattern.compile("[\\p{IsLatin}\\p{IsHan}]");

	static final Pattern HAN = Pattern.compile("\\p{IsHan}");

	FiguresConsole console;

	Bundle english;

	Bundle chinese;

	@BeforeAll
	void open(FiguresConsole console) {
		this.console = console;
		this.english = new Bundle("i18n/console.properties", "i18n/messages.properties");
		this.chinese = new Bundle("i18n/console_zh.properties", "i18n/messages_zh.properties");
	}

	@Test
	void everyScreenIsInOneLanguageOnly() {
		this.console.loginAs(FiguresConsole.ADMIN);
		List<String> pages = pages();
		assertThat(pages).contains("/overview", "/completeness", "/indicators", "/flags", "/ledger", "/exports",
				"/runs", "/submissions", "/rejected", "/users", "/audit");
		// the drill-downs and detail pages of the figures screens are reached too
		assertThat(pages).anyMatch((p) -> p.startsWith("/completeness?") && p.contains("township="))
			.anyMatch((p) -> p.startsWith("/indicators?") && p.contains("county="))
			.anyMatch((p) -> p.startsWith("/indicators?") && p.contains("township="))
			.anyMatch((p) -> p.startsWith("/indicators?") && p.contains("indicator="))
			.anyMatch((p) -> p.matches("/flags/\\d+"));
		List<String> wrong = new ArrayList<>();
		for (String page : pages) {
			check(page, "en", this.english, this.chinese, wrong);
			check(page, "zh", this.chinese, this.english, wrong);
		}
		assertThat(wrong).as("labels not of the page's language").isEmpty();
	}

	private void check(String page, String lang, Bundle own, Bundle other, List<String> wrong) {
		// the session's language first: a page no controller answers (the error page)
		// does not read ?lang itself
		this.console.open("/runs?lang=" + lang);
		this.console.open(page + (page.contains("?") ? "&" : "?") + "lang=" + lang);
		String html = this.console.browser().findElement(By.tagName("html")).getDomAttribute("lang");
		if (html == null || !html.startsWith(lang)) {
			wrong.add(lang + " " + page + ": the page says lang=\"" + html + "\"");
		}
		this.console.screenshot("LanguageBrowserIntegrationTests-" + lang + page.replaceAll("[^A-Za-z0-9]+", "_"));
		@SuppressWarnings("unchecked")
		List<String> labels = (List<String>) ((JavascriptExecutor) this.console.browser()).executeScript(LABELS);
		for (String label : new LinkedHashSet<>(labels)) {
			if (!LETTER.matcher(label).find()) {
				continue;
			}
			boolean ours = own.matches(label);
			boolean theirs = other.matchesOnly(label, own);
			boolean hanInEnglish = lang.equals("en") && HAN.matcher(own.literalOf(label)).find();
			if (!ours || theirs || hanInEnglish) {
				wrong.add(lang + " " + page + ": \"" + label + "\"" + (ours ? "" : " is no " + lang + " message")
						+ (theirs ? " is a message of the other language" : "")
						+ (hanInEnglish ? " has Chinese outside its arguments" : ""));
			}
		}
		@SuppressWarnings("unchecked")
		List<String> data = (List<String>) ((JavascriptExecutor) this.console.browser()).executeScript(DATA_ATTRIBUTES);
		for (String value : new LinkedHashSet<>(data)) {
			if (LETTER.matcher(value).find() && (own.isLabel(value) || other.isLabel(value))) {
				wrong.add(lang + " " + page + ": \"" + value + "\" is a label marked as data (translate=\"no\")");
			}
		}
	}

	/**
	 * The navigation's pages; from each, following its tables: the first detail page
	 * ({@code /screen/...}) and its drill-downs (the same screen with other parameters: a
	 * county, a township, an indicator's trend), one per kind of link, down to
	 * {@link #DRILL_DEPTH}; then the listed ones.
	 */
	private List<String> pages() {
		this.console.open("/runs");
		List<String> nav = this.console.browser()
			.findElements(By.cssSelector("nav.main a"))
			.stream()
			.map((a) -> a.getDomAttribute("href"))
			.toList();
		assertThat(nav).hasSizeGreaterThan(5);
		Set<String> pages = new LinkedHashSet<>();
		Set<String> kinds = new LinkedHashSet<>();
		for (String link : nav) {
			crawl(link, 0, pages, kinds);
		}
		for (String list : LISTS_BY_KIND) {
			this.console.open(list);
			String detail = firstLinks(URI.create(list).getPath()).stream()
				.filter((href) -> URI.create(href).getPath().startsWith(URI.create(list).getPath() + "/"))
				.findFirst()
				.orElse(null);
			if (detail != null) {
				pages.add(detail);
			}
		}
		pages.addAll(DETAIL_PAGES);
		return new ArrayList<>(pages);
	}

	private void crawl(String link, int depth, Set<String> pages, Set<String> kinds) {
		if (!pages.add(link) || depth >= DRILL_DEPTH) {
			return;
		}
		String screen = URI.create(link).getPath();
		this.console.open(link);
		List<String> next = new ArrayList<>();
		for (String href : firstLinks(screen)) {
			URI uri = URI.create(href);
			boolean detail = uri.getPath().startsWith(screen + "/");
			boolean drillDown = uri.getPath().equals(screen) && uri.getQuery() != null;
			// a detail page is not followed further; a drill-down by its kind only once
			if (detail && kinds.add(screen + "/")) {
				pages.add(href);
			}
			else if (drillDown && kinds.add(screen + "?" + parameters(uri))) {
				next.add(href);
			}
		}
		for (String href : next) {
			crawl(href, depth + 1, pages, kinds);
		}
	}

	/** Of each table in the page's main part, its first link into the same screen. */
	private List<String> firstLinks(String screen) {
		List<String> links = new ArrayList<>();
		for (WebElement table : this.console.browser().findElements(By.cssSelector("main table"))) {
			// a download (a[download]) is no page
			table.findElements(By.cssSelector("tbody a:not([download])"))
				.stream()
				.map((a) -> a.getDomAttribute("href"))
				.filter((href) -> href != null && URI.create(href).getPath().startsWith(screen))
				.filter((href) -> URI.create(href).getPath().equals(screen)
						|| URI.create(href).getPath().startsWith(screen + "/"))
				.findFirst()
				.ifPresent(links::add);
		}
		return links;
	}

	/**
	 * A link's parameter names (of those given a value), sorted: the kind of drill-down
	 * it is.
	 */
	private static String parameters(URI uri) {
		return Arrays.stream(uri.getQuery().split("&"))
			.filter((p) -> !p.endsWith("="))
			.map((p) -> p.split("=", 2)[0])
			.sorted()
			.distinct()
			.collect(Collectors.joining(","));
	}

	/** The messages of one language, each as a pattern (arguments match any text). */
	static final class Bundle {

		private final Set<String> values = new LinkedHashSet<>();

		private final List<Pattern> patterns = new ArrayList<>();

		Bundle(String... resources) {
			for (String resource : resources) {
				Properties properties = new Properties();
				try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
					assertThat(in).as(resource).isNotNull();
					properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
				for (String value : properties.stringPropertyNames().stream().map(properties::getProperty).toList()) {
					String text = value.replaceAll("\\s+", " ").strip();
					this.values.add(text);
					this.values.add(text.replace("''", "'"));
					// a message that is only arguments would match anything: not a label
					if (LETTER.matcher(text.replaceAll("\\{\\d+[^}]*\\}", "")).find()) {
						this.patterns.add(pattern(text));
						this.patterns.add(pattern(text.replace("''", "'")));
					}
				}
			}
		}

		private static Pattern pattern(String message) {
			StringBuilder regex = new StringBuilder();
			Matcher argument = Pattern.compile("\\{\\d+[^}]*\\}").matcher(message);
			int at = 0;
			while (argument.find()) {
				regex.append(Pattern.quote(message.substring(at, argument.start()))).append("(.+?)");
				at = argument.end();
			}
			regex.append(Pattern.quote(message.substring(at)));
			return Pattern.compile(regex.toString(), Pattern.DOTALL);
		}

		boolean matches(String label) {
			return this.values.contains(label) || this.patterns.stream().anyMatch((p) -> p.matcher(label).matches());
		}

		/** Exactly one of this bundle's messages (without arguments). */
		boolean isLabel(String text) {
			return this.values.contains(text);
		}

		/** A message of this bundle, and not one of the other's too. */
		boolean matchesOnly(String label, Bundle other) {
			return this.values.contains(label) && !other.values.contains(label);
		}

		/**
		 * The label without the text that arguments took, by the first message it matches
		 * (for a label given as is: the label).
		 */
		String literalOf(String label) {
			if (this.values.contains(label)) {
				return label;
			}
			for (Pattern pattern : this.patterns) {
				Matcher matcher = pattern.matcher(label);
				if (matcher.matches()) {
					StringBuilder literal = new StringBuilder(label);
					for (int g = matcher.groupCount(); g >= 1; g--) {
						literal.delete(matcher.start(g), matcher.end(g));
					}
					return literal.toString();
				}
			}
			return label;
		}

	}

}
