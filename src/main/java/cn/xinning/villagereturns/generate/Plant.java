package cn.xinning.villagereturns.generate;

import java.time.YearMonth;

/**
 * A planted problem before the files are written: which return it is in and what it
 * should be pointed at once the file and line are known.
 *
 * @param period the period of the return
 * @param townshipCode the township whose file holds it
 * @param villageCode the village, or empty for a whole file
 * @param indicatorCode the indicator or header, or empty
 * @param kind what the pipeline should make of it
 * @param rule the expected rule
 * @param where what the line should point at
 * @param zh description in Chinese
 * @param en description in English
 */
record Plant(YearMonth period, String townshipCode, String villageCode, String indicatorCode, PlantedProblem.Kind kind,
		String rule, Where where, String zh, String en) {

	enum Where {

		/** The line of one value (its row in a wide file). */
		CELL,
		/** The first line of the village's return. */
		ROW,
		/** The header of the township's file. */
		HEADER,
		/** Nothing was written. */
		NOTHING,
		/** A file of its own, made after rendering (duplicate, correction). */
		FILE

	}

	static Plant of(SampleReturn month, String indicatorCode, PlantedProblem.Kind kind, String rule, Where where,
			String zh, String en) {
		return new Plant(month.period(), month.village().townshipCode(), month.village().code(), indicatorCode, kind,
				rule, where, zh, en);
	}

	PlantedProblem at(String file, Integer line) {
		return new PlantedProblem(this.period, file, line, this.villageCode, this.indicatorCode, this.kind, this.rule,
				this.zh, this.en);
	}

}
