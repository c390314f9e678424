package cn.xinning.villagereturns.anomaly;

import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Cuts the flagging step into one partition per stale period (see
 * {@link AnomalyEvaluator#periodsToEvaluate}): each period is evaluated whole, in one
 * transaction, independently of the others (a period's flags depend on accepted data, not
 * on other periods' flags), so the periods can be evaluated at once, on threads or on
 * worker processes. A restart keeps the partitions and re-runs only the unfinished ones.
 */
public class FlagPeriodPartitioner implements Partitioner {

	public static final String PERIOD = "period";

	private final long runId;

	private final LocalDateTime businessTime;

	private final JdbcTemplate jdbc;

	private final AnomalyEvaluator evaluator;

	public FlagPeriodPartitioner(long runId, LocalDateTime businessTime, JdbcTemplate jdbc,
			AnomalyEvaluator evaluator) {
		this.runId = runId;
		this.businessTime = businessTime;
		this.jdbc = jdbc;
		this.evaluator = evaluator;
	}

	@Override
	public Map<String, ExecutionContext> partition(int gridSize) {
		List<YearMonth> touched = this.jdbc
			.queryForList("select period from run_period where run_id = ? order by period", String.class, this.runId)
			.stream()
			.map(YearMonth::parse)
			.toList();
		Map<String, ExecutionContext> partitions = new HashMap<>();
		for (YearMonth period : this.evaluator.periodsToEvaluate(touched, this.businessTime)) {
			ExecutionContext context = new ExecutionContext();
			context.putString(PERIOD, period.toString());
			partitions.put("period" + period, context);
		}
		return partitions;
	}

}
