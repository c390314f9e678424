package cn.xinning.villagereturns.console.runs;

import java.time.Duration;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;

import cn.xinning.villagereturns.VillageReturnsProperties;
import cn.xinning.villagereturns.aggregation.RecomputeService;
import cn.xinning.villagereturns.console.audit.Audit;
import cn.xinning.villagereturns.ingest.IngestService;
import cn.xinning.villagereturns.ingest.IngestSummary;
import cn.xinning.villagereturns.ingest.WatchService;
import cn.xinning.villagereturns.operations.ShutdownSignal;
import cn.xinning.villagereturns.support.DaemonScheduler;

/**
 * The runs {@code serve} makes: the watcher's looks, an administrator's "run now" and
 * restarts, all on one thread, so that two of them never work at once in this process
 * (the process lock keeps other processes out). A request is refused while a run of this
 * process is working.
 */
@Service
public class ConsoleRuns implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(ConsoleRuns.class);

	private final IngestService ingest;

	private final WatchService watch;

	private final Audit audit;

	private final VillageReturnsProperties properties;

	private final AtomicBoolean working = new AtomicBoolean();

	private volatile boolean stopping;

	private ScheduledExecutorService executor;

	private final ShutdownSignal shutdownSignal;

	private final RecomputeService recomputeService;

	public ConsoleRuns(IngestService ingest, WatchService watch, Audit audit, VillageReturnsProperties properties,
			ShutdownSignal shutdownSignal, RecomputeService recomputeService) {
		this.shutdownSignal = shutdownSignal;
		this.recomputeService = recomputeService;
		this.ingest = ingest;
		this.watch = watch;
		this.audit = audit;
		this.properties = properties;
	}

	/** The watcher inside {@code serve}: a look every poll interval. */
	public void startWatching(Consumer<IngestSummary> onRun) {
		Duration poll = Duration.ofSeconds(this.properties.watch().pollSeconds());
		executor().scheduleWithFixedDelay(() -> {
			if (isStopping() || !this.working.compareAndSet(false, true)) {
				return;
			}
			try {
				this.watch.tick(ZonedDateTime.now(this.properties.timeZone()))
					.ifPresent((outcome) -> onRun.accept(outcome.summary()));
			}
			catch (Exception ex) {
				log.error("The watcher's run failed", ex);
			}
			finally {
				this.working.set(false);
			}
		}, 0, poll.toMillis(), TimeUnit.MILLISECONDS);
	}

	public Optional<java.time.ZonedDateTime> nextNightly() {
		return Optional.ofNullable(this.watch.nextNightly());
	}

	/**
	 * Starts an ingest run now, in the background.
	 * @throws RunRefusedException when a run of this process is working
	 */
	public void startNow(String by, String remote) {
		claim();
		this.audit.record(by, Audit.Action.START, "ingest", remote);
		submit(() -> this.ingest.ingest(Optional.empty()));
	}

	/**
	 * Restarts a FAILED or STOPPED run (or one left STARTED by a dead process) in the
	 * background; whether it may be restarted is decided first, by the same service as
	 * the command line's {@code restart}.
	 * @throws IllegalArgumentException why the run cannot be restarted
	 * @throws RunRefusedException when a run of this process is working
	 */
	public void restart(long runId, String by, String remote) {
		this.ingest.checkRestartable(runId);
		claim();
		this.audit.record(by, Audit.Action.RESTART, "run " + runId, remote);
		submit(() -> this.ingest.restart(runId));
	}

	/**
	 * Recomputes a period's figures and flags from accepted data in the background (as
	 * {@code recompute --period P}).
	 * @throws RunRefusedException when a run of this process is working
	 */
	public void recompute(YearMonth period, String by, String remote) {
		claim();
		this.audit.record(by, Audit.Action.RECOMPUTE, period.toString(), remote);
		submit(() -> {
			log.info("Recomputed {}", this.recomputeService.recompute(period));
			return null;
		});
	}

	/**
	 * Asks a running run to stop at its next commit.
	 * @throws IllegalArgumentException when it is not running
	 */
	public void stop(long runId, String by, String remote) throws Exception {
		this.ingest.stop(runId);
		this.audit.record(by, Audit.Action.STOP, "run " + runId, remote);
	}

	public boolean isWorking() {
		return this.working.get();
	}

	/** No new run starts; waits for the one working (asked to stop by the signal). */
	public void shutdown(Duration timeout) throws InterruptedException {
		this.stopping = true;
		ScheduledExecutorService current = this.executor;
		if (current != null) {
			current.shutdown();
			if (!current.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				log.warn("A run did not stop within {}", timeout);
			}
		}
	}

	@Override
	public void destroy() throws InterruptedException {
		shutdown(Duration.ofMinutes(5));
	}

	@FunctionalInterface
	private interface Work {

		/** What the run did; null for a recomputation. */
		IngestSummary run() throws Exception;

	}

	private boolean isStopping() {
		return this.stopping || this.shutdownSignal.isRequested();
	}

	private void claim() {
		if (isStopping() || !this.working.compareAndSet(false, true)) {
			throw new RunRefusedException();
		}
	}

	private void submit(Work work) {
		try {
			executor().execute(() -> {
				try {
					IngestSummary summary = work.run();
					if (summary != null) {
						log.info("Run {} ended {}", summary.runId(), summary.status());
					}
				}
				catch (Exception ex) {
					log.error("A console run failed", ex);
				}
				finally {
					this.working.set(false);
				}
			});
		}
		catch (RuntimeException ex) {
			this.working.set(false);
			throw ex;
		}
	}

	private synchronized ScheduledExecutorService executor() {
		if (this.executor == null) {
			this.executor = DaemonScheduler.single("console-runs");
		}
		return this.executor;
	}

	/** A run of this process is working: try again when it has ended. */
	public static class RunRefusedException extends RuntimeException {

		public RunRefusedException() {
			super("console.runs.busy");
		}

	}

}
