package cn.xinning.villagereturns;

import java.nio.file.Path;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Locale;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of one installation: where its files live and the county's reporting rules.
 * Defaults are in {@code jobs/village-returns.properties}, which county staff edit.
 *
 * @param root the folder every file location derives from (inbox, archive, rejected, the
 * embedded database)
 * @param registry location of the village registry CSV (Spring resource syntax)
 * @param catalogue location of the indicator catalogue CSV (Spring resource syntax)
 * @param dueDay day of the month after P on which the return for P is due (23:59:59)
 * @param timeZone the county's clock, in which business times are read and stored
 * @param reportingStart returns for earlier periods are refused
 * @param language language of messages to clerks, {@code zh} or {@code en}
 * @param inbox inbox settings
 * @param rules thresholds of the warning rules
 * @param watch the watcher's settings
 * @param batch how the job divides its work
 */
@ConfigurationProperties("village-returns")
public record VillageReturnsProperties(@DefaultValue(".") Path root,
		@DefaultValue("classpath:jobs/villages.csv") String registry,
		@DefaultValue("classpath:jobs/indicators.csv") String catalogue, @DefaultValue("5") int dueDay,
		@DefaultValue("Asia/Shanghai") ZoneId timeZone, @DefaultValue("2025-01") YearMonth reportingStart,
		@DefaultValue("zh") String language, @DefaultValue Inbox inbox, @DefaultValue Rules rules,
		@DefaultValue Watch watch, @DefaultValue Batch batch) {

	public VillageReturnsProperties {
		if (dueDay < 1 || dueDay > 28) {
			throw new IllegalArgumentException("village-returns.due-day must be between 1 and 28, not " + dueDay);
		}
		root = root.toAbsolutePath().normalize();
	}

	public Locale locale() {
		return "en".equalsIgnoreCase(this.language) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
	}

	/**
	 * @param quietSeconds a file modified more recently than this may still be being
	 * written
	 * @param maxFileMegabytes a larger file is not a monthly return, and is refused
	 * unread
	 */
	public record Inbox(@DefaultValue("5") int quietSeconds, @DefaultValue("64") int maxFileMegabytes) {
	}

	/**
	 * @param filesPerChunk files read, checked and stored in one transaction: a chunk's
	 * statements and commit cost about the same whatever its size (at a province 250
	 * files a chunk validated a month's 25,000 files in 3.9 s against 4.2 s with 100)
	 * @param threads partitions working on the files at once (0: one per processor)
	 * @param acceptFilesPerChunk files accepted in one transaction: acceptance is a few
	 * set-based statements per chunk whatever its size, so its chunks are larger (at a
	 * province 2,500 files a chunk accepted a month in 3.0 s against 3.5 s with 1,000)
	 * @param issuesPerFlagSlice issues whose ladder flags are reconciled together (whole
	 * villages): a nation's month is 4.9 million issues and about 445,000 flags, which
	 * with their messages do not fit -Xmx512m at once
	 */
	public record Batch(@DefaultValue("250") int filesPerChunk, @DefaultValue("0") int threads,
			@DefaultValue("2500") int acceptFilesPerChunk, @DefaultValue("20000") int issuesPerFlagSlice) {

		public int effectiveThreads() {
			return effectiveThreads(this.threads);
		}

		/** The configured partitions, or one per processor when 0. */
		public static int effectiveThreads(int configured) {
			return (configured > 0) ? configured : Runtime.getRuntime().availableProcessors();
		}

	}

	/**
	 * @param pollSeconds how often {@code watch} looks at the inbox
	 * @param nightlyCron when the nightly run starts (six fields, Spring cron syntax, in
	 * the county's time zone), even with an empty inbox: it raises the flags of overdue
	 * returns
	 */
	public record Watch(@DefaultValue("10") int pollSeconds, @DefaultValue("0 0 2 * * *") String nightlyCron) {
	}

	/**
	 * @param visitsPerHousehold W-VISITS: HOME_VISITS at most this many times
	 * PAIRED_HOUSEHOLDS
	 * @param minWeeklyMeetings W-WEEKLY: WEEKLY_CASE_MEETINGS at least this many
	 * @param householdsPerCadre W-LOAD: PAIRED_HOUSEHOLDS at most this many times
	 * PAIRED_CADRES
	 */
	public record Rules(@DefaultValue("3") int visitsPerHousehold, @DefaultValue("4") int minWeeklyMeetings,
			@DefaultValue("20") int householdsPerCadre) {
	}

}
