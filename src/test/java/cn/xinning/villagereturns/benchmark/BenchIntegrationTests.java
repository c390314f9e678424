package cn.xinning.villagereturns.benchmark;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.xinning.villagereturns.operations.Cli;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark measures what it says: at a small scale (two townships, two months of
 * history), the timed run accepts every synthetic return without a problem, its history
 * is in place, and the results table carries every column with figures. Timings are
 * reported, never asserted.
 */
class BenchIntegrationTests {

	@Test
	void aSmallBenchmarkRunsTheRealPipelineAgainstItsHistoryAndReportsEveryFigure(@TempDir Path out) throws Exception {
		StringWriter console = new StringWriter();
		int status = Cli.run(new String[] { "bench", "--scale", "40", "--database", "h2", "--history-months", "2",
				"--out", out.toString() }, new PrintWriter(console, true), new PrintWriter(console, true));

		assertThat(status).as(console.toString()).isZero();
		List<String> table = Files.readAllLines(out.resolve("results-40.md"), StandardCharsets.UTF_8);
		assertThat(table).hasSize(3);
		assertThat(table.get(0))
			.startsWith("| scale | database | files | values | wall incl. JVM (s) | processor (s) | "
					+ "server processor (s) | job (s) |")
			.contains("| flag issues |")
			.endsWith("| floor (s) | pipeline / floor | ledger rows |");
		String[] cells = table.get(2).split("\\s*\\|\\s*");
		assertThat(List.of(cells).subList(1, 5)).containsExactly("40", "h2", "80", "800");
		assertThat(cells[cells.length - 1]).isEqualTo("400");
		// the timed run's processor time is read from /proc while it runs: a JVM that
		// started Spring and ran a job used well over a tenth of a second
		assertThat(Double.parseDouble(cells[6])).as("processor (s)").isGreaterThan(0.1);
		// H2 runs inside the timed process: no server of its own whose time could be read
		assertThat(cells[7]).as("server processor (s)").isEqualTo("n/a");
		for (int column = 5; column < cells.length; column++) {
			if (column == 7) {
				continue;
			}
			assertThat(Double.parseDouble(cells[column])).as(table.get(0).split("\\|")[column])
				.isGreaterThanOrEqualTo(0);
		}
		String url = "jdbc:h2:file:" + out.resolve("40-h2/db/village-returns") + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE";
		try (Connection db = DriverManager.getConnection(url, "sa", "")) {
			assertThat(query(db, "select period, count(*) from current_return group by period order by period"))
				.containsExactly("2026-08 40", "2026-09 40", "2026-10 40");
			assertThat(query(db, "select state, count(*) from submission where period = '2026-10' group by state"))
				.containsExactly("CURRENT 40");
			assertThat(query(db, "select count(*) from problem")).containsExactly("0");
			// a ledger of ten valid rows beside every return
			assertThat(query(db, "select state, count(*) from ledger_row group by state"))
				.containsExactly("CURRENT 400");
			assertThat(query(db, "select count(*) from bench_floor_value")).containsExactly("800");
		}
	}

	private static List<String> query(Connection db, String sql) throws Exception {
		List<String> rows = new java.util.ArrayList<>();
		try (ResultSet rs = db.createStatement().executeQuery(sql)) {
			int columns = rs.getMetaData().getColumnCount();
			while (rs.next()) {
				StringBuilder row = new StringBuilder(rs.getString(1));
				for (int i = 2; i <= columns; i++) {
					row.append(' ').append(rs.getString(i));
				}
				rows.add(row.toString());
			}
		}
		return rows;
	}

}
