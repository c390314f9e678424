package cn.xinning.villagereturns.console;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import cn.xinning.villagereturns.support.ChildProgram;
import cn.xinning.villagereturns.support.CrashPointAutoConfiguration;
import cn.xinning.villagereturns.support.SampleReturn;
import cn.xinning.villagereturns.support.TestRoot;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code serve} stopped by SIGTERM (a service stop) while its watcher's run works: the
 * run ends STOPPED at its next commit, restartable, and {@code serve} ends cleanly (exit
 * 0).
 */
class ServeShutdownIntegrationTests {

	@Test
	void sigtermStopsTheRunningRunRestartablyAndEndsServe() throws Exception {
		TestRoot root = TestRoot.create("serve-sigterm");
		root.drop("湾坝村.csv", SampleReturn.of("430528100201", "2026-10").longFile());
		root.drop("江园村.csv", SampleReturn.of("430528100202", "2026-10").longFile());
		root.drop("龙头村.csv", SampleReturn.of("430528100203", "2026-10").longFile());
		ChildProgram serve = ChildProgram.start(root.path(), "serve", "--root", root.path().toString(), "--port", "0",
				"--village-returns.watch.poll-seconds=1", "--village-returns.batch.files-per-chunk=1",
				"--village-returns.batch.threads=1", "--crash-test.pause-at=insert into submission (",
				"--crash-test.pause-millis=3000");
		serve.awaitOutput(CrashPointAutoConfiguration.MARK, Duration.ofMinutes(3));

		serve.terminate();

		assertThat(serve.waitFor(Duration.ofMinutes(2))).as(serve.output()).isZero();
		assertThat(serve.output()).contains("运行 run #1 已停止 STOPPED", "已停止 stopped serving");
		ChildProgram.Result executions = ChildProgram.run(root.path(), "executions", "--root", root.path().toString());
		assertThat(executions.output()).containsPattern("(?m)^1 +STOPPED ");
		ChildProgram.Result restart = ChildProgram.run(root.path(), "restart", "1", "--root", root.path().toString());
		assertThat(restart.status()).as(restart.output()).isZero();
		assertThat(restart.output()).contains("运行 run #1 已完成 completed", "接收 accepted 3");
	}

}
