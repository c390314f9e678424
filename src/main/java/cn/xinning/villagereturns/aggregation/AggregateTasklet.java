package cn.xinning.villagereturns.aggregation;

import java.time.YearMonth;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.xinning.villagereturns.support.PeriodByPeriodTasklet;

/**
 * The aggregation step of the ingest job: recomputes the periods the run touched and the
 * rest of their year (their year-to-date totals include the touched months).
 */
public class AggregateTasklet extends PeriodByPeriodTasklet {

	private static final Logger log = LoggerFactory.getLogger(AggregateTasklet.class);

	private final AggregationPlan plan;

	private final Aggregator aggregator;

	public AggregateTasklet(long runId, JdbcTemplate jdbc, AggregationPlan plan, Aggregator aggregator) {
		super(runId, jdbc);
		this.plan = plan;
		this.aggregator = aggregator;
	}

	@Override
	protected List<YearMonth> plan(List<YearMonth> touched) {
		List<YearMonth> periods = this.plan.periodsToRecompute(touched);
		log.info("Run {} recomputes {}", runId(), periods);
		return periods;
	}

	@Override
	protected int recompute(YearMonth period) {
		this.aggregator.recompute(period);
		return 1;
	}

}
