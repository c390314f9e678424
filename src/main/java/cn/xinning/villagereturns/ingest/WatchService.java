package cn.xinning.villagereturns.ingest;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Service;

import cn.xinning.villagereturns.VillageReturnsProperties;
import cn.xinning.villagereturns.intake.InboxScanner;
import cn.xinning.villagereturns.intake.RootFolders;

/**
 * What {@code watch} does at each look: run when files have arrived and the inbox has
 * settled (files that arrive together go into one run), and run at the nightly time even
 * when the inbox is empty (overdue returns get their flags), unless a watcher on another
 * node has taken that night's run ({@link NightlyRuns}). When another process holds the
 * lock the run waits for the next look; the nightly run stays due until it has run.
 */
@Service
public class WatchService {

	/** Files that have waited this long go in even while others are still arriving. */
	static final Duration MAX_WAIT = Duration.ofSeconds(50);

	private static final Logger log = LoggerFactory.getLogger(WatchService.class);

	private final IngestService ingest;

	private final RootFolders folders;

	private final VillageReturnsProperties properties;

	private final CronExpression nightly;

	private ZonedDateTime nextNightly;

	private Instant waitingSince;

	private final NightlyRuns nightlyRuns;

	public WatchService(IngestService ingest, RootFolders folders, VillageReturnsProperties properties,
			NightlyRuns nightlyRuns) {
		this.ingest = ingest;
		this.nightlyRuns = nightlyRuns;
		this.folders = folders;
		this.properties = properties;
		try {
			this.nightly = CronExpression.parse(properties.watch().nightlyCron());
		}
		catch (IllegalArgumentException ex) {
			throw new cn.xinning.villagereturns.ConfigurationException("village-returns.watch.nightly-cron \""
					+ properties.watch().nightlyCron() + "\" is not a cron expression: " + ex.getMessage());
		}
	}

	/** Why a look started a run, if it did. */
	public enum Reason {

		FILES, NIGHTLY

	}

	/**
	 * One look at time {@code now}.
	 * @return the run it made, if it made one
	 */
	public Optional<Outcome> tick(ZonedDateTime now) throws Exception {
		ZonedDateTime local = now.withZoneSameInstant(this.properties.timeZone());
		if (this.nextNightly == null) {
			this.nextNightly = this.nightly.next(local);
		}
		boolean nightlyDue = !local.isBefore(this.nextNightly);
		if (nightlyDue && !this.nightlyRuns.take(this.nextNightly.toLocalDateTime())) {
			// a watcher on another node runs tonight's
			log.info("The nightly run of {} is another process's", this.nextNightly);
			this.nextNightly = this.nightly.next(local);
			nightlyDue = false;
		}
		boolean filesReady = inboxSettled(now.toInstant());
		if (!nightlyDue && !filesReady) {
			return Optional.empty();
		}
		Reason reason = nightlyDue ? Reason.NIGHTLY : Reason.FILES;
		IngestSummary summary = this.ingest.ingest(Optional.of(local.toLocalDateTime().withNano(0)));
		if (nightlyDue) {
			this.nextNightly = this.nightly.next(local);
		}
		this.waitingSince = null;
		return Optional.of(new Outcome(reason, summary));
	}

	public ZonedDateTime nextNightly() {
		return this.nextNightly;
	}

	/**
	 * @param reason why it ran
	 * @param summary what it did
	 */
	public record Outcome(Reason reason, IngestSummary summary) {
	}

	/** Ready files, and nothing still arriving (or they have waited long enough). */
	private boolean inboxSettled(Instant now) {
		Duration quiet = Duration.ofSeconds(this.properties.inbox().quietSeconds());
		List<InboxScanner.InboxEntry> ready = InboxScanner.ready(this.folders.inbox(), now, quiet);
		if (ready.isEmpty()) {
			this.waitingSince = null;
			return false;
		}
		if (this.waitingSince == null) {
			this.waitingSince = now;
		}
		int arriving = InboxScanner.ready(this.folders.inbox(), now.plus(quiet), quiet).size() - ready.size();
		return arriving == 0 || !now.isBefore(this.waitingSince.plus(MAX_WAIT));
	}

}
