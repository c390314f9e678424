package cn.xinning.villagereturns.anomaly;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.xinning.villagereturns.VillageReturnsProperties;
import cn.xinning.villagereturns.support.BusinessTime;

/**
 * Lists flags (whole, for the command line; a filtered page, for the console) and records
 * reviews (CONFIRMED or DISMISSED, or back to OPEN, always with a note): the one owner of
 * a flag's review and of its review history ({@code anomaly_flag_review}), whichever
 * channel the review comes from.
 */
@Service
public class AnomalyService {

	/**
	 * Every rule that raises flags (spec sections 7 and 12), in the order lists offer
	 * them.
	 */
	public static final List<String> RULES = List.of(HistoryOutlierRule.CODE, PeerOutlierRule.CODE,
			StockChangeRule.CODE, CopiedReturnRule.CODE, "W-VISITS", "W-WEEKLY", "W-LOAD", ReportingRules.MISSING,
			ReportingRules.LATE, "LATE_ESCALATION_TOWNSHIP", "LATE_ESCALATION_COUNTY", "STALE_ISSUE");

	public static final List<String> STATUSES = List.of("OPEN", "CONFIRMED", "DISMISSED", "CLOSED");

	/** The statuses a review may set. */
	public static final List<String> REVIEW_STATUSES = List.of("CONFIRMED", "DISMISSED", "OPEN");

	public static final List<String> SEVERITIES = List.of("HIGH", "MEDIUM", "LOW");

	/** The longest note kept (the column's width). */
	public static final int NOTE_LENGTH = 1000;

	private static final String COLUMNS = "f.flag_id, f.period, f.org_level, f.org_code, f.indicator_code, f.rule_code,"
			+ " f.severity, f.observed, f.expected_low, f.expected_high, f.score, f.score_infinity, f.status,"
			+ " f.message_zh, f.message_en, f.review_note, f.reviewed_by, f.reviewed_at, f.subject, f.raised_run_id,"
			+ " f.raised_at, f.closed_at, f.closed_run_id, f.closed_by, f.closed_recorded_at,"
			+ " (select min(v.village_name) from village v where v.village_code = f.org_code) as org_name,"
			+ " (select min(v.township_name) from village v where v.village_code = f.org_code) as township_name";

	private final JdbcTemplate jdbc;

	private final VillageReturnsProperties properties;

	public AnomalyService(JdbcTemplate jdbc, VillageReturnsProperties properties) {
		this.jdbc = jdbc;
		this.properties = properties;
	}

	/**
	 * A stored flag.
	 *
	 * @param id its id, for review
	 * @param period the period
	 * @param orgLevel VILLAGE or TOWNSHIP
	 * @param orgCode village or township code
	 * @param orgName its name from the registry
	 * @param indicator indicator code or empty
	 * @param rule rule code
	 * @param severity HIGH, MEDIUM, LOW
	 * @param observed observed value, if any
	 * @param expectedLow expected low, if any
	 * @param expectedHigh expected high, if any
	 * @param score score as exported ({@code inf}, {@code -inf}, a number or empty)
	 * @param status OPEN, CONFIRMED, DISMISSED, CLOSED
	 * @param messageZh explanation in Chinese
	 * @param messageEn explanation in English
	 * @param reviewNote the latest reviewer's note, if any
	 * @param reviewedBy the latest reviewer, if any
	 * @param reviewedAt when it was last reviewed, if it was
	 * @param subject the issue number of a ledger flag, else empty
	 * @param townshipName the village's township, from the registry
	 * @param raisedRunId the run that raised it (none: a recompute)
	 * @param raisedAt the business time it was raised at
	 * @param closure why it closed, when it is CLOSED
	 */
	public record StoredFlag(long id, String period, String orgLevel, String orgCode, String orgName, String indicator,
			String rule, String severity, Optional<BigDecimal> observed, Optional<BigDecimal> expectedLow,
			Optional<BigDecimal> expectedHigh, String score, String status, String messageZh, String messageEn,
			String reviewNote, String reviewedBy, Optional<LocalDateTime> reviewedAt, String subject,
			String townshipName, Optional<Long> raisedRunId, LocalDateTime raisedAt, Optional<Closure> closure) {

		public String message(boolean english) {
			return english ? this.messageEn : this.messageZh;
		}

		/** The first nine digits of a village code: its township. */
		public String townshipCode() {
			return (this.orgCode.length() >= 9) ? this.orgCode.substring(0, 9) : this.orgCode;
		}

		public boolean closed() {
			return "CLOSED".equals(this.status);
		}

	}

