package cn.xinning.villagereturns.ledger;

import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import cn.xinning.villagereturns.anomaly.Flag;
import cn.xinning.villagereturns.anomaly.FlagStore;
import cn.xinning.villagereturns.reference.ReferenceData;
import cn.xinning.villagereturns.support.PeriodLocks;
import cn.xinning.villagereturns.support.StreamingJdbc;
import cn.xinning.villagereturns.reference.Village;
import cn.xinning.villagereturns.reference.VillageRegistry;

/**
 * Keeps the ladder's flags equal to the rules over the issues in force at a business
 * time. The late flags depend on an issue's dates only, so a month is re-evaluated whole
 * when its issues changed; STALE_ISSUE also depends on the date, so every run re-judges
 * the OPEN issues (and the STALE flags still open) of every month: an issue ages into
 * STALE without a new file, and a run with an earlier business time closes what is not
 * yet 30 days old.
 */
@Service
public class IssueFlagEvaluator {

	private static final Logger log = LoggerFactory.getLogger(IssueFlagEvaluator.class);

	/**
	 * Issues whose flags are reconciled together (village-returns.batch
	 * .issues-per-flag-slice): a slice's flags, with their zh and en messages and the
	 * stored flags they are compared with, stay a few tens of MiB.
	 */
	private final int slice;

	private final JdbcTemplate jdbc;

	private final FlagStore store;

	private final ReferenceData referenceData;

	private final PeriodLocks locks;

	/**
	 * Streams a month's issues row by row (MySQL Connector/J would read them all first).
	 */
	private final StreamingJdbc streaming;

	public IssueFlagEvaluator(JdbcTemplate jdbc, StreamingJdbc streaming, FlagStore store, ReferenceData referenceData,
			PeriodLocks locks, cn.xinning.villagereturns.VillageReturnsProperties properties) {
		this.slice = properties.batch().issuesPerFlagSlice();
		this.locks = locks;
		this.jdbc = jdbc;
		this.streaming = streaming;
		this.store = store;
		this.referenceData = referenceData;
	}

	/** Months to re-evaluate whole (true) or for STALE_ISSUE only (false), in order. */
	public TreeMap<YearMonth, Boolean> plan(List<YearMonth> changed) {
		TreeMap<YearMonth, Boolean> plan = new TreeMap<>();
		TreeSet<String> aging = new TreeSet<>(
				this.jdbc.queryForList("select distinct period from ledger_issue where status = 'OPEN'", String.class));
		aging.addAll(this.jdbc.queryForList(
				"select distinct period from anomaly_flag where rule_code = ?" + " and status <> 'CLOSED'",
				String.class, IssueFlagRules.STALE_ISSUE));
		aging.forEach((p) -> plan.put(YearMonth.parse(p), false));
		changed.forEach((p) -> plan.put(p, true));
		return plan;
	}

	/** The months whose issues a run changed. */
	public List<YearMonth> changedBy(long runId) {
		return this.jdbc
			.queryForList("select period from ledger_run_period where run_id = ? order by period", String.class, runId)
			.stream()
			.map(YearMonth::parse)
			.toList();
	}

	/**
	 * Re-evaluates one month; the caller's transaction makes it all or nothing.
	 * @param whole every rule, or STALE_ISSUE only
	 */
	public FlagStore.Changes evaluate(YearMonth period, boolean whole, LocalDateTime businessTime, Long runId) {
		// the period's flags have one writer at a time, in any process (the returns' flag
		// step of the same period takes the same lock)
		this.locks.lock(period);
		// a run evaluates many months: the registry is read again only when its file
		// changed
		VillageRegistry registry = this.referenceData.recent().registry();
		List<String> rules = whole ? IssueFlagRules.ALL : List.of(IssueFlagRules.STALE_ISSUE);
		String selection = whole ? "" : " and status = 'OPEN'";
		int held = 0;
		int raised = 0;
		int updated = 0;
		int closed = 0;
		for (FlagStore.CodeRange codes : slices(period, selection)) {
			List<Flag> flags = new ArrayList<>();
			List<Object> arguments = new ArrayList<>(List.of(period.toString()));
			String sql = "select village_code, issue_no, raised_on, category, status, escalated_township_on,"
					+ " escalated_county_on, resolved_on from ledger_issue where period = ?" + selection
					+ codes.condition("village_code", arguments);
			// streamed: a nation's month is 4.9 million issues, and the driver's copy of
			// them all ran a run out of memory at -Xmx512m; the handler only reads (the
			// connection, the transaction's, runs nothing else until the rows are read)
			this.streaming.query(sql, (rs) -> {
				LedgerIssue issue = AcceptLedgerRowsWriter.issue(rs);
				String name = registry.validIn(issue.villageCode(), period)
					.or(() -> registry.anyLine(issue.villageCode()))
					.map(Village::name)
					.orElse(issue.villageCode());
				flags.addAll(IssueFlagRules.flags(issue, name, businessTime.toLocalDate(), !whole));
			}, arguments.toArray());
			FlagStore.Changes changes = this.store.apply(period, rules, codes, flags, runId, businessTime);
			held += flags.size();
			raised += changes.raised();
			updated += changes.updated();
			closed += changes.closed();
		}
		log.info("Issue flags of {} at {} ({}): {} hold, {} raised, {} updated, {} closed", period, businessTime,
				whole ? "all rules" : "stale only", held, raised, updated, closed);
		return new FlagStore.Changes(raised, updated, closed);
	}

	/**
	 * Consecutive ranges of village codes, each holding about {@link #slice} of the
	 * month's selected issues, that together cover every code: a flag stored for a
	 * village with no issue left falls in one of them and closes. The flags of a
	 * village's issues are reconciled in one slice, so one village's flags never split.
	 */
	List<FlagStore.CodeRange> slices(YearMonth period, String selection) {
		List<FlagStore.CodeRange> slices = new ArrayList<>();
		String[] after = { null };
		long[] count = { 0 };
		// one row per village, read as it comes: the bounds are all that is kept
		this.streaming.query("select village_code, count(*) from ledger_issue where period = ?" + selection
				+ " group by village_code order by village_code", (rs) -> {
					count[0] += rs.getLong(2);
					if (count[0] >= this.slice) {
						String through = rs.getString(1);
						slices.add(new FlagStore.CodeRange(Optional.ofNullable(after[0]), Optional.of(through)));
						after[0] = through;
						count[0] = 0;
					}
				}, period.toString());
		slices.add(new FlagStore.CodeRange(Optional.ofNullable(after[0]), Optional.empty()));
		return slices;
	}

	/** Every month of the plan; returns how many flags changed. */
	public int evaluate(TreeMap<YearMonth, Boolean> plan, LocalDateTime businessTime, Long runId) {
		int changed = 0;
		for (var month : plan.entrySet()) {
			FlagStore.Changes changes = evaluate(month.getKey(), month.getValue(), businessTime, runId);
			changed += changes.raised() + changes.updated() + changes.closed();
		}
		return changed;
	}

}
