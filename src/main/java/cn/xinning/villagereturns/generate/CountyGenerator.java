package cn.xinning.villagereturns.generate;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import cn.xinning.villagereturns.generate.Plant.Where;

/**
 * Makes a sample county: clean values for every village and period, planted problems on
 * top, then the files, then the two file events (duplicate, correction) that need the
 * files.
 */
final class CountyGenerator {

	private final List<SampleVillage> villages;

	private final SampleCatalogue catalogue;

	CountyGenerator(List<SampleVillage> villages, SampleCatalogue catalogue) {
		this.villages = villages;
		this.catalogue = catalogue;
	}

	SampleCounty generate(GeneratorSettings settings) {
		List<YearMonth> periods = settings.periods();
		ValueModel model = new ValueModel(this.catalogue, settings.seed());
		Map<String, List<SampleReturn>> series = new TreeMap<>();
		for (SampleVillage village : this.villages) {
			series.put(village.code(), model.series(village, periods));
		}
		ShapePlan plan = ShapePlan.draw(this.villages, periods, settings.seed());
		PlantContext context = new PlantContext(this.catalogue, plan, periods, series, settings.seed());
		if (settings.problems()) {
			ErrorPlants errors = new ErrorPlants(context);
			errors.plantHeader();
			new AnomalyPlants(context).plant();
			errors.plant();
		}
		List<SampleReturn> returns = series.values().stream().flatMap(List::stream).toList();
		CountyFiles countyFiles = new CountyFiles(this.catalogue, plan, settings.seed());
		List<RenderedFile> files = new ArrayList<>(countyFiles.render(periods, returns, context.headerOverrides()));
		Map<String, RenderedFile> byVillage = new TreeMap<>();
		Map<String, RenderedFile> byTownship = new TreeMap<>();
		for (RenderedFile file : files) {
			file.returns().forEach((month) -> byVillage.put(file.period() + "|" + month.village().code(), file));
			if (!file.shape().perVillage()) {
				byTownship.put(file.period() + "|" + file.townshipCode(), file);
			}
		}
		List<PlantedProblem> planted = new ArrayList<>();
		FilePlants filePlants = new FilePlants(countyFiles, this.catalogue, settings.seed());
		for (Plant plant : context.plants()) {
			RenderedFile file = (plant.where() == Where.HEADER)
					? byTownship.get(plant.period() + "|" + plant.townshipCode())
					: byVillage.get(plant.period() + "|" + plant.villageCode());
			switch (plant.where()) {
				case CELL -> planted.add(plant.at(file.path(), file.line(plant.villageCode(), plant.indicatorCode())));
				case ROW -> planted.add(plant.at(file.path(), file.line(plant.villageCode(), "")));
				case HEADER -> planted.add(plant.at(file.path(), 1));
				case NOTHING -> planted.add(plant.at("", null));
				case FILE -> filePlants.realise(plant, file);
			}
		}
		files.addAll(filePlants.files());
		planted.addAll(filePlants.planted());
		files.sort(Comparator.comparing(RenderedFile::path));
		planted.sort(PlantedProblem.ORDER);
		int written = (int) returns.stream().filter((month) -> !month.omitted()).count();
		return new SampleCounty(settings, this.catalogue, periods, plan, List.copyOf(files), List.copyOf(planted),
				written);
	}

}
