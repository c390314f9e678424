package cn.xinning.villagereturns.anomaly;

import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

import cn.xinning.villagereturns.support.PeriodByPeriodTasklet;

/**
 * The flagging step of the ingest job: re-evaluates every period the run made stale (see
 * {@link AnomalyEvaluator#periodsToEvaluate}) at the run's business time.
 */
public class FlagAnomaliesTasklet extends PeriodByPeriodTasklet {

	private final LocalDateTime businessTime;

	private final AnomalyEvaluator evaluator;

	public FlagAnomaliesTasklet(long runId, LocalDateTime businessTime, JdbcTemplate jdbc, AnomalyEvaluator evaluator) {
		super(runId, jdbc);
		this.businessTime = businessTime;
		this.evaluator = evaluator;
	}

	@Override
	protected List<YearMonth> plan(List<YearMonth> touched) {
		return this.evaluator.periodsToEvaluate(touched, this.businessTime);
	}

	@Override
	protected int recompute(YearMonth period) {
		FlagStore.Changes changes = this.evaluator.evaluate(period, this.businessTime, runId());
		return changes.raised() + changes.updated() + changes.closed();
	}

}