	/**
	 * Why a flag is CLOSED: the rules no longer raised it when its period was evaluated
	 * again.
	 *
	 * @param businessTime the business time that evaluation judged at
	 * @param runId the run that evaluated it, or none for a {@code recompute}
	 * @param by RUN or RECOMPUTE; empty when closed before this was recorded
	 * @param recordedAt when it closed, on the clock (unknown for flags closed before
	 * this was recorded)
	 */
	public record Closure(LocalDateTime businessTime, Optional<Long> runId, String by,
			Optional<LocalDateTime> recordedAt) {
	}

	/**
	 * One review of a flag, as kept in its history.
	 *
	 * @param id the review's id
	 * @param flagId the flag
	 * @param statusBefore the flag's status before
	 * @param statusAfter the status the review set (empty for a review made before the
	 * history was kept, whose status was not recorded)
	 * @param note the reviewer's note
	 * @param reviewedBy who
	 * @param reviewedAt when (the county's clock)
	 * @param channel CONSOLE, CLI or EARLIER
	 */
	public record Review(long id, long flagId, String statusBefore, Optional<String> statusAfter, String note,
			String reviewedBy, LocalDateTime reviewedAt, String channel) {
	}

	/** Where a review came from. */
	public enum Channel {

		CONSOLE, CLI

	}

	/**
	 * What the flag list shows: each filter empty for all.
	 *
	 * @param period a period YYYY-MM
	 * @param township a township code (9 digits): its villages' flags
	 * @param rule a rule code
	 * @param severity HIGH, MEDIUM, LOW
	 * @param status OPEN, CONFIRMED, DISMISSED, CLOSED
	 */
	public record Filter(Optional<String> period, Optional<String> township, Optional<String> rule,
			Optional<String> severity, Optional<String> status) {

		public static Filter all() {
			return new Filter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
		}

	}

	/**
	 * @param flags the page, in list order
	 * @param total flags matching
	 */
	public record Page(List<StoredFlag> flags, long total) {
	}

	/** Why a review was refused; nothing of it was recorded. */
	public enum Refusal {

		/** The status is not CONFIRMED, DISMISSED or OPEN. */
		STATUS,
		/** The note is empty: a review must say why. */
		NOTE_REQUIRED,
		/** The note is longer than {@value AnomalyService#NOTE_LENGTH} characters. */
		NOTE_TOO_LONG,
		/** No flag was chosen. */
		NONE,
		/** A flag does not exist. */
		NOT_FOUND,
		/** A flag is CLOSED: it no longer holds, there is nothing to review. */
		CLOSED,
		/** A flag is outside the reviewer's township. */
		TOWNSHIP

	}

	/**
	 * A refused review, with the flags it is about; its message is bilingual (the command
	 * line prints it), the console renders its own from {@link #refusal()}.
	 */
	public static final class ReviewRefusedException extends IllegalArgumentException {

		private static final long serialVersionUID = 1L;

		private final Refusal refusal;

		private final List<Long> flags;

		ReviewRefusedException(Refusal refusal, List<Long> flags, String message) {
			super(message);
			this.refusal = refusal;
			this.flags = List.copyOf(flags);
		}

		public Refusal refusal() {
			return this.refusal;
		}

		public List<Long> flags() {
			return this.flags;
		}

	}

	/** Flags of a period (or all), of a status (or all), in export order. */
	public List<StoredFlag> list(Optional<String> period, Optional<String> status) {
		List<Object> args = new ArrayList<>();
		StringBuilder where = new StringBuilder(" where 1 = 1");
		period.ifPresent((p) -> {
			where.append(" and f.period = ?");
			args.add(p);
		});
		status.ifPresent((s) -> {
			where.append(" and f.status = ?");
			args.add(s.toUpperCase(Locale.ROOT));
		});
		List<StoredFlag> flags = this.jdbc.query(
				"select " + COLUMNS + " from anomaly_flag f" + where + " order by f.period, f.org_level, f.org_code",
				this::flag, args.toArray());
		List<StoredFlag> sorted = new ArrayList<>(flags);
		sorted.sort(java.util.Comparator.comparing(StoredFlag::period)
			.thenComparing(StoredFlag::orgLevel)
			.thenComparing(StoredFlag::orgCode)
			.thenComparing(StoredFlag::indicator)
			.thenComparing(StoredFlag::rule)
			.thenComparing(StoredFlag::subject)
			.thenComparingLong(StoredFlag::id));
		return sorted;
	}

