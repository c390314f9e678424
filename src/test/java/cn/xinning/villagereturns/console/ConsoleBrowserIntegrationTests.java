package cn.xinning.villagereturns.console;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import cn.xinning.villagereturns.support.ChildProgram;
import cn.xinning.villagereturns.support.SampleReturn;
import cn.xinning.villagereturns.support.TestRoot;

import static cn.xinning.villagereturns.support.FiveVillages.WANBA;
import static cn.xinning.villagereturns.support.FiveVillages.JIANGYUAN;
import static cn.xinning.villagereturns.support.FiveVillages.LONGTOU;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console in headless Chromium against the real {@code serve} (a child process on a
 * free port, its watcher looking every second), one application for all the tests, in the
 * order an installation lives it: the first administrator logs in with the one-time
 * password and sets a new one and adds the users; a viewer sees no control he may not use
 * and gets 403 posting to one; a hostile file name is refused; a clerk uploads a file
 * with one bad return, sees the problem, submits it and sees it rejected with that
 * problem; an administrator restarts a failed run and sees it complete. Each test saves a
 * screenshot under {@code target/screenshots/}. Chromium and its driver come from Debian
 * ({@code .ci/run} installs them); without them the tests are skipped, except under
 * {@code CI=true}, where they fail.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserIntegrationTests {

	static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	static final String ADMIN_PASSWORD = "Admin-pass-2026";

	static final String CLERK_PASSWORD = "Clerk-pass-2026";

	static final String VIEWER_PASSWORD = "Viewer-pass-2026";

	final TestRoot root = TestRoot.create("console-browser");

	ChildProgram serve;

	String base;

	WebDriver browser;

	Path userData;

	final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@BeforeAll
	void startServeAndBrowser() throws Exception {
		boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
		if (!"true".equals(System.getenv("CI"))) {
			Assumptions.assumeTrue(installed, "chromium and chromium-driver are not installed (apt-get install"
					+ " chromium chromium-driver fonts-wqy-microhei)");
		}
		assertThat(installed).as("chromium and chromedriver under /usr/bin").isTrue();
		this.serve = ChildProgram.start(this.root.path(), "serve", "--root", this.root.path().toString(), "--port", "0",
				"--village-returns.watch.poll-seconds=1", "--village-returns.inbox.max-file-megabytes=1");
		this.serve.awaitOutput("console ready", Duration.ofMinutes(3));
		Matcher port = Pattern.compile("http://localhost:(\\d+)/").matcher(this.serve.output());
		assertThat(port.find()).isTrue();
		this.base = "http://localhost:" + port.group(1);
		this.userData = Files.createTempDirectory("vr-chromium-");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
				"--disable-component-update", "--no-first-run", "--disable-dev-shm-usage", "--window-size=1366,900",
				"--lang=zh-CN", "--user-data-dir=" + this.userData);
		// no password manager: it would fill in (asynchronously, so now and then) a saved
		// password before the test types into the field, and the login would fail
		options.setExperimentalOption("prefs", java.util.Map.of("credentials_enable_service", false,
				"profile.password_manager_enabled", false, "autofill.profile_enabled", false));
		options.addArguments("--disable-save-password-bubble");
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		this.browser = new ChromeDriver(service, options);
		this.browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
	}

	@AfterAll
	void stopEverything() {
		if (this.browser != null) {
			this.browser.quit();
		}
		if (this.serve != null) {
			// SIGTERM, as a service stop sends: serve stops cleanly, exit status 0
			this.serve.terminate();
			assertThat(this.serve.waitFor(Duration.ofMinutes(2))).isZero();
			assertThat(this.serve.output()).contains("已停止 stopped serving");
		}
	}

	@Test
	@Order(1)
	void theFirstAdministratorSetsANewPasswordAndAddsTheUsers(TestInfo test) throws Exception {
		Matcher oneTime = Pattern.compile("one-time password: (\\S+)").matcher(this.serve.output());
		assertThat(oneTime.find()).isTrue();
		login("admin", oneTime.group(1));
		assertThat(this.browser.getCurrentUrl()).endsWith("/account/password");
		assertThat(text("must-change")).isEqualTo("这是一次性密码，请先设置自己的新密码。");
		screenshot(test);
		changePassword(oneTime.group(1), ADMIN_PASSWORD);
		assertThat(text("login-changed")).isEqualTo("密码已修改，请用新密码登录。");

		login("admin", ADMIN_PASSWORD);
		assertThat(this.browser.getCurrentUrl()).endsWith("/overview");
		assertThat(text("whoami")).isEqualTo("admin (管理员)");
		String clerkOnce = addUser("clerk", "CLERK", "430528100");
		String viewerOnce = addUser("viewer", "VIEWER", "");
		logout();
		firstLogin("clerk", clerkOnce, CLERK_PASSWORD);
		logout();
		firstLogin("viewer", viewerOnce, VIEWER_PASSWORD);
		logout();
		login("viewer", "wrong-password");
		assertThat(text("login-error")).isEqualTo("用户名或密码不对，请重新输入。");
	}

	@Test
	@Order(2)
	void aViewerSeesNoControlHeMayNotUseAndIsRefusedWhenPostingDirectly(TestInfo test) throws Exception {
		login("viewer", VIEWER_PASSWORD);
		open("/runs");
		assertThat(this.browser.findElements(By.id("start-now"))).isEmpty();
		assertThat(this.browser.findElements(By.id("nav-upload"))).isEmpty();
		assertThat(this.browser.findElement(By.tagName("nav")).getText()).contains("运行", "报表", "拒收文件")
			.doesNotContain("上传", "用户", "审计");
		open("/upload");
		assertThat(text("forbidden")).isEqualTo("没有权限");
		open("/runs");
		assertThat(post("/runs/start", "").statusCode()).isEqualTo(403);
		assertThat(post("/upload/submit", "token=x").statusCode()).isEqualTo(403);
		open("/runs?lang=en");
		assertThat(this.browser.findElement(By.tagName("h1")).getText()).isEqualTo("Runs");
		open("/runs?lang=zh");
		assertThat(this.browser.findElement(By.tagName("h1")).getText()).isEqualTo("运行");
		screenshot(test);
		logout();
	}

	@Test
	@Order(3)
	void aFileNameThatTriesToLeaveTheInboxIsRefused(TestInfo test) throws Exception {
		login("clerk", CLERK_PASSWORD);
		open("/upload");
		String body = SampleReturn.of(WANBA, "2026-10").longFile();
		HttpResponse<String> response = multipart("/upload/check", "../../outside.csv", body);
		assertThat(response.statusCode()).isEqualTo(302);
		open("/upload");
		WebElement refusal = this.browser.findElement(By.cssSelector(".file-check .refusal"));
		assertThat(refusal.getText())
			.isEqualTo("文件名“../../outside.csv”含有路径（/、\\ 或 ..），不能上传。请只用文件本身的名字，例如 湾坝村-2026-10.csv。");
		assertThat(this.browser.findElements(By.name("token"))).isEmpty();
		screenshot(test);
		assertThat(Files.exists(this.root.path().getParent().resolve("outside.csv"))).isFalse();
		assertThat(Files.exists(this.root.path().resolve("outside.csv"))).isFalse();
		assertThat(this.root.inbox()).satisfiesAnyOf((inbox) -> assertThat(Files.exists(inbox)).isFalse(),
				(inbox) -> assertThat(Files.list(inbox).toList()).isEmpty());
		logout();
	}

	@Test
	@Order(4)
	void aClerkSeesTheProblemAtOnceSubmitsAndSeesTheFileRejectedWithIt(TestInfo test) throws Exception {
		String content = SampleReturn.longHeader() + "\n"
				+ String.join("\n", SampleReturn.of(WANBA, "2026-10").longRows()) + "\n"
				+ String.join("\n", SampleReturn.of(JIANGYUAN, "2026-10").with("HOME_VISITS", "三百").longRows()) + "\n";
		List<String> lines = content.lines().toList();
		int badLine = lines.indexOf(lines.stream()
			.filter((l) -> l.startsWith(JIANGYUAN + ",2026-10,HOME_VISITS,"))
			.findFirst()
			.orElseThrow()) + 1;
		String expected = "第" + badLine + "行 数值“三百”不是数字（指标 上门走访人次(HOME_VISITS)）。" + "请填写阿拉伯数字；没有发生请填0，无法填报请留空或填“-”。";
		Path file = Files.createTempDirectory("vr-upload-").resolve("金石镇-2026年10月.csv");
		Files.writeString(file, content, StandardCharsets.UTF_8);

		login("clerk", CLERK_PASSWORD);
		open("/upload");
		this.browser.findElement(By.id("files")).sendKeys(file.toString());
		submit(this.browser.findElement(By.id("check")));
		WebElement checked = this.browser.findElement(By.cssSelector(".file-check"));
		assertThat(checked.findElement(By.cssSelector(".summary")).getText()).isEqualTo("共 2 份报表：会接收 1 份，会拒收 1 份。");
		assertThat(cells(checked))
			.containsExactly(List.of(String.valueOf(badLine), "value", "三百", "V-NUMBER", "错误", expected));
		screenshot(test, "-checked");

		submit(this.browser.findElement(By.id("submit")));
		assertThat(text("notice")).isEqualTo("已提交 1 个文件到收件箱，一分钟内会处理。");
		WebElement outcome = wait(Duration.ofSeconds(60))
			.until(ExpectedConditions.visibilityOfElementLocated(By.id("upload-outcome")));
		assertThat(outcome.getText()).isEqualTo("已拒收");
		assertThat(text("upload-state")).contains("接收 1 份，拒收 1 份");
		assertThat(cells(this.browser.findElement(By.id("status"))))
			.containsExactly(List.of(String.valueOf(badLine), "value", "三百", "V-NUMBER", "错误", expected));
		screenshot(test);

		open("/rejected");
		assertThat(this.browser.findElement(By.id("rejected")).getText()).contains("金石镇-2026年10月.csv");
		logout();
	}

	@Test
	@Order(5)
	void anAdministratorRestartsAFailedRunAndSeesItComplete(TestInfo test) throws Exception {
		// a file where today's archive folder should be: filing away fails, the run FAILS
		Path blocker = this.root.path()
			.resolve("archive")
			.resolve(LocalDate.now(ZoneId.of("Asia/Shanghai")).toString());
		Files.createDirectories(blocker.getParent());
		Files.writeString(blocker, "in the way");
		this.root.drop("龙头村.csv", SampleReturn.of(LONGTOU, "2026-10").longFile());

		login("admin", ADMIN_PASSWORD);
		open("/runs?status=FAILED");
		WebElement failed = wait(Duration.ofSeconds(60)).until((driver) -> {
			driver.navigate().refresh();
			List<WebElement> rows = driver.findElements(By.cssSelector("#runs tr[data-run]"));
			return rows.isEmpty() ? null : rows.get(0);
		});
		String runId = failed.getAttribute("data-run");
		open("/runs/" + runId);
		assertThat(text("run-status")).isEqualTo("失败");
		assertThat(this.browser.findElements(By.id("stop"))).isEmpty();
		Files.delete(blocker);
		this.browser.findElement(By.cssSelector("#restart summary")).click();
		submit(this.browser.findElement(By.id("restart-confirm")));
		assertThat(text("notice")).isEqualTo("第 " + runId + " 次运行已开始从中断处重跑，完成后状态会变为“已完成”。");
		wait(Duration.ofSeconds(60)).until((driver) -> {
			driver.navigate().refresh();
			return "已完成".equals(driver.findElement(By.id("run-status")).getText());
		});
		assertThat(List.of(text("run-files"), text("run-accepted"), text("run-rejected"), text("run-duplicate")))
			.containsExactly("1", "1", "0", "0");
		assertThat(this.browser.findElements(By.id("restart"))).isEmpty();
		assertThat(this.browser.findElement(By.id("files")).getText())
			.contains("archive/" + blocker.getFileName() + "/龙头村.csv");
		screenshot(test);
		open("/audit");
		assertThat(this.browser.findElement(By.id("audit")).getText()).contains("重启", "run " + runId, "上传", "登录失败",
				"添加用户");
		logout();
	}

	private void login(String name, String password) {
		open("/login");
		type(By.id("username"), name);
		type(By.id("password"), password);
		submit(this.browser.findElement(By.id("login-submit")));
	}

	private void firstLogin(String name, String oneTime, String password) {
		login(name, oneTime);
		assertThat(this.browser.getCurrentUrl()).endsWith("/account/password");
		changePassword(oneTime, password);
		login(name, password);
		assertThat(this.browser.getCurrentUrl()).endsWith("/overview");
	}

	/**
	 * Clicks a button that posts its form and waits until the next page has replaced this
	 * one: the click returns before the browser has navigated.
	 */
	private void submit(WebElement button) {
		NextPage.afterClicking(this.browser, button, Duration.ofSeconds(30));
	}

	private void type(By field, String text) {
		WebElement element = this.browser.findElement(field);
		element.clear();
		element.sendKeys(text);
	}

	private void changePassword(String current, String password) {
		this.browser.findElement(By.id("current")).sendKeys(current);
		this.browser.findElement(By.id("new-password")).sendKeys(password);
		this.browser.findElement(By.id("again")).sendKeys(password);
		submit(this.browser.findElement(By.id("change")));
	}

	private String addUser(String name, String role, String township) {
		open("/users");
		WebElement form = this.browser.findElement(By.id("add-user"));
		form.findElement(By.name("username")).sendKeys(name);
		new org.openqa.selenium.support.ui.Select(form.findElement(By.name("role"))).selectByValue(role);
		form.findElement(By.name("township")).sendKeys(township);
		submit(form.findElement(By.cssSelector("button")));
		Matcher password = Pattern.compile("一次性密码：(\\S+?)（").matcher(text("notice"));
		assertThat(password.find()).as(text("notice")).isTrue();
		return password.group(1);
	}

	private void logout() {
		open("/runs");
		submit(this.browser.findElement(By.id("logout")));
	}

	private void open(String path) {
		this.browser.get(this.base + path);
	}

	/**
	 * The element's text, once the page has it: a click that submits a form returns
	 * before the next page is there.
	 */
	private String text(String id) {
		return wait(Duration.ofSeconds(15))
			.until(org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated(By.id(id)))
			.getText();
	}

	private WebDriverWait wait(Duration timeout) {
		return new WebDriverWait(this.browser, timeout);
	}

	private static List<List<String>> cells(WebElement scope) {
		return scope.findElements(By.cssSelector("table.problems tbody tr"))
			.stream()
			.map((row) -> row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList())
			.toList();
	}

	/** A POST with the browser's session and its CSRF token, as a hand-made request. */
	private HttpResponse<String> post(String path, String form) throws IOException, InterruptedException {
		String body = "_csrf=" + csrf() + (form.isEmpty() ? "" : "&" + form);
		return this.http.send(HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Cookie", "JSESSIONID=" + session())
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * An upload whose file name no browser would send: a hostile client's request, with
	 * the browser's session and CSRF token.
	 */
	private HttpResponse<String> multipart(String path, String fileName, String content)
			throws IOException, InterruptedException {
		String boundary = "----vr" + UUID.randomUUID();
		String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf() + "\r\n--"
				+ boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: text/csv\r\n\r\n" + content + "\r\n--" + boundary + "--\r\n";
		return this.http.send(HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Cookie", "JSESSIONID=" + session())
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private String session() {
		return this.browser.manage().getCookieNamed("JSESSIONID").getValue();
	}

	private String csrf() {
		return this.browser.findElement(By.cssSelector("input[name=_csrf]")).getAttribute("value");
	}

	private void screenshot(TestInfo test) throws IOException {
		screenshot(test, "");
	}

	private void screenshot(TestInfo test, String suffix) throws IOException {
		Path folder = Path.of("target", "screenshots");
		Files.createDirectories(folder);
		Path shot = ((TakesScreenshot) this.browser).getScreenshotAs(OutputType.FILE).toPath();
		Files.copy(shot, folder.resolve(test.getTestMethod().orElseThrow().getName() + suffix + ".png"),
				StandardCopyOption.REPLACE_EXISTING);
	}

}
