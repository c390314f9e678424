package cn.xinning.villagereturns.generate;

import static cn.xinning.villagereturns.generate.Codes.HOME_VISITS;
import static cn.xinning.villagereturns.generate.Codes.PAIRED_HOUSEHOLDS;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import cn.xinning.villagereturns.generate.PlantedProblem.Kind;

/**
 * Makes the files of the two planted file events once the ordinary files exist: the same
 * bytes sent again under another name, and a correction. Both are named so that they sort
 * after the original ({@code 金石镇_2026-10.csv} before {@code 金石镇_2026-10_更正_湾坝村.csv}: a
 * dot sorts before an underscore), because returns of one run are taken in file-name
 * order (spec 5).
 */
final class FilePlants {

	private final CountyFiles countyFiles;

	private final SampleCatalogue catalogue;

	private final SplittableRandom random;

	private final List<RenderedFile> files = new ArrayList<>();

	private final List<PlantedProblem> planted = new ArrayList<>();

	FilePlants(CountyFiles countyFiles, SampleCatalogue catalogue, long seed) {
		this.countyFiles = countyFiles;
		this.catalogue = catalogue;
		this.random = Draws.stream(seed, "file-plants");
	}

	List<RenderedFile> files() {
		return this.files;
	}

	List<PlantedProblem> planted() {
		return this.planted;
	}

	/**
	 * Writes the file a duplicate or correction plant stands for, and records where it
	 * is.
	 * @param plant the reserved plant
	 * @param original the file holding the village's return for the plant's period
	 */
	void realise(Plant plant, RenderedFile original) {
		if (plant.kind() == Kind.DUPLICATE) {
			duplicate(plant, original);
		}
		else {
			correction(plant, original);
		}
	}

	private void duplicate(Plant plant, RenderedFile original) {
		RenderedFile copy = original.renamed(original.stem() + "_重发" + original.extension());
		this.files.add(copy);
		this.planted.add(new Plant(plant.period(), plant.townshipCode(), plant.villageCode(), "", Kind.DUPLICATE,
				plant.rule(), plant.where(), "与 " + original.fileName() + " 字节完全相同（重复发送）",
				"Same bytes as " + original.fileName() + " (sent twice)")
			.at(copy.path(), null));
	}

	/**
	 * The whole return again, with one more batch of home visits the clerk had forgotten.
	 */
	private void correction(Plant plant, RenderedFile original) {
		SampleReturn earlier = original.returns()
			.stream()
			.filter((month) -> month.village().code().equals(plant.villageCode()))
			.findFirst()
			.orElseThrow();
		int visits = this.catalogue.indexOf(HOME_VISITS);
		int paired = this.catalogue.indexOf(PAIRED_HOUSEHOLDS);
		SampleReturn corrected = earlier.copy();
		int before = earlier.integer(visits);
		int after = before + 3 + this.random.nextInt(10);
		BigDecimal limit = this.catalogue.get(visits).limit(earlier.village().households());
		if (after > 3 * earlier.integer(paired) || (limit != null && BigDecimal.valueOf(after).compareTo(limit) > 0)) {
			after = Math.max(0, before - 3);
		}
		corrected.setNumber(visits, BigDecimal.valueOf(after));
		corrected.setNote(visits, "更正：原报 " + before);
		String suffix = original.shape().perVillage() ? "_更正.csv" : "_更正_" + earlier.village().name() + ".csv";
		String path = original.folder() + original.stem() + suffix;
		RenderedFile file = this.countyFiles.render(path, FileShape.LONG_VILLAGE_UTF8, plant.period(),
				plant.townshipCode(), List.of(corrected), Map.of());
		this.files.add(file);
		this.planted
			.add(new Plant(plant.period(), plant.townshipCode(), plant.villageCode(), HOME_VISITS, Kind.CORRECTION,
					plant.rule(), plant.where(), "更正 " + original.fileName() + " 中的上门走访人次：" + before + " → " + after,
					"Corrects home visits of " + original.fileName() + ": " + before + " → " + after)
				.at(path, file.line(plant.villageCode(), HOME_VISITS)));
	}

}
