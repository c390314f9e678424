package cn.xinning.villagereturns.returns;

import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.xinning.villagereturns.returns.CheckedReturn.Value;
import cn.xinning.villagereturns.support.BulkLoader;
import cn.xinning.villagereturns.support.IdBlocks;
import cn.xinning.villagereturns.support.ValuesText;
import cn.xinning.villagereturns.validation.Messages;
import cn.xinning.villagereturns.validation.Problem;

/**
 * Stores what validation found, in one transaction per chunk of files: a submission row
 * per return (STAGED when it passed, REJECTED when not), the values of the STAGED ones,
 * every problem with its messages, and the file's new state. Everything goes in batched
 * inserts.
 */
public class StageReturnsWriter implements ItemWriter<ValidatedFile> {

	private static final int MAX_TEXT = 500;

	private final JdbcTemplate jdbc;

	private final IdBlocks ids;

	private final Messages messages;

	private final LocalDateTime receivedAt;

	private final BulkLoader bulk;

	public StageReturnsWriter(JdbcTemplate jdbc, BulkLoader bulk, IdBlocks ids, Messages messages,
			LocalDateTime receivedAt) {
		this.jdbc = jdbc;
		this.bulk = bulk;
		this.ids = ids;
		this.messages = messages;
		this.receivedAt = receivedAt;
	}

	private record Row(long submissionId, ValidatedFile file, CheckedReturn checked) {

		boolean staged() {
			return !this.file.read().isRejectedWhole() && this.checked.isAccepted();
		}

	}

	private record ProblemRow(long fileId, Long submissionId, Problem problem) {
	}

	private record ValueRow(long submissionId, Value value) {
	}

	@Override
	public void write(Chunk<? extends ValidatedFile> chunk) {
		int count = chunk.getItems().stream().mapToInt((f) -> f.returns().size()).sum();
		long nextId = this.ids.allocate("submission", count);
		List<Row> rows = new ArrayList<>(count);
		List<ProblemRow> problems = new ArrayList<>();
		List<ValueRow> values = new ArrayList<>();
		for (ValidatedFile file : chunk) {
			file.read().fileProblems().forEach((p) -> problems.add(new ProblemRow(file.file().fileId(), null, p)));
			file.omitted().forEach((p) -> problems.add(new ProblemRow(file.file().fileId(), null, p)));
			for (CheckedReturn checked : file.returns()) {
				Row row = new Row(nextId++, file, checked);
				rows.add(row);
				checked.problems()
					.forEach((p) -> problems.add(new ProblemRow(file.file().fileId(), row.submissionId(), p)));
				if (row.staged()) {
					checked.values().forEach((v) -> values.add(new ValueRow(row.submissionId(), v)));
				}
			}
		}
		insertSubmissions(rows);
		insertValues(values);
		insertProblems(problems);
		updateFiles(chunk.getItems());
	}

	private void insertSubmissions(List<Row> rows) {
		this.jdbc.batchUpdate("insert into submission (submission_id, file_id, run_id, line_no, village_code, period,"
				+ " period_text, village_name, received_at, state, error_count, warning_count, values_text)"
				+ " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows, 1000, (ps, row) -> {
					ps.setString(13, row.staged() ? valuesText(row.checked()) : null);
					CheckedReturn checked = row.checked();
					ps.setLong(1, row.submissionId());
					ps.setLong(2, row.file().file().fileId());
					ps.setLong(3, row.file().file().runId());
					ps.setInt(4, checked.line());
					ps.setString(5, cut(checked.villageCode(), 64));
					ps.setString(6, checked.period().map(YearMonth::toString).orElse(null));
					ps.setString(7, cut(checked.periodText(), 64));
					ps.setString(8, cut(checked.villageName(), 100));
					ps.setObject(9, this.receivedAt);
					ps.setString(10, row.staged() ? "STAGED" : "REJECTED");
					ps.setInt(11, (int) checked.errorCount());
					ps.setInt(12, (int) checked.warningCount());
				});
	}

	private void insertValues(List<ValueRow> values) {
		this.bulk.insert(this.jdbc, "submission_value",
				List.of("submission_id", "indicator_code", "val", "line_no", "note"), values, (row, cells) -> {
					cells[0] = row.submissionId();
					cells[1] = row.value().indicator().code();
					cells[2] = row.value().value();
					cells[3] = row.value().line();
					cells[4] = row.value().note().isEmpty() ? null : cut(row.value().note(), MAX_TEXT);
				});
	}

	private void insertProblems(List<ProblemRow> problems) {
		this.jdbc.batchUpdate(
				"insert into problem (file_id, submission_id, line_no, column_name, cell_value,"
						+ " rule_code, severity, message_zh, message_en) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
				problems, 1000, (ps, row) -> {
					Problem problem = row.problem();
					ps.setLong(1, row.fileId());
					ps.setObject(2, row.submissionId());
					ps.setObject(3, (problem.line() > 0) ? problem.line() : null);
					ps.setString(4, cut(problem.column(), 200));
					ps.setString(5, cut(problem.value(), MAX_TEXT));
					ps.setString(6, problem.rule().code());
					ps.setString(7, problem.severity().name());
					ps.setString(8, cut(this.messages.chinese(problem), 1000));
					ps.setString(9, cut(this.messages.english(problem), 1000));
				});
	}

	private void updateFiles(List<? extends ValidatedFile> files) {
		// one statement per file by primary key, not GroupedUpdate: the partitions run at
		// once, and an IN-list update planned as a scan would lock the other partition's
		// rows (MariaDB reported deadlocks)
		this.jdbc.batchUpdate("update inbox_file set state = 'VALIDATED', encoding = ?, layout = ?, returns_total = ?,"
				+ " returns_rejected = ?, set_aside_reason = ? where file_id = ?", files, 500, (ps, file) -> {
					ps.setString(1, file.read().encoding().isEmpty() ? null : file.read().encoding());
					ps.setString(2, file.read().layout().map(Enum::name).orElse(null));
					ps.setInt(3, file.returns().size());
					ps.setInt(4,
							(int) file.returns()
								.stream()
								.filter((r) -> file.read().isRejectedWhole() || !r.isAccepted())
								.count());
					ps.setString(5, file.setAside().map((reason) -> cut(reason, 1000)).orElse(null));
					ps.setLong(6, file.file().fileId());
				});
	}

	private static String valuesText(CheckedReturn checked) {
		java.util.Map<String, java.math.BigDecimal> values = new java.util.HashMap<>();
		checked.values().forEach((v) -> values.put(v.indicator().code(), v.value()));
		return ValuesText.encode(values);
	}

	private static String cut(String text, int max) {
		return (text.length() > max) ? text.substring(0, max) : text;
	}

}
