package cn.xinning.villagereturns.console.submissions;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * A file's stored problems, in the reader's language: each problem is stored with its
 * message in Chinese and in English, and the column of the reader's language is shown.
 */
@Repository
public class FileProblems {

	/**
	 * @param line line, 0 when none
	 * @param column column as written
	 * @param value the offending cell
	 * @param rule rule code
	 * @param severity ERROR or WARNING
	 * @param message in the reader's language
	 */
	public record ProblemRow(int line, String column, String value, String rule, String severity, String message) {
	}

	private final JdbcClient jdbc;

	public FileProblems(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<ProblemRow> of(long fileId, boolean english, int offset, int limit) {
		return this.jdbc
			.sql("select coalesce(line_no, 0), column_name, cell_value, rule_code, severity, "
					+ (english ? "message_en" : "message_zh")
					+ " from problem where file_id = ? order by line_no, problem_id limit ? offset ?")
			.params(fileId, limit, offset)
			.query((rs, n) -> new ProblemRow(rs.getInt(1), nonNull(rs.getString(2)), nonNull(rs.getString(3)),
					rs.getString(4), rs.getString(5), rs.getString(6)))
			.list();
	}

	public long count(long fileId) {
		return this.jdbc.sql("select count(*) from problem where file_id = ?").param(fileId).query(Long.class).single();
	}

	private static String nonNull(String text) {
		return (text != null) ? text : "";
	}

}
