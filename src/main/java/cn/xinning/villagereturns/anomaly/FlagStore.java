package cn.xinning.villagereturns.anomaly;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Makes the stored flags of a period equal what the rules give now: a new flag is
 * inserted OPEN; a flag that still holds keeps its row and its review (CONFIRMED,
 * DISMISSED), with its evidence brought up to date; a flag that no longer holds becomes
 * CLOSED, never deleted.
 */
@Repository
public class FlagStore {

	private final JdbcTemplate jdbc;

	private final MessageSource messages;

	private final java.time.ZoneId county;

	public FlagStore(JdbcTemplate jdbc, MessageSource messages,
			cn.xinning.villagereturns.VillageReturnsProperties properties) {
		this.jdbc = jdbc;
		this.messages = messages;
		this.county = properties.timeZone();
	}

	/**
	 * @param raised flags inserted
	 * @param updated flags that still hold and whose evidence changed
	 * @param closed flags that no longer hold
	 */
	public record Changes(int raised, int updated, int closed) {
	}

	private record Stored(long id, Flag.Key key, String severity, BigDecimal observed, BigDecimal low, BigDecimal high,
			BigDecimal score, int infinity, String messageZh) {
	}

	private record Row(Flag flag, String zh, String en) {

		BigDecimal score() {
			return (this.flag.score() instanceof Score.Finite finite) ? finite.stored() : null;
		}

		int infinity() {
			return (this.flag.score() instanceof Score.Infinite infinite) ? infinite.sign() : 0;
		}

	}

	/**
	 * Makes the stored flags of a period that have no subject (the flags of returns)
	 * equal to {@code flags}, and records that the period was evaluated at the business
	 * time.
	 */
	public Changes apply(YearMonth period, List<Flag> flags, Long runId, LocalDateTime businessTime) {
		Changes changes = reconcile(active(period, "subject = ''", List.of()), flags, runId, businessTime);
		this.jdbc.update("delete from flag_evaluation where period = ?", period.toString());
		this.jdbc.update("insert into flag_evaluation (period, evaluated_as_of) values (?, ?)", period.toString(),
				businessTime);
		return changes;
	}

	/**
	 * Makes the stored flags of the given rules in a period equal to {@code flags}: for a
	 * family of rules evaluated on its own (the issue ledger's), whose flags have a
	 * subject.
	 */
	public Changes apply(YearMonth period, java.util.Collection<String> rules, List<Flag> flags, Long runId,
			LocalDateTime businessTime) {
		return apply(period, rules, CodeRange.ALL, flags, runId, businessTime);
	}

	/**
	 * As {@link #apply(YearMonth, java.util.Collection, List, Long, LocalDateTime)}, for
	 * the flags whose unit's code lies in {@code codes} only: a nation's month holds
	 * about 445,000 issue flags, too many to hold with their messages at -Xmx512m, so
	 * they are reconciled a slice of codes at a time. {@code flags} must lie in the
	 * range; a stored flag of the range that is not among them closes.
	 */
	public Changes apply(YearMonth period, java.util.Collection<String> rules, CodeRange codes, List<Flag> flags,
			Long runId, LocalDateTime businessTime) {
		String in = String.join(", ", java.util.Collections.nCopies(rules.size(), "?"));
		List<Object> arguments = new ArrayList<>(rules);
		String scope = "subject <> '' and rule_code in (" + in + ")" + codes.condition("org_code", arguments);
		return reconcile(active(period, scope, arguments), flags, runId, businessTime);
	}

	/**
	 * Codes after {@code after} (exclusive) through {@code through} (inclusive); an
	 * absent end is open, so consecutive ranges from {@link #ALL}'s ends cover every
	 * code.
	 */
	public record CodeRange(java.util.Optional<String> after, java.util.Optional<String> through) {

		public static final CodeRange ALL = new CodeRange(java.util.Optional.empty(), java.util.Optional.empty());

		/**
		 * {@code " and column > ? and column <= ?"} for the ends present (empty for
		 * {@link #ALL}); their values are added to {@code arguments}.
		 */
		public String condition(String column, List<Object> arguments) {
			StringBuilder condition = new StringBuilder();
			this.after.ifPresent((code) -> {
				condition.append(" and ").append(column).append(" > ?");
				arguments.add(code);
			});
			this.through.ifPresent((code) -> {
				condition.append(" and ").append(column).append(" <= ?");
				arguments.add(code);
			});
			return condition.toString();
		}

	}

