package cn.xinning.villagereturns.ledger;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.xinning.villagereturns.returns.ValidatedFile;
import cn.xinning.villagereturns.support.IdBlocks;

/**
 * Stores the rows of the chunk's ledger files beside what the returns' writer stores (it
 * runs in the same chunk transaction, after it): one {@code ledger_row} per row, STAGED
 * when it passed the rules, REJECTED when not, and each file's row counts. The problems
 * themselves went in with the file's problems, where its errors file is written from.
 */
public class StageLedgerRowsWriter implements ItemWriter<ValidatedFile> {

	static final String SEQUENCE = "ledger_row";

	private final JdbcTemplate jdbc;

	private final IdBlocks ids;

	private final LocalDateTime receivedAt;

	public StageLedgerRowsWriter(JdbcTemplate jdbc, IdBlocks ids, LocalDateTime receivedAt) {
		this.jdbc = jdbc;
		this.ids = ids;
		this.receivedAt = receivedAt;
	}

	private record Staged(long id, ValidatedFile file, LedgerRow row, boolean accepted) {
	}

	@Override
	public void write(Chunk<? extends ValidatedFile> chunk) {
		List<ValidatedFile> ledgers = chunk.getItems()
			.stream()
			.filter((f) -> f.ledger().isPresent())
			.map(ValidatedFile.class::cast)
			.toList();
		if (ledgers.isEmpty()) {
			return;
		}
		int count = ledgers.stream().mapToInt((f) -> f.ledger().get().rows().size()).sum();
		long next = this.ids.allocate(SEQUENCE, count);
		List<Staged> rows = new ArrayList<>(count);
		for (ValidatedFile file : ledgers) {
			LedgerFile ledger = file.ledger().get();
			for (LedgerRow row : ledger.rows()) {
				rows.add(new Staged(next++, file, row, ledger.accepts(row)));
			}
		}
		this.jdbc.batchUpdate("insert into ledger_row (ledger_row_id, file_id, run_id, line_no, village_code, issue_no,"
				+ " raised_on, category, summary, status, escalated_township_on, escalated_county_on, resolved_on,"
				+ " received_at, state) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows, 1000, (ps, s) -> {
					LedgerRow row = s.row();
					ps.setLong(1, s.id());
					ps.setLong(2, s.file().file().fileId());
					ps.setLong(3, s.file().file().runId());
					ps.setInt(4, row.line());
					ps.setString(5, cut(row.villageCode(), 64));
					ps.setString(6, cut(row.issueNo(), 64));
					ps.setObject(7, date(row.raisedOn()));
					ps.setString(8, row.category().map(Enum::name).orElse(null));
					ps.setString(9, row.summary().isEmpty() ? null : cut(row.summary(), 500));
					ps.setString(10, row.status().map(Enum::name).orElse(null));
					ps.setObject(11, date(row.escalatedTownshipOn()));
					ps.setObject(12, date(row.escalatedCountyOn()));
					ps.setObject(13, date(row.resolvedOn()));
					ps.setObject(14, this.receivedAt);
					ps.setString(15, s.accepted() ? "STAGED" : "REJECTED");
				});
		this.jdbc.batchUpdate("update inbox_file set ledger_rows_total = ?, ledger_rows_rejected = ? where file_id = ?",
				ledgers, 500, (ps, file) -> {
					ps.setInt(1, file.ledger().get().rows().size());
					ps.setInt(2, file.ledger().get().rejectedRows());
					ps.setLong(3, file.file().fileId());
				});
	}

	private static LocalDate date(Optional<LocalDate> date) {
		return date.orElse(null);
	}

	private static String cut(String text, int max) {
		return (text.length() > max) ? text.substring(0, max) : text;
	}

}
