package cn.xinning.villagereturns.console.submissions;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.xinning.villagereturns.VillageReturnsProperties;
import cn.xinning.villagereturns.support.DueDates;

/**
 * 报表 Submissions: the return in force per village and period, and a key's whole history,
 * read a page at a time; on time or late by the same calendar as the figures
 * ({@link DueDates}).
 */
@Repository
public class Submissions {

	/**
	 * One village and period with a return in force.
	 *
	 * @param villageCode village
	 * @param villageName its name
	 * @param townshipName its township
	 * @param period period
	 * @param firstReceived when its first accepted return came (timeliness counts it)
	 * @param onTime whether that was on time
	 * @param receivedAt when the return in force came
	 * @param fileName the file of the return in force
	 * @param runId the run that accepted it
	 */
	public record InForce(String villageCode, String villageName, String townshipName, String period,
			LocalDateTime firstReceived, boolean onTime, LocalDateTime receivedAt, String fileName, long runId) {
	}

	/**
	 * @param rows the page
	 * @param total rows matching
	 */
	public record Page(List<InForce> rows, long total) {
	}

	/**
	 * One return of a village and period, in force or not.
	 *
	 * @param submissionId the return
	 * @param state CURRENT, SUPERSEDED, DUPLICATE, REJECTED, STAGED
	 * @param fileId its file
	 * @param fileName the file's name
	 * @param finalPath where the file is now
	 * @param sha256 the file's SHA-256
	 * @param line its first line in the file
	 * @param receivedAt business time received
	 * @param onTime whether it came by the due date
	 * @param runId the run that read it
	 * @param errors its errors
	 * @param warnings its warnings
	 */
	public record History(long submissionId, String state, long fileId, String fileName, String finalPath,
			String sha256, int line, LocalDateTime receivedAt, boolean onTime, long runId, int errors, int warnings) {
	}

	/**
	 * @param code indicator code
	 * @param name its name in the reader's language
	 * @param value the value
	 * @param note the clerk's note, if any
	 */
	public record Value(String code, String name, BigDecimal value, String note) {
	}

	private final JdbcClient jdbc;

	private final DueDates dueDates;

	public Submissions(JdbcClient jdbc, VillageReturnsProperties properties) {
		this.jdbc = jdbc;
		this.dueDates = new DueDates(properties.dueDay());
	}

	/**
	 * @param query a village code (or its start) or part of a name
	 * @param period only this period
	 * @param township only this township's villages (a CLERK's limit)
	 */
	public Page inForce(Optional<String> query, Optional<YearMonth> period, Optional<String> township, int offset,
			int limit) {
		StringBuilder where = new StringBuilder(" where 1 = 1");
		List<Object> args = new ArrayList<>();
		period.ifPresent((p) -> {
			where.append(" and c.period = ?");
			args.add(p.toString());
		});
		township.ifPresent((t) -> {
			where.append(" and c.village_code like ?");
			args.add(t + "%");
		});
		query.map(String::strip).filter((q) -> !q.isEmpty()).ifPresent((q) -> {
			if (q.chars().allMatch(Character::isDigit)) {
				where.append(" and c.village_code like ?");
				args.add(q + "%");
			}
			else {
				where.append(
						" and c.village_code in (select v.village_code from village v where v.village_name like ?)");
				args.add("%" + q.replace("%", "").replace("_", "") + "%");
			}
		});
		long total = this.jdbc.sql("select count(*) from current_return c" + where)
			.params(args)
			.query(Long.class)
			.single();
		List<Object> pageArgs = new ArrayList<>(args);
		pageArgs.add(limit);
		pageArgs.add(offset);
		// the page is cut from current_return alone (an index in this order), then
		// joined;
		// within one period the order is the village code alone, which MySQL then takes
		// from the period's index whatever the connection's collation
		String order = period.isPresent() ? "c.village_code" : "c.period desc, c.village_code";
		List<InForce> rows = this.jdbc
			.sql("select c.village_code, (select min(v.village_name) from village v where v.village_code = c.village_code),"
					+ " (select min(v.township_name) from village v where v.village_code = c.village_code),"
					+ " c.period, c.first_received_at, s.received_at, f.file_name, s.run_id from (select c.village_code,"
					+ " c.period, c.submission_id, c.first_received_at from current_return c" + where + " order by "
					+ order + " limit ? offset ?) c"
					+ " join submission s on s.submission_id = c.submission_id join inbox_file f on f.file_id = s.file_id"
					+ " order by " + order)
			.params(pageArgs)
			.query((rs, n) -> {
				LocalDateTime first = rs.getObject(5, LocalDateTime.class);
				String p = rs.getString(4);
				return new InForce(rs.getString(1), rs.getString(2), rs.getString(3), p, first,
						this.dueDates.isOnTime(YearMonth.parse(p), first), rs.getObject(6, LocalDateTime.class),
						rs.getString(7), rs.getLong(8));
			})
			.list();
		return new Page(rows, total);
	}

	/** Every return of the village and period, latest first. */
	public List<History> history(String villageCode, YearMonth period) {
		return this.jdbc
			.sql("select s.submission_id, s.state, f.file_id, f.file_name, f.final_path, f.sha256, s.line_no,"
					+ " s.received_at, s.run_id, s.error_count, s.warning_count from submission s"
					+ " join inbox_file f on f.file_id = s.file_id where s.village_code = ? and s.period = ?"
					+ " order by s.received_at desc, s.run_id desc, s.submission_id desc limit 500")
			.params(villageCode, period.toString())
			.query((rs, n) -> new History(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
					rs.getString(5), rs.getString(6), rs.getInt(7), rs.getObject(8, LocalDateTime.class),
					this.dueDates.isOnTime(period, rs.getObject(8, LocalDateTime.class)), rs.getLong(9), rs.getInt(10),
					rs.getInt(11)))
			.list();
	}

	/** The values of one return, in catalogue order. */
	public List<Value> values(long submissionId, boolean english) {
		return this.jdbc.sql("select v.indicator_code, " + (english ? "i.name_en" : "i.name_zh")
				+ ", v.val, v.note from submission_value v left join indicator i on i.indicator_code = v.indicator_code"
				+ " where v.submission_id = ? order by i.display_order, v.indicator_code")
			.param(submissionId)
			.query((rs, n) -> new Value(rs.getString(1), (rs.getString(2) != null) ? rs.getString(2) : rs.getString(1),
					rs.getBigDecimal(3), rs.getString(4)))
			.list();
	}

	/** The village's name, if the registry has the code. */
	public Optional<String> villageName(String villageCode) {
		return this.jdbc.sql("select min(village_name) from village where village_code = ?")
			.param(villageCode)
			.query(String.class)
			.optional();
	}

}