	private Changes reconcile(Map<Flag.Key, Stored> active, List<Flag> flags, Long runId, LocalDateTime businessTime) {
		List<Row> inserts = new ArrayList<>();
		List<Object[]> updates = new ArrayList<>();
		for (Flag flag : flags) {
			Row row = new Row(flag, render(flag, Locale.SIMPLIFIED_CHINESE), render(flag, Locale.ENGLISH));
			Stored stored = active.remove(flag.key());
			if (stored == null) {
				inserts.add(row);
			}
			else if (changed(stored, row)) {
				updates.add(new Object[] { flag.severity().name(), flag.observed().orElse(null),
						flag.expectedLow().orElse(null), flag.expectedHigh().orElse(null), row.score(), row.infinity(),
						row.zh(), row.en(), stored.id() });
			}
		}
		this.jdbc.batchUpdate("insert into anomaly_flag (period, org_level, org_code, indicator_code, rule_code,"
				+ " severity, observed, expected_low, expected_high, score, score_infinity, message_zh, message_en,"
				+ " status, raised_run_id, raised_at, subject)"
				+ " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?, ?)", inserts, 500, (ps, row) -> {
					Flag flag = row.flag();
					ps.setString(1, flag.period().toString());
					ps.setString(2, flag.orgLevel());
					ps.setString(3, flag.orgCode());
					ps.setString(4, flag.indicator());
					ps.setString(5, flag.rule());
					ps.setString(6, flag.severity().name());
					ps.setBigDecimal(7, flag.observed().orElse(null));
					ps.setBigDecimal(8, flag.expectedLow().orElse(null));
					ps.setBigDecimal(9, flag.expectedHigh().orElse(null));
					ps.setBigDecimal(10, row.score());
					ps.setInt(11, row.infinity());
					ps.setString(12, cut(row.zh()));
					ps.setString(13, cut(row.en()));
					ps.setObject(14, runId);
					ps.setObject(15, businessTime);
					ps.setString(16, flag.subject());
				});
		this.jdbc.batchUpdate("update anomaly_flag set severity = ?, observed = ?, expected_low = ?, expected_high = ?,"
				+ " score = ?, score_infinity = ?, message_zh = ?, message_en = ? where flag_id = ?", updates);
		// why it closed stays visible on its page: the run that no longer raised it (none
		// for a recompute) and when that happened on the clock
		String closedBy = (runId != null) ? "RUN" : "RECOMPUTE";
		LocalDateTime now = cn.xinning.villagereturns.support.BusinessTime.now(this.county);
		List<Object[]> closes = active.values()
			.stream()
			.map((s) -> new Object[] { businessTime, runId, closedBy, now, s.id() })
			.toList();
		this.jdbc.batchUpdate("update anomaly_flag set status = 'CLOSED', closed_at = ?, closed_run_id = ?,"
				+ " closed_by = ?, closed_recorded_at = ? where flag_id = ?", closes);
		return new Changes(inserts.size(), updates.size(), closes.size());
	}

	private Map<Flag.Key, Stored> active(YearMonth period, String scope, List<Object> scopeArguments) {
		Map<Flag.Key, Stored> active = new HashMap<>();
		List<Object> arguments = new ArrayList<>();
		arguments.add(period.toString());
		arguments.addAll(scopeArguments);
		this.jdbc.query("select flag_id, org_level, org_code, indicator_code, rule_code, severity, observed,"
				+ " expected_low, expected_high, score, score_infinity, message_zh, subject from anomaly_flag"
				+ " where period = ? and status <> 'CLOSED' and " + scope, (rs) -> {
					Flag.Key key = new Flag.Key(period.toString(), rs.getString(2), rs.getString(3), rs.getString(4),
							rs.getString(5), rs.getString(13));
					active.put(key,
							new Stored(rs.getLong(1), key, rs.getString(6), rs.getBigDecimal(7), rs.getBigDecimal(8),
									rs.getBigDecimal(9), rs.getBigDecimal(10), rs.getInt(11), rs.getString(12)));
				}, arguments.toArray());
		return active;
	}

	private static boolean changed(Stored stored, Row row) {
		Flag flag = row.flag();
		return !stored.severity().equals(flag.severity().name())
				|| !same(stored.observed(), flag.observed().orElse(null))
				|| !same(stored.low(), flag.expectedLow().orElse(null))
				|| !same(stored.high(), flag.expectedHigh().orElse(null)) || !same(stored.score(), row.score())
				|| stored.infinity() != row.infinity() || !Objects.equals(stored.messageZh(), cut(row.zh()));
	}

	private static boolean same(BigDecimal a, BigDecimal b) {
		return (a == null || b == null) ? a == b : a.compareTo(b) == 0;
	}

	private String render(Flag flag, Locale locale) {
		return this.messages.getMessage(flag.messageKey(), flag.arguments().toArray(), locale);
	}

	private static String cut(String text) {
		return (text.length() > 1000) ? text.substring(0, 1000) : text;
	}

}
