package cn.xinning.villagereturns.reporting;

import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.xinning.villagereturns.VillageReturnsProperties;
import cn.xinning.villagereturns.support.DueDates;

/**
 * Completeness village by village: which villages of a county or township are on time,
 * late, missing or not expected in a period, by the rules that count the figures of
 * {@code completeness.csv} ({@link CompletenessTable}): expected = a registry row valid
 * in the period, received = a return in force, on time = its first accepted return came
 * by the due date ({@link DueDates}). The states of a township's villages therefore add
 * up to its row of the export while the figures are up to date; {@link #agrees} tells
 * when they are not (a registry reloaded or a run that failed before aggregating).
 *
 * <p>
 * Every read is one set-based query over a range of village codes (a county is a few
 * hundred villages; a province's chase list 25,000), never a query per village.
 */
@Component
public class CompletenessVillages {

	/** What a village's cell shows. */
	public enum State {

		/** Its first accepted return came by the due date. */
		ON_TIME,
		/** It has a return in force, first received after the due date. */
		LATE,
		/** Valid in the period, no accepted return: not zero, nothing came. */
		MISSING,
		/**
		 * Not valid in the period (merged, split, not yet created): nothing is expected.
		 */
		NOT_EXPECTED

	}

	/**
	 * One village in one period.
	 *
	 * @param villageCode 12 digits
	 * @param villageName its name (the registry row valid in the period, else its latest)
	 * @param townshipCode 9 digits
	 * @param townshipName the township's name
	 * @param households registered households
	 * @param state on time, late, missing or not expected
	 * @param firstReceived when its first accepted return for the period came (empty when
	 * none)
	 */
	public record Village(String villageCode, String villageName, String townshipCode, String townshipName,
			int households, State state, Optional<LocalDateTime> firstReceived) {

		public boolean chased() {
			return this.state == State.MISSING || this.state == State.LATE;
		}

	}

	/**
	 * A line of the chase list: a missing or late village and its last accepted return.
	 *
	 * @param village the village
	 * @param lastPeriod the latest period up to the chosen one with a return in force
	 * (the period itself for a late village; empty if it never reported)
	 * @param lastReceived when that period's first accepted return came
	 */
	public record Chase(Village village, Optional<YearMonth> lastPeriod, Optional<LocalDateTime> lastReceived) {
	}

	/** Counts of a group of villages' states. */
	public record Tally(int onTime, int late, int missing, int notExpected) {

		public int received() {
			return this.onTime + this.late;
		}

		public int expected() {
			return this.onTime + this.late + this.missing;
		}

	}

	private final JdbcClient jdbc;

	private final DueDates dueDates;

	public CompletenessVillages(JdbcClient jdbc, VillageReturnsProperties properties) {
		this.jdbc = jdbc;
		this.dueDates = new DueDates(properties.dueDay());
	}

	/**
	 * Every village of the registry whose code starts with the prefix (a county's 6 or a
	 * township's 9 digits; empty for all), in township then village order.
	 */
	public List<Village> villages(YearMonth period, String codePrefix) {
		String p = period.toString();
		// a village may have several registry rows (a merge or split changed it): the one
		// valid in the period comes first, else the latest
		Map<String, Village> byCode = new LinkedHashMap<>();
		this.jdbc.sql("select v.village_code, v.village_name, v.township_code, v.township_name, v.households,"
				+ " case when (v.valid_from is null or v.valid_from <= ?) and (v.valid_to is null or v.valid_to >= ?)"
				+ " then 1 else 0 end as valid, c.first_received_at from village v left join current_return c"
				+ " on c.village_code = v.village_code and c.period = ? where v.village_code between ? and ?"
				+ " order by v.township_code, v.village_code, valid desc, coalesce(v.valid_from, '0000-00') desc")
			.params(p, p, p, low(codePrefix), high(codePrefix))
			.query((rs) -> {
				String code = rs.getString(1);
				if (byCode.containsKey(code)) {
					return;
				}
				Optional<LocalDateTime> first = Optional.ofNullable(rs.getObject(7, LocalDateTime.class));
				State state;
				if (rs.getInt(6) == 0) {
					state = State.NOT_EXPECTED;
				}
				else if (first.isEmpty()) {
					state = State.MISSING;
				}
				else {
					state = this.dueDates.isOnTime(period, first.get()) ? State.ON_TIME : State.LATE;
				}
				byCode.put(code, new Village(code, rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
						state, first));
			});
		return new ArrayList<>(byCode.values());
	}

