package cn.xinning.villagereturns.aggregation;

import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.xinning.villagereturns.anomaly.AnomalyEvaluator;
import cn.xinning.villagereturns.ledger.IssueFlagEvaluator;
import cn.xinning.villagereturns.reference.ReferenceData;

/**
 * {@code recompute --period P}: the figures of a period from the accepted data, with the
 * reference data as configured now (a new registry takes effect here). Idempotent.
 */
@Service
public class RecomputeService {

	private final ReferenceData referenceData;

	private final AggregationPlan plan;

	private final Aggregator aggregator;

	private final TransactionTemplate transaction;

	private final AnomalyEvaluator anomalies;

	private final IssueFlagEvaluator issueFlags;

	public RecomputeService(ReferenceData referenceData, AggregationPlan plan, Aggregator aggregator,
			AnomalyEvaluator anomalies, IssueFlagEvaluator issueFlags, PlatformTransactionManager transactionManager) {
		this.issueFlags = issueFlags;
		this.anomalies = anomalies;
		this.referenceData = referenceData;
		this.plan = plan;
		this.aggregator = aggregator;
		this.transaction = new TransactionTemplate(transactionManager);
	}

	/**
	 * Recomputes the period's aggregates (and, for their year-to-date totals, those of
	 * the later periods of its year) and its flags (and those of the next twelve periods,
	 * whose history includes it), judging overdue returns at the given business time.
	 */
	public List<YearMonth> recompute(YearMonth period, LocalDateTime businessTime) {
		// each period's transaction takes the period's lock (PeriodLocks): a run working
		// on the same periods waits, or is waited for
		this.referenceData.synchronize();
		List<YearMonth> periods = this.plan.periodsToRecompute(List.of(period));
		for (YearMonth each : periods) {
			this.transaction.executeWithoutResult((status) -> this.aggregator.recompute(each));
		}
		for (YearMonth each : this.anomalies.periodsToEvaluate(List.of(period), businessTime)) {
			this.transaction.executeWithoutResult((status) -> this.anomalies.evaluate(each, businessTime, null));
		}
		// the ladder's flags of the period's issues, and the ageing of every open issue
		this.transaction.executeWithoutResult(
				(status) -> this.issueFlags.evaluate(this.issueFlags.plan(List.of(period)), businessTime, null));
		return periods;
	}

	/**
	 * {@link #recompute(YearMonth, LocalDateTime)} at the latest business time of any
	 * run.
	 */
	public List<YearMonth> recompute(YearMonth period) {
		return recompute(period, this.anomalies.latestBusinessTime());
	}

}
