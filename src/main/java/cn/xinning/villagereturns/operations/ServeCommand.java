package cn.xinning.villagereturns.operations;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

import cn.xinning.villagereturns.VillageReturnsProperties;
import cn.xinning.villagereturns.console.runs.ConsoleRuns;
import cn.xinning.villagereturns.console.users.UserAccounts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code serve}: the web console, with the watcher and the nightly schedule inside unless
 * {@code --no-watch}. SIGTERM stops it: a run in progress ends STOPPED (restartable),
 * then the web server closes.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, description = {
		"启动网页控制台（默认端口 8080），并在其中监视收件箱、运行夜间任务（除非 --no-watch）。",
		"Serve the web console (default port 8080), watching the inbox and running the nightly job inside unless --no-watch." })
public class ServeCommand implements Callable<Integer>, Cli.LongRunning, Cli.WebCommand {

	@Mixin
	RootOption root;

	@Option(names = "--port", paramLabel = "N",
			description = "HTTP port (default 8080, or server.port; 0 picks a free one)")
	Integer port;

	@Option(names = "--no-watch", description = "do not watch the inbox or run the nightly job")
	boolean noWatch;

	@Spec
	picocli.CommandLine.Model.CommandSpec spec;

	@Autowired
	ConsoleRuns runs;

	@Autowired
	UserAccounts accounts;

	@Autowired
	ShutdownSignal shutdown;

	@Autowired
	VillageReturnsProperties properties;

	@Autowired
	Environment environment;

	@Override
	public List<String> springArguments() {
		List<String> settings = new ArrayList<>();
		if (this.port != null) {
			settings.add("--server.port=" + this.port);
		}
		return settings;
	}

	@Override
	public Integer call() throws Exception {
		PrintWriter out = this.spec.commandLine().getOut();
		this.accounts.createFirstAdmin().ifPresent((password) -> {
			out.println("首次启动：已创建管理员 admin，一次性密码 / first start: created user admin, one-time password: " + password);
			out.println("（只显示这一次；首次登录须修改 / shown only once; it must be changed at first login）");
		});
		String port = this.environment.getProperty("local.server.port", "8080");
		out.println("控制台已启动 console ready: 用浏览器打开 open http://localhost:" + port + "/ （用户 users: "
				+ "village-returns users add NAME --role ADMIN|CLERK|VIEWER）");
		boolean english = "en".equalsIgnoreCase(this.properties.language());
		if (!this.noWatch) {
			this.runs.startWatching((summary) -> SummaryPrinter.print(summary, out, english));
			out.printf("正在监视 watching %s（每 %d 秒查看一次；夜间任务 nightly %s）%n", this.properties.root(),
					this.properties.watch().pollSeconds(), this.properties.watch().nightlyCron());
		}
		out.flush();
		while (!this.shutdown.await(Duration.ofMinutes(1))) {
			// the web server and the watcher work on their own threads
		}
		this.runs.shutdown(Duration.ofMinutes(10));
		out.println("已停止 stopped serving");
		return Cli.OK;
	}

}