	/**
	 * A page of the flags matching the filter, latest period first, then by organisation,
	 * rule and indicator: counted and cut in SQL (indexes of V51), the page's flags then
	 * read whole.
	 */
	public Page page(Filter filter, int offset, int limit) {
		StringBuilder where = new StringBuilder(" where 1 = 1");
		List<Object> args = new ArrayList<>();
		filter.period().ifPresent((p) -> {
			where.append(" and period = ?");
			args.add(p);
		});
		filter.status().ifPresent((s) -> {
			where.append(" and status = ?");
			args.add(s);
		});
		filter.severity().ifPresent((s) -> {
			where.append(" and severity = ?");
			args.add(s);
		});
		filter.rule().ifPresent((r) -> {
			where.append(" and rule_code = ?");
			args.add(r);
		});
		filter.township().ifPresent((t) -> {
			where.append(" and org_code like ?");
			args.add(t.replace("%", "").replace("_", "") + "%");
		});
		Long total = this.jdbc.queryForObject("select count(*) from anomaly_flag" + where, Long.class, args.toArray());
		List<Object> pageArgs = new ArrayList<>(args);
		pageArgs.add(limit);
		pageArgs.add(offset);
		String order = "period desc, org_code, rule_code, indicator_code, flag_id";
		List<StoredFlag> flags = this.jdbc.query(
				"select " + COLUMNS + " from (select flag_id from anomaly_flag" + where + " order by " + order
						+ " limit ? offset ?) p join anomaly_flag f on f.flag_id = p.flag_id"
						+ " order by f.period desc, f.org_code, f.rule_code, f.indicator_code, f.flag_id",
				this::flag, pageArgs.toArray());
		return new Page(flags, (total != null) ? total : 0);
	}

	/** One flag. */
	public Optional<StoredFlag> find(long id) {
		return this.jdbc.query("select " + COLUMNS + " from anomaly_flag f where f.flag_id = ?", this::flag, id)
			.stream()
			.findFirst();
	}

	/** Every review of the flag, oldest first. */
	public List<Review> reviews(long flagId) {
		return this.jdbc.query(
				"select review_id, flag_id, status_before, status_after, note, reviewed_by, reviewed_at, channel"
						+ " from anomaly_flag_review where flag_id = ? order by review_id",
				(rs, n) -> new Review(rs.getLong(1), rs.getLong(2), rs.getString(3),
						Optional.ofNullable(rs.getString(4)), rs.getString(5), rs.getString(6),
						rs.getObject(7, LocalDateTime.class), rs.getString(8)),
				flagId);
	}

	/**
	 * Records a review from the command line. A CLOSED flag no longer holds and cannot be
	 * reviewed; a reviewed flag may be set back to OPEN.
	 */
	@Transactional
	public StoredFlag review(long id, String status, String note, String reviewer) {
		return review(List.of(id), status, note, reviewer, Optional.empty(), Channel.CLI).get(0);
	}

