package cn.xinning.villagereturns.generate;

import java.time.YearMonth;
import java.util.List;

/**
 * A generated county, ready to be written.
 *
 * @param settings what was asked for
 * @param catalogue the indicators
 * @param periods the periods, oldest first
 * @param plan which shape each township sent each month
 * @param files every file, in path order
 * @param planted every planted problem, in period, file and line order
 * @param returns returns written (each village and period once; duplicates and
 * corrections not counted)
 */
record SampleCounty(GeneratorSettings settings, SampleCatalogue catalogue, List<YearMonth> periods, ShapePlan plan,
		List<RenderedFile> files, List<PlantedProblem> planted, int returns) {

}
