package cn.xinning.villagereturns.generate;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * What to generate.
 *
 * @param end the last period
 * @param months how many periods, ending with {@code end}
 * @param seed the seed of every random stream
 * @param problems whether to plant problems ({@code false}: clean data only)
 */
record GeneratorSettings(YearMonth end, int months, long seed, boolean problems) {

	GeneratorSettings {
		if (months < 1 || months > 120) {
			throw new IllegalArgumentException("--months 须在 1 到 120 之间 / must be between 1 and 120: " + months);
		}
	}

	List<YearMonth> periods() {
		List<YearMonth> periods = new ArrayList<>();
		for (int back = this.months - 1; back >= 0; back--) {
			periods.add(this.end.minusMonths(back));
		}
		return periods;
	}

}
