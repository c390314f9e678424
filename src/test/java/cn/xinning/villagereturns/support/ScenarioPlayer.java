package cn.xinning.villagereturns.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import cn.xinning.villagereturns.VillageReturnsApplication;
import cn.xinning.villagereturns.ingest.IngestService;
import cn.xinning.villagereturns.ingest.IngestSummary;
import cn.xinning.villagereturns.reporting.ReportFormat;
import cn.xinning.villagereturns.reporting.ReportService;

/**
 * Plays a {@link MultiRunScenario} in an application of its own, on the database given.
 */
public final class ScenarioPlayer {

	private ScenarioPlayer() {
	}

	/**
	 * What the scenario left: its summaries, the exports and every file under the root's
	 * folders, by name.
	 *
	 * @param summaries one per run
	 * @param files export name or path under the root to content
	 */
	public record Outcome(List<IngestSummary> summaries, Map<String, byte[]> files) {
	}

	public static Outcome play(MultiRunScenario scenario, Path root, String url, String user, String password)
			throws Exception {
		List<String> args = new ArrayList<>(List.of("--village-returns.root=" + root, "--spring.datasource.url=" + url,
				"--spring.datasource.username=" + user, "--spring.datasource.password=" + password));
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(VillageReturnsApplication.class)
			.web(WebApplicationType.NONE)
			.run(args.toArray(String[]::new))) {
			IngestService ingest = context.getBean(IngestService.class);
			List<IngestSummary> summaries = new ArrayList<>();
			for (MultiRunScenario.Step step : scenario.steps()) {
				step.dropInto(root.resolve("inbox"));
				summaries.add(ingest.ingest(Optional.of(LocalDateTime.parse(step.asOf()))));
			}
			Path reports = root.resolve("reports");
			context.getBean(ReportService.class).write(MultiRunScenario.PERIODS, reports, List.of(ReportFormat.CSV));
			Map<String, byte[]> files = new TreeMap<>(MultiRunScenario.filedAway(root));
			try (var exports = Files.list(reports)) {
				for (Path export : exports.toList()) {
					files.put("reports/" + export.getFileName(), Files.readAllBytes(export));
				}
			}
			return new Outcome(summaries, files);
		}
	}

}
