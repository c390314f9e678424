package cn.xinning.villagereturns.returns;

import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.xinning.villagereturns.ledger.LedgerFile;
import cn.xinning.villagereturns.returns.CheckedReturn.Value;
import cn.xinning.villagereturns.support.BulkLoader;
import cn.xinning.villagereturns.support.IdBlocks;
import cn.xinning.villagereturns.support.ValueCodes;
import cn.xinning.villagereturns.support.ValuesText;
import cn.xinning.villagereturns.validation.Messages;
import cn.xinning.villagereturns.validation.Problem;

/**
 * Stores what validation found, in one transaction per chunk of files: a submission row
 * per return (STAGED when it passed, REJECTED when not), the values of the STAGED ones,
 * every problem with its messages, and the file's new state. The rows go in through
 * {@link BulkLoader} (LOAD DATA where allowed, else batched inserts), the files' new
 * states in one update from a scratch table.
 */
public class StageReturnsWriter implements ItemWriter<ValidatedFile> {

	private static final int MAX_TEXT = 500;

	private final JdbcTemplate jdbc;

	private final IdBlocks ids;

	private final Messages messages;

	private final LocalDateTime receivedAt;

	private final BulkLoader bulk;

	private final ValueCodes valueCodes;

	public StageReturnsWriter(JdbcTemplate jdbc, BulkLoader bulk, IdBlocks ids, Messages messages,
			LocalDateTime receivedAt, ValueCodes valueCodes) {
		this.jdbc = jdbc;
		this.bulk = bulk;
		this.ids = ids;
		this.messages = messages;
		this.receivedAt = receivedAt;
		this.valueCodes = valueCodes;
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
		this.bulk.insert(this.jdbc, "submission",
				List.of("submission_id", "file_id", "run_id", "line_no", "village_code", "period", "period_text",
						"village_name", "received_at", "state", "error_count", "warning_count", "values_text"),
				rows, (row, cells) -> {
					CheckedReturn checked = row.checked();
					cells[0] = row.submissionId();
					cells[1] = row.file().file().fileId();
					cells[2] = row.file().file().runId();
					cells[3] = checked.line();
					cells[4] = cut(checked.villageCode(), 64);
					cells[5] = checked.period().map(YearMonth::toString).orElse(null);
					cells[6] = cut(checked.periodText(), 64);
					cells[7] = cut(checked.villageName(), 100);
					cells[8] = this.receivedAt;
					cells[9] = row.staged() ? "STAGED" : "REJECTED";
					cells[10] = (int) checked.errorCount();
					cells[11] = (int) checked.warningCount();
					cells[12] = row.staged() ? valuesText(checked, this.valueCodes) : null;
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
		// in the order found: the errors file lists a line's problems by their ids
		this.bulk.insert(this.jdbc, "problem", List.of("file_id", "submission_id", "line_no", "column_name",
				"cell_value", "rule_code", "severity", "message_zh", "message_en"), problems, (row, cells) -> {
					Problem problem = row.problem();
					cells[0] = row.fileId();
					cells[1] = row.submissionId();
					cells[2] = (problem.line() > 0) ? problem.line() : null;
					cells[3] = cut(problem.column(), 200);
					cells[4] = cut(problem.value(), MAX_TEXT);
					cells[5] = problem.rule().code();
					cells[6] = problem.severity().name();
					cells[7] = cut(this.messages.chinese(problem), 1000);
					cells[8] = cut(this.messages.english(problem), 1000);
				});
	}

	/**
	 * Each file's new state with what was read of it, the counts of its ledger rows
	 * included when it is a ledger (written here, not by the ledger's writer, so that a
	 * chunk updates its files once).
	 */
	private void updateFiles(List<? extends ValidatedFile> files) {
		// by primary key from a scratch table, not GroupedUpdate: the partitions run at
		// once, and an IN-list update planned as a scan would lock the other partition's
		// rows (MariaDB reported deadlocks)
		this.bulk.update(this.jdbc, "inbox_file", "scratch_validated_file", "file_id", "state = 'VALIDATED'",
				List.of("encoding", "layout", "returns_total", "returns_rejected", "set_aside_reason",
						"ledger_rows_total", "ledger_rows_rejected"),
				files, (file, cells) -> {
					cells[0] = file.file().fileId();
					cells[1] = file.read().encoding().isEmpty() ? null : file.read().encoding();
					cells[2] = file.read().layout().map(Enum::name).orElse(null);
					cells[3] = file.returns().size();
					cells[4] = (int) file.returns()
						.stream()
						.filter((r) -> file.read().isRejectedWhole() || !r.isAccepted())
						.count();
					cells[5] = file.setAside().map((reason) -> cut(reason, 1000)).orElse(null);
					cells[6] = file.ledger().map((ledger) -> ledger.rows().size()).orElse(null);
					cells[7] = file.ledger().map(LedgerFile::rejectedRows).orElse(null);
				});
	}

	private static String valuesText(CheckedReturn checked, ValueCodes codes) {
		java.util.Map<String, java.math.BigDecimal> values = new java.util.HashMap<>();
		checked.values().forEach((v) -> values.put(v.indicator().code(), v.value()));
		return ValuesText.encode(values, codes);
	}

	private static String cut(String text, int max) {
		return (text.length() > max) ? text.substring(0, max) : text;
	}

}
