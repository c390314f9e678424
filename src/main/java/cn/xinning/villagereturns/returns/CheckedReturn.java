package cn.xinning.villagereturns.returns;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import cn.xinning.villagereturns.reference.Indicator;
import cn.xinning.villagereturns.validation.Problem;

/**
 * A return after every rule of spec section 4.
 *
 * @param line the line of its first row
 * @param villageCode the village code as read (12 digits when valid)
 * @param period the period, when it could be read
 * @param periodText the period as written
 * @param villageName the village name as written, or empty
 * @param values the values that are numbers, in catalogue order (missing values are
 * absent)
 * @param problems its problems, ERROR and WARNING, in line order (when a file has very
 * many, only the first are kept: see {@link FileValidator})
 * @param errorCount its ERROR problems, kept or not
 * @param warningCount its WARNING problems, kept or not
 */
public record CheckedReturn(int line, String villageCode, Optional<YearMonth> period, String periodText,
		String villageName, List<Value> values, List<Problem> problems, long errorCount, long warningCount) {

	public CheckedReturn {
		values = List.copyOf(values);
		problems = List.copyOf(problems);
	}

	public CheckedReturn(int line, String villageCode, Optional<YearMonth> period, String periodText,
			String villageName, List<Value> values, List<Problem> problems) {
		this(line, villageCode, period, periodText, villageName, values, problems,
				problems.stream().filter(Problem::isError).count(),
				problems.stream().filter((p) -> !p.isError()).count());
	}

	/**
	 * The same return holding less: only {@code kept} of its problems (the counts stay),
	 * and no values unless it is {@code staged} (a rejected return's values are never
	 * stored).
	 */
	CheckedReturn compacted(List<Problem> kept, boolean staged) {
		return new CheckedReturn(this.line, this.villageCode, this.period, this.periodText, this.villageName,
				staged ? this.values : List.of(), kept, this.errorCount, this.warningCount);
	}

	/** The same return with one more problem. */
	CheckedReturn with(Problem problem) {
		List<Problem> problems = new java.util.ArrayList<>(this.problems);
		problems.add(problem);
		return new CheckedReturn(this.line, this.villageCode, this.period, this.periodText, this.villageName,
				this.values, problems);
	}

	/**
	 * One reported value.
	 *
	 * @param indicator its indicator
	 * @param value the number, exactly as written
	 * @param line its line
	 * @param note the note of its row, or empty
	 */
	public record Value(Indicator indicator, BigDecimal value, int line, String note) {
	}

	public boolean isAccepted() {
		return this.errorCount == 0;
	}

}
