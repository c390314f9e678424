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
 * @param problems its problems, ERROR and WARNING, in line order
 */
public record CheckedReturn(int line, String villageCode, Optional<YearMonth> period, String periodText,
		String villageName, List<Value> values, List<Problem> problems) {

	public CheckedReturn {
		values = List.copyOf(values);
		problems = List.copyOf(problems);
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
		return this.problems.stream().noneMatch(Problem::isError);
	}

	public long errorCount() {
		return this.problems.stream().filter(Problem::isError).count();
	}

	public long warningCount() {
		return this.problems.size() - errorCount();
	}

}
