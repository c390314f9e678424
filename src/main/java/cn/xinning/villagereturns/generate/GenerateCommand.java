package cn.xinning.villagereturns.generate;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

import cn.xinning.villagereturns.operations.Cli;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code generate}: writes a realistic sample county of monthly returns, in the shapes
 * real clerks send, with known problems planted for the pipeline to find. It needs no
 * database, so it runs without Spring ({@link Cli.Standalone}).
 */
@Command(name = "generate", mixinStandardHelpOptions = true, description = { "生成一个县的样例村级月报（多种文件形态，含有意埋设的问题）。",
		"Write a sample county's monthly returns (real-world file shapes, with planted problems)." })
public class GenerateCommand implements Callable<Integer>, Cli.Standalone {

	@Option(names = "--out", paramLabel = "DIR", defaultValue = "sample-data",
			description = "输出文件夹 / Folder to write into (default: ${DEFAULT-VALUE}).")
	Path out;

	@Option(names = "--end", paramLabel = "YYYY-MM", defaultValue = "2026-10",
			description = "最后一个报告期 / The last period (default: ${DEFAULT-VALUE}).")
	String end;

	@Option(names = "--months", paramLabel = "N", defaultValue = "13",
			description = "月数，截至 --end / Number of periods ending with --end (default: ${DEFAULT-VALUE}).")
	int months;

	@Option(names = "--seed", paramLabel = "N", defaultValue = "20261104",
			description = "随机种子，相同种子生成相同文件 / Random seed; the same seed writes the same bytes "
					+ "(default: ${DEFAULT-VALUE}).")
	long seed;

	@Option(names = "--registry", paramLabel = "FILE",
			description = "村登记册 / Village registry CSV (default: jobs/villages.csv).")
	Path registry;

	@Option(names = "--catalogue", paramLabel = "FILE",
			description = "指标目录 / Indicator catalogue CSV (default: jobs/indicators.csv).")
	Path catalogue;

	@Option(names = "--no-problems", description = "只生成干净数据 / Write clean data only, no planted problems.")
	boolean noProblems;

	@Spec
	CommandSpec spec;

	@Override
	public Integer call() throws Exception {
		GeneratorSettings settings = new GeneratorSettings(parseEnd(), this.months, this.seed, !this.noProblems);
		List<SampleVillage> villages = ReferenceFiles.villages(this.registry);
		SampleCatalogue indicators = ReferenceFiles.catalogue(this.catalogue);
		SampleCounty county = new CountyGenerator(villages, indicators).generate(settings);
		SampleWriter.write(county, this.out);
		LedgerSamples.write(villages, settings, this.out);
		print(county, this.spec.commandLine().getOut());
		return Cli.OK;
	}

	private YearMonth parseEnd() {
		try {
			return YearMonth.parse(this.end.strip());
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException("--end 须为 YYYY-MM / must be YYYY-MM: " + this.end);
		}
	}

	private void print(SampleCounty county, PrintWriter console) {
		List<YearMonth> periods = county.periods();
		Map<Character, Integer> shapes = new TreeMap<>();
		county.files().forEach((file) -> shapes.merge(file.shape().letter(), 1, Integer::sum));
		console.println("已生成样例数据 / Sample written: " + this.out.toAbsolutePath().normalize());
		console.println("  报告期 / periods: " + periods.get(0) + " .. " + periods.get(periods.size() - 1) + " ("
				+ periods.size() + ")");
		console.println("  文件 / files: " + county.files().size() + " " + shapes + "  (a 逐村长表 / long per village, "
				+ "b GB18030 宽表 / wide, c UTF-8 BOM 宽表 / wide, d UTF-16 长表 / long)");
		console.println("  月报 / returns: " + county.returns());
		console.println("  问题清单 / issue ledgers: " + LedgerSamples.FOLDER + "/YYYY-MM/ (one per township and month)");
		console.println("  埋设问题 / planted problems: " + county.planted().size() + " (" + SampleWriter.PLANTED + ", "
				+ SampleWriter.MANIFEST + ")");
		for (PlantedProblem problem : county.planted()) {
			console.println("    " + problem.period() + " " + problem.kind() + " " + problem.expectedRule() + " "
					+ (problem.file().isEmpty() ? "-" : problem.file())
					+ ((problem.line() != null) ? ":" + problem.line() : "") + " " + problem.villageCode() + " "
					+ problem.indicatorCode());
		}
	}

}
