package cn.xinning.villagereturns.aggregation;

import java.time.YearMonth;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which periods a change makes stale: the periods touched, and the later periods of the
 * same year that have data (their year-to-date totals include the touched month).
 * Ascending, as {@link Aggregator} needs.
 */
@Component
public class AggregationPlan {

	private final JdbcTemplate jdbc;

	public AggregationPlan(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public List<YearMonth> periodsToRecompute(Collection<YearMonth> touched) {
		TreeSet<YearMonth> periods = new TreeSet<>(touched);
		Map<Integer, YearMonth> firstPerYear = touched.stream()
			.collect(Collectors.toMap(YearMonth::getYear, (p) -> p, (a, b) -> a.isBefore(b) ? a : b));
		for (YearMonth first : firstPerYear.values()) {
			String from = first.toString();
			String to = YearMonth.of(first.getYear(), 12).toString();
			this.jdbc
				.queryForList("select distinct period from current_return where period > ? and period <= ?"
						+ " union select distinct period from township_indicator where period > ? and period <= ?",
						String.class, from, to, from, to)
				.forEach((p) -> periods.add(YearMonth.parse(p)));
		}
		return List.copyOf(periods);
	}

	/** Every period with an accepted return: what a registry change makes stale. */
	public List<YearMonth> periodsWithData() {
		return this.jdbc.queryForList("select distinct period from current_return order by period", String.class)
			.stream()
			.map(YearMonth::parse)
			.toList();
	}

}
