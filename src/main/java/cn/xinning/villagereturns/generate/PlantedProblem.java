package cn.xinning.villagereturns.generate;

import java.time.YearMonth;
import java.util.Comparator;

/**
 * A problem put into the sample on purpose, where a test of the pipeline should find it:
 * one row of {@code planted.csv}.
 *
 * @param period the period of the return concerned
 * @param file path under the output folder, or empty (a return that was never sent)
 * @param line line in that file (header = 1), or {@code null}
 * @param villageCode the village concerned, or empty (a whole file)
 * @param indicatorCode the indicator or header concerned, or empty (a whole return)
 * @param kind what the pipeline should make of it
 * @param expectedRule the rule code (V-*, W-*), anomaly rule, {@code SAME_SHA256} or
 * {@code SUPERSEDES_EARLIER}
 * @param zh what was planted, in Chinese
 * @param en what was planted, in English
 */
record PlantedProblem(YearMonth period, String file, Integer line, String villageCode, String indicatorCode, Kind kind,
		String expectedRule, String zh, String en) {

	static final Comparator<PlantedProblem> ORDER = Comparator.comparing(PlantedProblem::period)
		.thenComparing(PlantedProblem::file)
		.thenComparing((problem) -> (problem.line() != null) ? problem.line() : 0)
		.thenComparing(PlantedProblem::kind)
		.thenComparing(PlantedProblem::expectedRule)
		.thenComparing(PlantedProblem::villageCode);

	enum Kind {

		/** The return (or, for a header, the whole file) is rejected. */
		ERROR,
		/** The return is accepted with a warning (and a LOW flag). */
		WARNING,
		/** The return is accepted and an anomaly flag should be raised. */
		ANOMALY,
		/** The file's content was already received: nothing changes. */
		DUPLICATE,
		/** A later file replaces an accepted return. */
		CORRECTION

	}

}
