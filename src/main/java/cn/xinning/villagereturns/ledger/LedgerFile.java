package cn.xinning.villagereturns.ledger;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import cn.xinning.villagereturns.validation.Problem;

/**
 * What was read from a ledger file.
 *
 * @param encoding the encoding it was decoded with
 * @param fileProblems problems of the whole file (a missing column...): any ERROR refuses
 * every row
 * @param rows its rows after the rules
 */
public record LedgerFile(String encoding, List<Problem> fileProblems, List<LedgerRow> rows) {

	public LedgerFile {
		fileProblems = List.copyOf(fileProblems);
		rows = List.copyOf(rows);
	}

	public boolean isRejectedWhole() {
		return this.fileProblems.stream().anyMatch(Problem::isError);
	}

	/**
	 * Whether the row is used: it passed the rules, in a file that is not refused whole.
	 */
	public boolean accepts(LedgerRow row) {
		return !isRejectedWhole() && row.isAccepted();
	}

	public int rejectedRows() {
		return (int) this.rows.stream().filter((r) -> !accepts(r)).count();
	}

	/** Every problem of the file and its rows, by line: what its errors file lists. */
	public List<Problem> allProblems() {
		List<Problem> all = new ArrayList<>(this.fileProblems);
		this.rows.forEach((r) -> all.addAll(r.problems()));
		all.sort(Comparator.comparingInt(Problem::line));
		return all;
	}

}
