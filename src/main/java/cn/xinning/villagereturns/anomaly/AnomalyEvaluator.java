package cn.xinning.villagereturns.anomaly;

import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import cn.xinning.villagereturns.VillageReturnsProperties;
import cn.xinning.villagereturns.reference.ReferenceData;
import cn.xinning.villagereturns.support.DueDates;
import cn.xinning.villagereturns.support.PeriodLocks;

/**
 * Keeps the flags equal to what the rules give over the accepted data: decides which
 * periods a change makes stale and re-evaluates each of them whole (every village, every
 * rule).
 */
@Service
public class AnomalyEvaluator {

	private static final Logger log = LoggerFactory.getLogger(AnomalyEvaluator.class);

	private final JdbcTemplate jdbc;

	private final ReferenceData referenceData;

	private final FlagDetector detector;

	private final FlagStore store;

	private final AnomalyProperties anomaly;

	private final VillageReturnsProperties properties;

	private final DueDates dueDates;

	private final PeriodLocks periodLocks;

	public AnomalyEvaluator(JdbcTemplate jdbc, ReferenceData referenceData, FlagDetector detector, FlagStore store,
			AnomalyProperties anomaly, VillageReturnsProperties properties, PeriodLocks periodLocks) {
		this.jdbc = jdbc;
		this.periodLocks = periodLocks;
		this.referenceData = referenceData;
		this.detector = detector;
		this.store = store;
		this.anomaly = anomaly;
		this.properties = properties;
		this.dueDates = new DueDates(properties.dueDay());
	}

	/**
	 * The periods whose flags are stale: those touched; the next twelve with data after
	 * each (their history changed); and those whose due date has passed at the business
	 * time since they were last evaluated (missing returns are now overdue).
	 */
	public List<YearMonth> periodsToEvaluate(Collection<YearMonth> touched, LocalDateTime businessTime) {
		TreeSet<YearMonth> periods = new TreeSet<>(touched);
		List<YearMonth> withData = this.jdbc
			.queryForList("select distinct period from current_return order by period", String.class)
			.stream()
			.map(YearMonth::parse)
			.toList();
		for (YearMonth period : touched) {
			YearMonth last = period.plusMonths(this.anomaly.historyMonths());
			withData.stream().filter((p) -> p.isAfter(period) && !p.isAfter(last)).forEach(periods::add);
		}
		java.util.Map<String, LocalDateTime> evaluated = new java.util.HashMap<>();
		this.jdbc.query("select period, evaluated_as_of from flag_evaluation",
				(org.springframework.jdbc.core.RowCallbackHandler) (rs) -> evaluated.put(rs.getString(1),
						rs.getObject(2, LocalDateTime.class)));
		for (YearMonth period : withData) {
			LocalDateTime due = this.dueDates.dueOf(period);
			LocalDateTime last = evaluated.get(period.toString());
			if (businessTime.isAfter(due) && (last == null || !last.isAfter(due))) {
				periods.add(period);
			}
		}
		return List.copyOf(periods);
	}

	/** Re-evaluates one period; the caller's transaction makes it all or nothing. */
	public FlagStore.Changes evaluate(YearMonth period, LocalDateTime businessTime, Long runId) {
		// another process may be writing the period: wait for it, hold it until commit
		this.periodLocks.lock(period);
		ReferenceData.Snapshot reference = this.referenceData.current();
		boolean hasReturns = Boolean.TRUE.equals(this.jdbc.queryForObject(
				"select case when exists (select 1 from current_return where period = ?) then true else false end",
				Boolean.class, period.toString()));
		RuleContext context = new RuleContext(period, hasReturns, businessTime, reference.catalogue(), this.anomaly,
				this.properties.rules(), this.dueDates);
		List<Flag> flags = this.detector.detect(context, reference.registry());
		FlagStore.Changes changes = this.store.apply(period, flags, runId, businessTime);
		log.info("Flags of {} at {}: {} hold, {} raised, {} updated, {} closed", period, businessTime, flags.size(),
				changes.raised(), changes.updated(), changes.closed());
		return changes;
	}

	/**
	 * The latest business time of any run: what a recompute judges overdue returns by.
	 */
	public LocalDateTime latestBusinessTime() {
		LocalDateTime latest = this.jdbc.queryForObject("select max(as_of) from ingest_run", LocalDateTime.class);
		return (latest != null) ? latest
				: cn.xinning.villagereturns.support.BusinessTime.now(this.properties.timeZone());
	}

}
