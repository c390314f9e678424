package cn.xinning.villagereturns.benchmark;

import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.xinning.villagereturns.aggregation.Aggregator;
import cn.xinning.villagereturns.intake.RootFolders;
import cn.xinning.villagereturns.ingest.IngestRun;
import cn.xinning.villagereturns.ingest.IngestRuns;
import cn.xinning.villagereturns.reference.ReferenceData;
import cn.xinning.villagereturns.reference.ValueCodeTable;
import cn.xinning.villagereturns.support.IdBlocks;
import cn.xinning.villagereturns.support.ProcessIdentity;
import cn.xinning.villagereturns.support.ValueCodes;
import cn.xinning.villagereturns.support.ValuesText;

/**
 * Puts a benchmark's history in place without timing it: twelve months of accepted
 * returns written straight into the tables an ingest would have filled (a run per month,
 * a file per village and month as the clerks send them, the submissions in force and
 * their values), then each month's figures computed and its flags marked as evaluated, so
 * that the timed run judges its month against a real history.
 */
@Component
class HistoryLoader {

	private static final int VILLAGES_PER_TRANSACTION = 1000;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transaction;

	private final IngestRuns runs;

	private final IdBlocks ids;

	private final Aggregator aggregator;

	private final ReferenceData referenceData;

	private final RootFolders folders;

	private final ValueCodeTable valueCodeTable;

	HistoryLoader(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, IngestRuns runs, IdBlocks ids,
			Aggregator aggregator, ReferenceData referenceData, RootFolders folders, ValueCodeTable valueCodeTable) {
		this.valueCodeTable = valueCodeTable;
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactionManager);
		this.runs = runs;
		this.ids = ids;
		this.aggregator = aggregator;
		this.referenceData = referenceData;
		this.folders = folders;
	}

	void load(SyntheticCounty county, YearMonth first, YearMonth last) {
		this.referenceData.synchronize();
		// read once the catalogue is loaded, its codes numbered
		ValueCodes codes = this.valueCodeTable.load();
		for (YearMonth period = first; !period.isAfter(last); period = period.plusMonths(1)) {
			loadMonth(county, period, codes);
		}
		for (YearMonth period = first; !period.isAfter(last); period = period.plusMonths(1)) {
			YearMonth month = period;
			this.transaction.executeWithoutResult((status) -> {
				this.aggregator.recompute(month);
				// as if the nightly run after its due date had judged it
				this.jdbc.update("insert into flag_evaluation (period, evaluated_as_of) values (?, ?)",
						month.toString(), month.plusMonths(1).atDay(6).atTime(2, 0));
			});
		}
	}

	private void loadMonth(SyntheticCounty county, YearMonth period, ValueCodes codes) {
		LocalDateTime received = receivedAt(period);
		IngestRun run = this.runs.create(this.folders.root(), received, received, ProcessIdentity.current());
		this.jdbc.update("insert into run_period (run_id, period, aggregated_at) values (?, ?, ?)", run.runId(),
				period.toString(), received);
		List<SyntheticCounty.Village> villages = county.villages();
		for (int from = 0; from < villages.size(); from += VILLAGES_PER_TRANSACTION) {
			int start = from;
			int end = Math.min(villages.size(), from + VILLAGES_PER_TRANSACTION);
			this.transaction.executeWithoutResult((status) -> insert(county, period, run, start, end, codes));
		}
	}

	private void insert(SyntheticCounty county, YearMonth period, IngestRun run, int from, int to, ValueCodes codes) {
		List<Object[]> files = new ArrayList<>();
		for (int i = from; i < to; i++) {
			String name = county.villages().get(i).code() + "_" + period + ".csv";
			// distinct contents, distinct hashes
			files.add(new Object[] { run.runId(), i + 1, "history/" + period + "/" + name, name,
					String.format("%016x%048x", run.runId(), i) });
		}
		this.jdbc.batchUpdate("insert into inbox_file (run_id, seq, relative_path, file_name, size_bytes, sha256,"
				+ " state, outcome, returns_total, returns_accepted, returns_rejected)"
				+ " values (?, ?, ?, ?, 600, ?, 'FILED', 'ARCHIVED', 1, 1, 0)", files);
		this.jdbc.update("insert into file_content (file_id, sha256) select file_id, sha256 from inbox_file"
				+ " where run_id = ? and seq between ? and ?", run.runId(), from + 1, to);
		Map<Integer, Long> fileIds = new java.util.HashMap<>();
		this.jdbc.query("select seq, file_id from inbox_file where run_id = ? and seq between ? and ?", (rs) -> {
			fileIds.put(rs.getInt("seq"), rs.getLong("file_id"));
		}, run.runId(), from + 1, to);
		long firstId = this.ids.allocate("submission", to - from);
		List<Object[]> submissions = new ArrayList<>();
		List<Object[]> values = new ArrayList<>();
		List<Object[]> currents = new ArrayList<>();
		for (int i = from; i < to; i++) {
			long id = firstId + i - from;
			String village = county.villages().get(i).code();
			Map<String, java.math.BigDecimal> numbers = new java.util.HashMap<>();
			for (Map.Entry<String, String> value : county.values(i, period).entrySet()) {
				numbers.put(value.getKey(), new java.math.BigDecimal(value.getValue()));
				values.add(new Object[] { id, value.getKey(), new java.math.BigDecimal(value.getValue()) });
			}
			String text = ValuesText.encode(numbers, codes);
			submissions.add(new Object[] { id, fileIds.get(i + 1), run.runId(), 2, village, period.toString(),
					period.toString(), run.asOf(), text });
			currents.add(new Object[] { village, period.toString(), id, run.asOf(), text });
		}
		this.jdbc.batchUpdate("insert into submission (submission_id, file_id, run_id, line_no, village_code, period,"
				+ " period_text, village_name, received_at, state, error_count, warning_count, values_text)"
				+ " values (?, ?, ?, ?, ?, ?, ?, '', ?, 'CURRENT', 0, 0, ?)", submissions);
		this.jdbc.batchUpdate(
				"insert into submission_value (submission_id, indicator_code, val, line_no)" + " values (?, ?, ?, 0)",
				values);
		this.jdbc.batchUpdate("insert into current_return (village_code, period, submission_id, first_received_at,"
				+ " values_text) values (?, ?, ?, ?, ?)", currents);
	}

	/** Each history month arrived on the 3rd of the next, on time. */
	static LocalDateTime receivedAt(YearMonth period) {
		return period.plusMonths(1).atDay(3).atTime(9, 0);
	}

}
