package cn.xinning.villagereturns.anomaly;

import java.time.YearMonth;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Counts of stored flags for the figures screens, one grouped query each: the same rows
 * {@code anomalies.csv} exports. An organisation is named by a code prefix: a county (6
 * digits) covers its townships' and villages' flags, a township (9 digits) its villages'
 * and its own (village codes start with their township's code, which starts with the
 * county's: the registry refuses any other).
 */
@Service
public class FlagCounts {

	/**
	 * The statuses that mark a month in a trend: a flag still waiting for a look, or one
	 * a reviewer confirmed. DISMISSED (the reviewer found the figure right) and CLOSED
	 * (no longer holds) do not.
	 */
	public static final List<String> MARKING = List.of("OPEN", "CONFIRMED");

	private final JdbcTemplate jdbc;

	public FlagCounts(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The period's flags with status OPEN (not yet reviewed) per severity, for an
	 * organisation and all below it; every severity present, zeros included.
	 */
	public Map<FlagSeverity, Integer> openBySeverity(YearMonth period, String orgPrefix) {
		Map<FlagSeverity, Integer> counts = new EnumMap<>(FlagSeverity.class);
		for (FlagSeverity severity : FlagSeverity.values()) {
			counts.put(severity, 0);
		}
		this.jdbc.query("select severity, count(*) from anomaly_flag where period = ? and org_code like ?"
				+ " and status = 'OPEN' group by severity", (rs) -> {
					counts.put(FlagSeverity.valueOf(rs.getString(1)), rs.getInt(2));
				}, period.toString(), orgPrefix + "%");
		return counts;
	}

	/**
	 * Per month of the range, how many flags on the indicator (status in
	 * {@link #MARKING}) the organisation and the villages below it have; months without
	 * any are absent.
	 */
	public Map<YearMonth, Integer> onIndicator(String indicator, String orgPrefix, YearMonth from, YearMonth to) {
		Map<YearMonth, Integer> counts = new TreeMap<>();
		this.jdbc.query("select period, count(*) from anomaly_flag where period between ? and ? and org_code like ?"
				+ " and indicator_code = ? and status in ('OPEN', 'CONFIRMED') group by period", (rs) -> {
					counts.put(YearMonth.parse(rs.getString(1)), rs.getInt(2));
				}, from.toString(), to.toString(), orgPrefix + "%", indicator);
		return counts;
	}

}
