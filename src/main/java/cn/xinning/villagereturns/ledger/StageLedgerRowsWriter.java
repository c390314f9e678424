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
import cn.xinning.villagereturns.support.BulkLoader;
import cn.xinning.villagereturns.support.IdBlocks;

/**
 * Stores the rows of the chunk's ledger files beside what the returns' writer stores (it
 * runs in the same chunk transaction, after it): one {@code ledger_row} per row, STAGED
 * when it passed the rules, REJECTED when not (the files' row counts go in with their
 * state, from StageReturnsWriter). The problems themselves went in with the file's
 * problems, where its errors file is written from.
 */
public class StageLedgerRowsWriter implements ItemWriter<ValidatedFile> {

	static final String SEQUENCE = "ledger_row";

	private final JdbcTemplate jdbc;

	private final IdBlocks ids;

	private final LocalDateTime receivedAt;

	private final BulkLoader bulk;

	public StageLedgerRowsWriter(JdbcTemplate jdbc, BulkLoader bulk, IdBlocks ids, LocalDateTime receivedAt) {
		this.jdbc = jdbc;
		this.bulk = bulk;
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
		this.bulk.insert(this.jdbc, "ledger_row",
				List.of("ledger_row_id", "file_id", "run_id", "line_no", "village_code", "issue_no", "raised_on",
						"category", "summary", "status", "escalated_township_on", "escalated_county_on", "resolved_on",
						"received_at", "state"),
				rows, (s, cells) -> {
					LedgerRow row = s.row();
					cells[0] = s.id();
					cells[1] = s.file().file().fileId();
					cells[2] = s.file().file().runId();
					cells[3] = row.line();
					cells[4] = cut(row.villageCode(), 64);
					cells[5] = cut(row.issueNo(), 64);
					cells[6] = date(row.raisedOn());
					cells[7] = row.category().map(Enum::name).orElse(null);
					cells[8] = row.summary().isEmpty() ? null : cut(row.summary(), 500);
					cells[9] = row.status().map(Enum::name).orElse(null);
					cells[10] = date(row.escalatedTownshipOn());
					cells[11] = date(row.escalatedCountyOn());
					cells[12] = date(row.resolvedOn());
					cells[13] = this.receivedAt;
					cells[14] = s.accepted() ? "STAGED" : "REJECTED";
				});
		// the files' row counts are set by StageReturnsWriter, with the rest of their
		// state
	}

	private static LocalDate date(Optional<LocalDate> date) {
		return date.orElse(null);
	}

	private static String cut(String text, int max) {
		return (text.length() > max) ? text.substring(0, max) : text;
	}

}