	/**
	 * The missing and late villages of the prefix in the period, in township then village
	 * order, each with its last accepted return up to the period.
	 */
	public List<Chase> chaseList(YearMonth period, String codePrefix) {
		List<Village> chased = villages(period, codePrefix).stream().filter(Village::chased).toList();
		// a late village's last return is the period's own (it has one in force, first
		// received late); only the missing ones need an earlier period, so only theirs
		// are looked up: reading the scope's whole current_return (at a province 25,000
		// villages x every month) was most of the chase list's time
		List<String> missing = chased.stream()
			.filter((v) -> v.state() == State.MISSING)
			.map(Village::villageCode)
			.toList();
		Map<String, Object[]> last = new HashMap<>();
		// per village its latest period up to the chosen one, found in the primary key
		// (village, period): one row a village, where reading every month of each was 13
		// rows a village at a province. A few missing villages are named; many (a whole
		// province unreported) are the scope's range, one statement either way
		String latest = " and c.period = (select max(p.period) from current_return p"
				+ " where p.village_code = c.village_code and p.period <= ?)";
		List<List<Object>> statements = new ArrayList<>();
		if (missing.size() > CHUNK * 4) {
			statements.add(List.of(low(codePrefix), high(codePrefix), period.toString()));
		}
		else {
			for (int from = 0; from < missing.size(); from += CHUNK) {
				List<Object> params = new ArrayList<>(missing.subList(from, Math.min(missing.size(), from + CHUNK)));
				params.add(period.toString());
				statements.add(params);
			}
		}
		for (List<Object> params : statements) {
			String which = (missing.size() > CHUNK * 4) ? "c.village_code between ? and ?" : "c.village_code in ("
					+ String.join(",", java.util.Collections.nCopies(params.size() - 1, "?")) + ")";
			this.jdbc
				.sql("select c.village_code, c.period, c.first_received_at from current_return c where " + which
						+ latest)
				.params(params)
				.query((rs) -> {
					last.put(rs.getString(1),
							new Object[] { YearMonth.parse(rs.getString(2)), rs.getObject(3, LocalDateTime.class) });
				});
		}
		List<Chase> chase = new ArrayList<>();
		for (Village village : chased) {
			if (village.state() == State.LATE) {
				chase.add(new Chase(village, Optional.of(period), village.firstReceived()));
				continue;
			}
			Object[] found = last.get(village.villageCode());
			chase.add(new Chase(village, Optional.ofNullable((found != null) ? (YearMonth) found[0] : null),
					Optional.ofNullable((found != null) ? (LocalDateTime) found[1] : null)));
		}
		return chase;
	}

	/** Villages named per statement of {@link #chaseList}. */
	private static final int CHUNK = 500;

	/** Counts the states of the villages. */
	public static Tally tally(List<Village> villages) {
		int onTime = 0;
		int late = 0;
		int missing = 0;
		int notExpected = 0;
		for (Village village : villages) {
			switch (village.state()) {
				case ON_TIME -> onTime++;
				case LATE -> late++;
				case MISSING -> missing++;
				case NOT_EXPECTED -> notExpected++;
			}
		}
		return new Tally(onTime, late, missing, notExpected);
	}

	/**
	 * Whether the villages' states add up to the figures: on time + late = received, on
	 * time = on time, on time + late + missing = expected. Figures that are absent count
	 * as nothing expected.
	 */
	public static boolean agrees(Tally tally, Optional<CompletenessTable.Figures> figures) {
		int expected = figures.map(CompletenessTable.Figures::expected).orElse(0);
		int received = figures.map(CompletenessTable.Figures::received).orElse(0);
		int onTime = figures.map(CompletenessTable.Figures::onTime).orElse(0);
		return tally.expected() == expected && tally.received() == received && tally.onTime() == onTime;
	}

	/** The township codes and names of the prefix, by code (from the registry). */
	public Map<String, String> townshipNames(String codePrefix) {
		Map<String, String> names = new LinkedHashMap<>();
		this.jdbc
			.sql("select township_code, min(township_name) from village where village_code between ? and ?"
					+ " group by township_code order by township_code")
			.params(low(codePrefix), high(codePrefix))
			.query((rs) -> {
				names.put(rs.getString(1), rs.getString(2));
			});
		return names;
	}

	/** A county's name where the installation knows it, else its code. */
	public static String countyName(String countyCode) {
		return ReportFigures.countyName(countyCode);
	}

	// a range of the 12-digit code rather than LIKE: both databases read it from the
	// index on village_code whatever the driver does with the parameter
	private static String low(String prefix) {
		return (prefix + "000000000000").substring(0, 12);
	}

	private static String high(String prefix) {
		return (prefix + "999999999999").substring(0, 12);
	}

}
