package cn.xinning.villagereturns.support;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The background beats of a run (progress, heartbeats): one daemon thread each, so that
 * they never keep the program alive once the command is done.
 */
public final class DaemonScheduler {

	private DaemonScheduler() {
	}

	public static ScheduledExecutorService single(String threadName) {
		return Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, threadName);
			thread.setDaemon(true);
			return thread;
		});
	}

}
