package cn.xinning.villagereturns.anomaly;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.xinning.villagereturns.VillageReturnsProperties;
import cn.xinning.villagereturns.support.BusinessTime;

/**
 * Lists flags and records reviews (CONFIRMED or DISMISSED, with a note, who and when).
 */
@Service
public class AnomalyService {

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
	 * @param reviewNote the reviewer's note, if any
	 * @param reviewedBy the reviewer, if any
	 * @param reviewedAt when it was reviewed, if it was
	 */
	public record StoredFlag(long id, String period, String orgLevel, String orgCode, String orgName, String indicator,
			String rule, String severity, Optional<BigDecimal> observed, Optional<BigDecimal> expectedLow,
			Optional<BigDecimal> expectedHigh, String score, String status, String messageZh, String messageEn,
			String reviewNote, String reviewedBy, Optional<LocalDateTime> reviewedAt) {

		public String message(boolean english) {
			return english ? this.messageEn : this.messageZh;
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
				"select f.*, (select min(v.village_name) from village v"
						+ " where v.village_code = f.org_code) as org_name from anomaly_flag f" + where
						+ " order by f.period, f.org_level, f.org_code",
				(rs, n) -> new StoredFlag(rs.getLong("flag_id"), rs.getString("period"), rs.getString("org_level"),
						rs.getString("org_code"), nonNull(rs.getString("org_name")), rs.getString("indicator_code"),
						rs.getString("rule_code"), rs.getString("severity"),
						Optional.ofNullable(rs.getBigDecimal("observed")),
						Optional.ofNullable(rs.getBigDecimal("expected_low")),
						Optional.ofNullable(rs.getBigDecimal("expected_high")),
						scoreText(rs.getBigDecimal("score"), rs.getInt("score_infinity")), rs.getString("status"),
						rs.getString("message_zh"), rs.getString("message_en"), nonNull(rs.getString("review_note")),
						nonNull(rs.getString("reviewed_by")),
						Optional.ofNullable(rs.getObject("reviewed_at", LocalDateTime.class))),
				args.toArray());
		List<StoredFlag> sorted = new ArrayList<>(flags);
		sorted.sort(java.util.Comparator.comparing(StoredFlag::period)
			.thenComparing(StoredFlag::orgLevel)
			.thenComparing(StoredFlag::orgCode)
			.thenComparing(StoredFlag::indicator)
			.thenComparing(StoredFlag::rule)
			.thenComparingLong(StoredFlag::id));
		return sorted;
	}

	/**
	 * Records a review. A CLOSED flag no longer holds and cannot be reviewed; a reviewed
	 * flag may be set back to OPEN.
	 */
	@Transactional
	public StoredFlag review(long id, String status, String note, String reviewer) {
		String target = status.toUpperCase(Locale.ROOT);
		if (!List.of("CONFIRMED", "DISMISSED", "OPEN").contains(target)) {
			throw new IllegalArgumentException(
					"状态只能是 CONFIRMED、DISMISSED 或 OPEN / status must be CONFIRMED, DISMISSED or OPEN");
		}
		List<String> current = this.jdbc.queryForList("select status from anomaly_flag where flag_id = ?", String.class,
				id);
		if (current.isEmpty()) {
			throw new IllegalArgumentException("没有编号为 " + id + " 的预警 / there is no flag " + id);
		}
		if (current.get(0).equals("CLOSED")) {
			throw new IllegalArgumentException(
					"预警 " + id + " 已关闭（数据更正后不再成立），无需审核 / flag " + id + " is CLOSED: it no longer holds");
		}
		this.jdbc.update(
				"update anomaly_flag set status = ?, review_note = ?, reviewed_by = ?, reviewed_at = ?"
						+ " where flag_id = ?",
				target, note, reviewer, BusinessTime.now(this.properties.timeZone()), id);
		return list(Optional.empty(), Optional.empty()).stream().filter((f) -> f.id() == id).findFirst().orElseThrow();
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
