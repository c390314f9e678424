package cn.xinning.villagereturns.operations;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.context.ConfigurableApplicationContext;

import cn.xinning.villagereturns.ingest.RunningJobs;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * What SIGTERM (a service stop) and SIGINT (Ctrl-C) do while a command runs: the running
 * job is asked to stop at its next commit and a waiting {@code watch} wakes up; the
 * command then finishes normally, prints its summary and closes the database. The run
 * ends STOPPED and restartable, and no file is lost. A second signal ends the process at
 * once.
 *
 * <p>
 * The signals are caught rather than left to JVM shutdown hooks because the embedded
 * database closes itself in such a hook, and a stopping run still has to commit.
 */
final class GracefulShutdown implements AutoCloseable {

	private final List<Registration> previous = new ArrayList<>();

	private final AtomicInteger signals = new AtomicInteger();

	private record Registration(Signal signal, SignalHandler handler) {
	}

	GracefulShutdown(ConfigurableApplicationContext context, PrintWriter err) {
		SignalHandler handler = (signal) -> {
			if (this.signals.incrementAndGet() > 1) {
				Runtime.getRuntime().halt(128 + signal.getNumber());
			}
			err.println("收到停止信号（SIG" + signal.getName() + "），当前运行将在下一次提交后停止，可用 restart 继续。/ Stopping at the"
					+ " next commit; the run can be restarted.");
			err.flush();
			if (context.isActive()) {
				context.getBean(ShutdownSignal.class).request();
				context.getBean(RunningJobs.class).stopAll();
			}
		};
		for (String name : List.of("TERM", "INT")) {
			try {
				Signal signal = new Signal(name);
				this.previous.add(new Registration(signal, Signal.handle(signal, handler)));
			}
			catch (IllegalArgumentException ex) {
				// the signal does not exist on this system (or the JVM reserves it): keep
				// the default
			}
		}
	}

	@Override
	public void close() {
		for (Registration registration : this.previous) {
			Signal.handle(registration.signal(), registration.handler());
		}
	}

}
