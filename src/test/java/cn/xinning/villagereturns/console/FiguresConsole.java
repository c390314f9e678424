package cn.xinning.villagereturns.console;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import cn.xinning.villagereturns.VillageReturnsApplication;
import cn.xinning.villagereturns.console.users.Role;
import cn.xinning.villagereturns.console.users.UserAccounts;
import cn.xinning.villagereturns.ingest.IngestService;
import cn.xinning.villagereturns.ingest.IngestSummary;
import cn.xinning.villagereturns.reference.ReferenceData;
import cn.xinning.villagereturns.reference.Village;
import cn.xinning.villagereturns.reporting.ReportFormat;
import cn.xinning.villagereturns.reporting.ReportService;
import cn.xinning.villagereturns.support.ChildProgram;
import cn.xinning.villagereturns.support.PeriodRange;
import cn.xinning.villagereturns.support.TestRoot;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One console with a county's year of figures in it, shared by every browser test of the
 * figures screens (overview, completeness, indicators, flags, ledger, exports) in the
 * test JVM: started once, closed when the last test class has run.
 *
 * <p>
 * What it plays, in an application of its own on an embedded H2 root: the committed
 * {@code sample-data/} (311 villages, 13 months ending 2026-10, with the generator's
 * planted problems and the township ledgers). Each of the twelve months before 2026-10 is
 * ingested on the 3rd of the month after, with its ledgers; of 2026-10's files (sorted by
 * path) every 13th from the 8th on is never sent (its villages are missing), every 5th
 * from the 4th on (of the others) is sent late, on 2026-11-09, and the rest on time on
 * 2026-11-04 with the month's ledgers; then a nightly run with an empty inbox on
 * 2026-12-01 02:00. The exports {@code report} writes for every one of the 13 periods
 * (csv, xlsx, html) are under {@link #expected(String)}: what the console shows must be
 * the same figures. Then the real {@code serve} starts on the root (child process, free
 * port, {@code --no-watch}: no watcher or nightly run may change the figures under the
 * tests), with four users, and one headless Debian Chromium is opened.
 *
 * <p>
 * Use it as a parameter of a {@code @BeforeAll} (or test) method:
 *
 * <pre>
 * &#64;ExtendWith(FiguresConsole.Resolver.class)
 * &#64;TestInstance(TestInstance.Lifecycle.PER_CLASS)
 * class FlagsBrowserIntegrationTests {
 *     FiguresConsole console;
 *     &#64;BeforeAll void open(FiguresConsole console) { this.console = console; }
 *     &#64;Test void x() { this.console.loginAs(FiguresConsole.VIEWER); this.console.open("/flags"); … }
 * }
 * </pre>
 *
 * Tests of different classes share the browser and the data: a test that changes data (a
 * review, a recompute) must say so and change only what it owns. Chromium and its driver
 * come from Debian ({@code .ci/run} installs them); without them the tests are skipped,
 * except under {@code CI=true}, where they fail.
 */
public final class FiguresConsole implements AutoCloseable {

	/** The fixture's latest period: villages on time, late and missing. */
	public static final String PERIOD = "2026-10";

	public static final String ADMIN = "admin";

	public static final String CLERK = "clerk";

	/** A clerk limited to {@link #township()}. */
	public static final String TOWNSHIP_CLERK = "tclerk";

	public static final String VIEWER = "viewer";

	/** Every user's password. */
	public static final String PASSWORD = "Figures-pass-2026";

	static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	private static final Path SAMPLE = Path.of("sample-data");

	private final TestRoot root;

	private final List<IngestSummary> summaries;

	private final String township;

	private final List<String> periods;

	private final ChildProgram serve;

	private final String base;

	private final WebDriver browser;

	private final Path userData;

	private final Path downloads;

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	private String loggedIn;

	private FiguresConsole() throws Exception {
		boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
		if (!"true".equals(System.getenv("CI"))) {
			Assumptions.assumeTrue(installed, "chromium and chromium-driver are not installed (apt-get install"
					+ " chromium chromium-driver fonts-wqy-microhei)");
		}
		assertThat(installed).as("chromium and chromedriver under /usr/bin").isTrue();
		this.root = TestRoot.create("figures");
		this.periods = periods();
		List<IngestSummary> played = new ArrayList<>();
		String[] chosen = new String[1];
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(VillageReturnsApplication.class)
			.web(WebApplicationType.NONE)
			.run("--village-returns.root=" + this.root.path(), "--spring.datasource.url=" + this.root.url(),
					"--spring.datasource.username=sa", "--spring.datasource.password=")) {
			IngestService ingest = context.getBean(IngestService.class);
			for (Run run : runs()) {
				run.files().forEach(this::drop);
				played.add(ingest.ingest(Optional.of(LocalDateTime.parse(run.asOf()))));
			}
			ReportService reports = context.getBean(ReportService.class);
			for (String period : this.periods) {
				reports.write(PeriodRange.parse(period), expected(period),
						List.of(ReportFormat.CSV, ReportFormat.XLSX, ReportFormat.HTML));
			}
			Village first = context.getBean(ReferenceData.class)
				.current()
				.registry()
				.all()
				.stream()
				.filter((village) -> village.isValidIn(YearMonth.parse(PERIOD)))
				.findFirst()
				.orElseThrow();
			chosen[0] = first.townshipCode();
			UserAccounts users = context.getBean(UserAccounts.class);
			users.add(ADMIN, Role.ADMIN, Optional.empty(), PASSWORD, false, "fixture");
			users.add(CLERK, Role.CLERK, Optional.empty(), PASSWORD, false, "fixture");
			users.add(TOWNSHIP_CLERK, Role.CLERK, Optional.of(chosen[0]), PASSWORD, false, "fixture");
			users.add(VIEWER, Role.VIEWER, Optional.empty(), PASSWORD, false, "fixture");
		}
		this.summaries = List.copyOf(played);
		this.township = chosen[0];
		this.serve = ChildProgram.start(this.root.path(), "serve", "--root", this.root.path().toString(), "--port", "0",
				"--no-watch");
		this.serve.awaitOutput("console ready", Duration.ofMinutes(3));
		Matcher port = Pattern.compile("http://localhost:(\\d+)/").matcher(this.serve.output());
		assertThat(port.find()).as(this.serve.output()).isTrue();
		this.base = "http://localhost:" + port.group(1);
		this.userData = Files.createTempDirectory("vr-chromium-figures-");
		this.downloads = Files.createDirectories(this.root.path().resolve("downloads"));
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
				"--disable-component-update", "--no-first-run", "--disable-dev-shm-usage", "--window-size=1366,900",
				"--lang=zh-CN", "--user-data-dir=" + this.userData, "--disable-save-password-bubble");
		// no password manager (it fills fields now and then, asynchronously); downloads
		// go
		// to a folder of the root without asking
		options.setExperimentalOption("prefs",
				Map.of("credentials_enable_service", false, "profile.password_manager_enabled", false,
						"autofill.profile_enabled", false, "download.default_directory", this.downloads.toString(),
						"download.prompt_for_download", false));
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		this.browser = new ChromeDriver(service, options);
		this.browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
	}

	/** The root folder (inbox/, archive/, rejected/, db/, expected/, downloads/). */
	public Path root() {
		return this.root.path();
	}

	/** The console's address, {@code http://localhost:PORT}. */
	public String base() {
		return this.base;
	}

	public WebDriver browser() {
		return this.browser;
	}

	/** The 13 periods of the fixture, oldest first. */
	public List<String> periods() {
		if (this.periods != null) {
			return this.periods;
		}
		try (Stream<Path> folders = Files.list(SAMPLE)) {
			return folders.map((folder) -> folder.getFileName().toString())
				.filter((name) -> name.matches("\\d{4}-\\d{2}"))
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The summaries of the fixture's runs, in order (run 1 first). */
	public List<IngestSummary> summaries() {
		return this.summaries;
	}

	/** The township of {@link #TOWNSHIP_CLERK}. */
	public String township() {
		return this.township;
	}

	/**
	 * The folder with what {@code report --period PERIOD --format csv,xlsx,html} writes
	 * for the period, as the data stood when serve started.
	 */
	public Path expected(String period) {
		return this.root.path().resolve("expected").resolve(period);
	}

	/**
	 * Runs {@code report} now (a child process against the same root while serve runs)
	 * into a fresh folder, for figures a test of another screen may have changed since
	 * the fixture started: a review changes a flag's status in {@code anomalies.csv}.
	 */
	public Path reportNow(String period) {
		Path folder = this.root.path().resolve("report-now-" + System.nanoTime());
		ChildProgram.Result report = cli("report", "--period", period, "--out", folder.toString(), "--format",
				"csv,xlsx,html");
		assertThat(report.status()).as(report.output()).isZero();
		return folder;
	}

	/** The rows of an export (BOM dropped), as header to cell, in file order. */
	public static List<Map<String, String>> csv(Path file) {
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
				CSVParser parser = CSVFormat.DEFAULT.builder()
					.setHeader()
					.setSkipHeaderRecord(true)
					.get()
					.parse(new BomDropping(reader))) {
			List<Map<String, String>> rows = new ArrayList<>();
			for (CSVRecord record : parser) {
				rows.add(new LinkedHashMap<>(record.toMap()));
			}
			return rows;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The rows of an export of {@link #expected(String)}, e.g. {@code anomalies.csv}. */
	public List<Map<String, String>> expectedRows(String period, String fileName) {
		return csv(expected(period).resolve(fileName));
	}

	/**
	 * Logs the browser in as one of the fixture's users (logging out whoever is in
	 * first).
	 */
	public void loginAs(String user) {
		if (user.equals(this.loggedIn)) {
			return;
		}
		logout();
		open("/login");
		type(By.id("username"), user);
		type(By.id("password"), PASSWORD);
		submit(this.browser.findElement(By.id("login-submit")));
		assertThat(this.browser.getCurrentUrl()).as("logged in as " + user).doesNotContain("/login");
		this.loggedIn = user;
	}

	/** Logs out, if someone is logged in. */
	public void logout() {
		if (this.loggedIn == null) {
			return;
		}
		open("/runs");
		submit(this.browser.findElement(By.id("logout")));
		this.loggedIn = null;
	}

	/** Opens a page of the console, e.g. {@code /flags?period=2026-10}. */
	public void open(String pathAndQuery) {
		this.browser.get(this.base + pathAndQuery);
	}

	/**
	 * Clicks a button that posts its form (or a link) and waits until the next page has
	 * replaced this one: the click returns before the browser has navigated.
	 */
	public void submit(WebElement button) {
		NextPage.afterClicking(this.browser, button, Duration.ofSeconds(30));
	}

	public void type(By field, String text) {
		WebElement element = this.browser.findElement(field);
		element.clear();
		element.sendKeys(text);
	}

	/** The element's text, once the page has it. */
	public String text(String id) {
		return waitFor(Duration.ofSeconds(15)).until(ExpectedConditions.presenceOfElementLocated(By.id(id))).getText();
	}

	public WebDriverWait waitFor(Duration timeout) {
		return new WebDriverWait(this.browser, timeout);
	}

	/** The cells of a table's body rows (text as shown). */
	public static List<List<String>> rows(WebElement table) {
		return table.findElements(By.cssSelector("tbody tr"))
			.stream()
			.map((row) -> row.findElements(By.cssSelector("th, td")).stream().map(WebElement::getText).toList())
			.toList();
	}

	/**
	 * Saves a screenshot of the browser's page as {@code target/screenshots/NAME.png}.
	 */
	public Path screenshot(String name) {
		try {
			Path folder = Files.createDirectories(Path.of("target", "screenshots"));
			Path shot = ((TakesScreenshot) this.browser).getScreenshotAs(OutputType.FILE).toPath();
			return Files.copy(shot, folder.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Where the browser saves downloads. */
	public Path downloads() {
		return this.downloads;
	}

	/** A GET with the browser's session (e.g. a download), body as bytes. */
	public HttpResponse<byte[]> get(String pathAndQuery) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create(this.base + pathAndQuery))
			.header("Cookie", "JSESSIONID=" + session())
			.GET()
			.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	/**
	 * A form POST with the browser's session and the CSRF token of the page it shows, as
	 * a hand-made request (e.g. to check a refusal).
	 */
	public HttpResponse<String> post(String path, String form) throws IOException, InterruptedException {
		String token = this.browser.findElement(By.cssSelector("input[name=_csrf]")).getDomProperty("value");
		String body = "_csrf=" + token + (form.isEmpty() ? "" : "&" + form);
		return this.http.send(HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Cookie", "JSESSIONID=" + session())
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * Runs a command of the program against the fixture's root while serve runs (H2 runs
	 * with AUTO_SERVER, so a second process may open it), e.g.
	 * {@code cli("recompute", "--period", "2026-10")}; {@code --root} is added.
	 */
	public ChildProgram.Result cli(String... args) {
		List<String> all = new ArrayList<>(Arrays.asList(args));
		all.add(1, "--root");
		all.add(2, this.root.path().toString());
		return ChildProgram.run(this.root.path(), all.toArray(String[]::new));
	}

	/** What serve has printed so far. */
	public String serveOutput() {
		return this.serve.output();
	}

	private String session() {
		Cookie cookie = this.browser.manage().getCookieNamed("JSESSIONID");
		assertThat(cookie).as("the browser is logged in").isNotNull();
		return cookie.getValue();
	}

	@Override
	public void close() {
		try {
			this.browser.quit();
		}
		finally {
			this.serve.terminate();
			this.serve.waitFor(Duration.ofMinutes(2));
		}
	}

	/**
	 * One run of the fixture: files (path under the inbox to content) and business time.
	 */
	private record Run(String asOf, Map<String, byte[]> files) {
	}

	private List<Run> runs() throws IOException {
		List<Run> runs = new ArrayList<>();
		String last = this.periods.get(this.periods.size() - 1);
		for (String period : this.periods.subList(0, this.periods.size() - 1)) {
			Map<String, byte[]> files = new LinkedHashMap<>(files(SAMPLE.resolve(period), period));
			files.putAll(files(SAMPLE.resolve("ledgers").resolve(period), period + "/问题清单"));
			runs.add(new Run(YearMonth.parse(period).plusMonths(1) + "-03T09:00", files));
		}
		Map<String, byte[]> onTime = new LinkedHashMap<>();
		Map<String, byte[]> late = new LinkedHashMap<>();
		int i = 0;
		for (Map.Entry<String, byte[]> file : files(SAMPLE.resolve(last), last).entrySet()) {
			int index = i++;
			if (index % 13 == 7) {
				continue;
			}
			((index % 5 == 3) ? late : onTime).put(file.getKey(), file.getValue());
		}
		onTime.putAll(files(SAMPLE.resolve("ledgers").resolve(last), last + "/问题清单"));
		runs.add(new Run(YearMonth.parse(last).plusMonths(1) + "-04T10:00", onTime));
		runs.add(new Run(YearMonth.parse(last).plusMonths(1) + "-09T09:00", late));
		runs.add(new Run(YearMonth.parse(last).plusMonths(2) + "-01T02:00", Map.of()));
		return runs;
	}

	/** Every file under a folder, sorted, by path under the inbox ({@code prefix/…}). */
	private static Map<String, byte[]> files(Path folder, String prefix) throws IOException {
		Map<String, byte[]> files = new LinkedHashMap<>();
		if (!Files.isDirectory(folder)) {
			return files;
		}
		try (Stream<Path> paths = Files.walk(folder)) {
			for (Path path : paths.filter(Files::isRegularFile).sorted().toList()) {
				files.put(prefix + "/" + folder.relativize(path).toString().replace('\\', '/'),
						Files.readAllBytes(path));
			}
		}
		return files;
	}

	private void drop(String relativePath, byte[] content) {
		try {
			Path file = this.root.inbox().resolve(relativePath);
			Files.createDirectories(file.getParent());
			Files.write(file, content);
			// old enough not to look half-written to the claim
			Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(3600)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Drops a leading byte order mark. */
	private static final class BomDropping extends java.io.FilterReader {

		private boolean first = true;

		BomDropping(Reader in) {
			super(in);
		}

		@Override
		public int read(char[] buffer, int offset, int length) throws IOException {
			int read = super.read(buffer, offset, length);
			if (this.first && read > 0) {
				this.first = false;
				if (buffer[offset] == '\uFEFF') {
					System.arraycopy(buffer, offset + 1, buffer, offset, read - 1);
					return (read == 1) ? read(buffer, offset, length) : read - 1;
				}
			}
			return read;
		}

		@Override
		public int read() throws IOException {
			int c = super.read();
			if (this.first) {
				this.first = false;
				if (c == '\uFEFF') {
					return super.read();
				}
			}
			return c;
		}

	}

	/**
	 * Gives a test method (or {@code @BeforeAll}) the one shared console, starting it the
	 * first time one is asked for; JUnit closes it when every test has run.
	 */
	public static final class Resolver implements ParameterResolver {

		@Override
		public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
			return parameter.getParameter().getType() == FiguresConsole.class;
		}

		@Override
		public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
			return extension.getRoot()
				.getStore(ExtensionContext.Namespace.create(FiguresConsole.class))
				.computeIfAbsent(FiguresConsole.class, (key) -> {
					try {
						return new FiguresConsole();
					}
					catch (RuntimeException | Error ex) {
						throw ex;
					}
					catch (Exception ex) {
						throw new IllegalStateException("the figures console did not start", ex);
					}
				}, FiguresConsole.class);
		}

	}

}
