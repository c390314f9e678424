package cn.xinning.villagereturns.operations;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.concurrent.Callable;

import org.springframework.beans.factory.annotation.Autowired;

import cn.xinning.villagereturns.VillageReturnsProperties;
import cn.xinning.villagereturns.ingest.WatchService;
import cn.xinning.villagereturns.reference.ReferenceData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/**
 * {@code watch}: stays up, takes new inbox files within a minute, runs the nightly job.
 */
@Command(name = "watch", mixinStandardHelpOptions = true,
		description = { "常驻运行：一分钟内处理新放入收件箱的文件，并按计划（默认每天 02:00）运行夜间任务。",
				"Stay up: take new inbox files within a minute, and run the nightly job on schedule (default 02:00)." })
public class WatchCommand implements Callable<Integer>, Cli.LongRunning {

	@Mixin
	RootOption root;

	@Spec
	picocli.CommandLine.Model.CommandSpec spec;

	@Autowired
	WatchService watch;

	@Autowired
	ShutdownSignal shutdown;

	@Autowired
	VillageReturnsProperties properties;

	@Autowired
	ReferenceData referenceData;

	@Override
	public Integer call() throws Exception {
		PrintWriter out = this.spec.commandLine().getOut();
		boolean english = "en".equalsIgnoreCase(this.properties.language());
		Duration poll = Duration.ofSeconds(this.properties.watch().pollSeconds());
		// a wrong registry or catalogue is refused now (exit 2), not when the first file
		// arrives
		this.referenceData.current();
		this.watch.tick(ZonedDateTime.now(this.properties.timeZone()));
		out.printf("正在监视 watching %s（每 %d 秒查看一次；下次夜间任务 next nightly run %s）%n", this.properties.root(),
				this.properties.watch().pollSeconds(), this.watch.nextNightly());
		while (!this.shutdown.await(poll)) {
			this.watch.tick(ZonedDateTime.now(this.properties.timeZone()))
				.ifPresent((outcome) -> SummaryPrinter.print(outcome.summary(), out, english));
		}
		out.println("已停止 stopped watching");
		return Cli.OK;
	}

}