	/**
	 * Records one review of each flag, all or none: each flag's status and latest review
	 * are set and a row is added to its history. Refused as a whole when the status is
	 * not CONFIRMED, DISMISSED or OPEN, the note is empty or too long, or any flag is
	 * missing, CLOSED or (for a reviewer limited to a township) another township's. A
	 * flag that closes while this runs is refused too: its update finds it CLOSED.
	 * @param ids the flags, each at most once
	 * @param township the reviewer's township limit, if any
	 * @return the flags as they are now, in the order given
	 */
	@Transactional
	public List<StoredFlag> review(List<Long> ids, String status, String note, String reviewer,
			Optional<String> township, Channel channel) {
		String target = (status != null) ? status.strip().toUpperCase(Locale.ROOT) : "";
		if (!REVIEW_STATUSES.contains(target)) {
			throw new ReviewRefusedException(Refusal.STATUS, ids,
					"状态只能是 CONFIRMED、DISMISSED 或 OPEN / status must be CONFIRMED, DISMISSED or OPEN");
		}
		String text = (note != null) ? note.strip() : "";
		if (text.isEmpty()) {
			throw new ReviewRefusedException(Refusal.NOTE_REQUIRED, ids, "审核必须写明理由 / a review needs a note saying why");
		}
		if (text.length() > NOTE_LENGTH) {
			throw new ReviewRefusedException(Refusal.NOTE_TOO_LONG, ids,
					"理由最多 " + NOTE_LENGTH + " 个字 / a note has at most " + NOTE_LENGTH + " characters");
		}
		List<Long> unique = List.copyOf(new LinkedHashSet<>(ids));
		if (unique.isEmpty()) {
			throw new ReviewRefusedException(Refusal.NONE, unique, "没有选择预警 / no flag chosen");
		}
		String in = String.join(", ", Collections.nCopies(unique.size(), "?"));
		Map<Long, String[]> current = new java.util.HashMap<>();
		this.jdbc.query("select flag_id, status, org_code from anomaly_flag where flag_id in (" + in + ")",
				(org.springframework.jdbc.core.RowCallbackHandler) (rs) -> current.put(rs.getLong(1),
						new String[] { rs.getString(2), rs.getString(3) }),
				unique.toArray());
		List<Long> missing = unique.stream().filter((id) -> !current.containsKey(id)).toList();
		if (!missing.isEmpty()) {
			throw new ReviewRefusedException(Refusal.NOT_FOUND, missing,
					"没有编号为 " + ids(missing) + " 的预警 / there is no flag " + ids(missing));
		}
		List<Long> outside = unique.stream()
			.filter((id) -> township.map((t) -> !current.get(id)[1].startsWith(t)).orElse(false))
			.toList();
		if (!outside.isEmpty()) {
			throw new ReviewRefusedException(Refusal.TOWNSHIP, outside, "预警 " + ids(outside) + " 不属于乡镇 "
					+ township.get() + "，不能审核 / flag " + ids(outside) + " is outside township " + township.get());
		}
		List<Long> closed = unique.stream().filter((id) -> "CLOSED".equals(current.get(id)[0])).toList();
		if (!closed.isEmpty()) {
			throw closedRefusal(closed);
		}
		LocalDateTime now = BusinessTime.now(this.properties.timeZone());
		String by = (reviewer.length() > 100) ? reviewer.substring(0, 100) : reviewer;
		List<Long> lost = new ArrayList<>();
		for (Long id : unique) {
			// not CLOSED in the same statement: a run closing it meanwhile wins
			int updated = this.jdbc
				.update("update anomaly_flag set status = ?, review_note = ?, reviewed_by = ?, reviewed_at = ?"
						+ " where flag_id = ? and status <> 'CLOSED'", target, text, by, now, id);
			if (updated == 0) {
				lost.add(id);
			}
		}
		if (!lost.isEmpty()) {
			throw closedRefusal(lost);
		}
		this.jdbc.batchUpdate(
				"insert into anomaly_flag_review (flag_id, status_before, status_after, note, reviewed_by,"
						+ " reviewed_at, channel) values (?, ?, ?, ?, ?, ?, ?)",
				unique.stream()
					.map((id) -> new Object[] { id, current.get(id)[0], target, text, by, now, channel.name() })
					.toList());
		Map<Long, StoredFlag> after = this.jdbc
			.query("select " + COLUMNS + " from anomaly_flag f where f.flag_id in (" + in + ")", this::flag,
					unique.toArray())
			.stream()
			.collect(Collectors.toMap(StoredFlag::id, Function.identity()));
		return unique.stream().map(after::get).toList();
	}

	private static ReviewRefusedException closedRefusal(List<Long> closed) {
		return new ReviewRefusedException(Refusal.CLOSED, closed,
				"预警 " + ids(closed) + " 已关闭（数据更正后不再成立），无需审核 / flag " + ids(closed) + " is CLOSED: it no longer holds");
	}

	private static String ids(List<Long> ids) {
		return ids.stream().map(String::valueOf).collect(Collectors.joining(", "));
	}

	private StoredFlag flag(ResultSet rs, int row) throws SQLException {
		Optional<Closure> closure = Optional.empty();
		if ("CLOSED".equals(rs.getString("status")) && rs.getObject("closed_at", LocalDateTime.class) != null) {
			closure = Optional.of(new Closure(rs.getObject("closed_at", LocalDateTime.class),
					Optional.ofNullable(rs.getObject("closed_run_id", Long.class)), nonNull(rs.getString("closed_by")),
					Optional.ofNullable(rs.getObject("closed_recorded_at", LocalDateTime.class))));
		}
		return new StoredFlag(rs.getLong("flag_id"), rs.getString("period"), rs.getString("org_level"),
				rs.getString("org_code"), nonNull(rs.getString("org_name")), rs.getString("indicator_code"),
				rs.getString("rule_code"), rs.getString("severity"), Optional.ofNullable(rs.getBigDecimal("observed")),
				Optional.ofNullable(rs.getBigDecimal("expected_low")),
				Optional.ofNullable(rs.getBigDecimal("expected_high")),
				scoreText(rs.getBigDecimal("score"), rs.getInt("score_infinity")), rs.getString("status"),
				rs.getString("message_zh"), rs.getString("message_en"), nonNull(rs.getString("review_note")),
				nonNull(rs.getString("reviewed_by")),
				Optional.ofNullable(rs.getObject("reviewed_at", LocalDateTime.class)), nonNull(rs.getString("subject")),
				nonNull(rs.getString("township_name")), Optional.ofNullable(rs.getObject("raised_run_id", Long.class)),
				rs.getObject("raised_at", LocalDateTime.class), closure);
	}

	static String scoreText(BigDecimal score, int infinity) {
		if (infinity != 0) {
			return (infinity < 0) ? "-inf" : "inf";
		}
		return (score != null) ? cn.xinning.villagereturns.support.Numbers.format(score) : "";
	}

	private static String nonNull(String text) {
		return (text != null) ? text : "";
	}

}
