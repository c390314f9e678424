package cn.xinning.villagereturns.generate;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import picocli.CommandLine;

/** Runs the generator for the tests and reads what it wrote. */
final class Samples {

	/** 311 villages in 13 months, less the one that sends nothing for the last. */
	static final int VILLAGES = 311;

	private Samples() {
	}

	/** A planted.csv row. */
	record Planted(String period, String file, String line, String village, String indicator, String kind,
			String rule) {

		YearMonth yearMonth() {
			return YearMonth.parse(this.period);
		}

		Integer lineNumber() {
			return this.line.isEmpty() ? null : Integer.valueOf(this.line);
		}

	}

	/** The exit code and console output of one run. */
	record Run(int exitCode, String out, String err) {

	}

	static Run generate(Path out, String... options) {
		List<String> args = new ArrayList<>(List.of("--out", out.toString()));
		args.addAll(List.of(options));
		StringWriter out1 = new StringWriter();
		StringWriter err = new StringWriter();
		CommandLine commandLine = new CommandLine(new GenerateCommand());
		commandLine.setOut(new PrintWriter(out1, true));
		commandLine.setErr(new PrintWriter(err, true));
		int exitCode = commandLine.execute(args.toArray(String[]::new));
		return new Run(exitCode, out1.toString(), err.toString());
	}

	static SampleCatalogue catalogue() {
		return ReferenceFiles.catalogue(null);
	}

	static List<SampleVillage> villages() {
		return ReferenceFiles.villages(null);
	}

	/**
	 * The catalogue file itself, for the columns the generator does not read
	 * (min_abs_change).
	 */
	static Path catalogueFile() {
		Path local = Path.of(ReferenceFiles.CATALOGUE);
		if (Files.isRegularFile(local)) {
			return local;
		}
		try {
			return Path.of(Samples.class.getClassLoader().getResource(ReferenceFiles.CATALOGUE).toURI());
		}
		catch (Exception ex) {
			throw new IllegalStateException("No catalogue to test with", ex);
		}
	}

	static List<Planted> planted(Path out) {
		List<Planted> rows = new ArrayList<>();
		try (CSVParser parser = CSVParser.parse(Files.readString(out.resolve("planted.csv"), StandardCharsets.UTF_8),
				CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get())) {
			for (CSVRecord r : parser) {
				rows.add(new Planted(r.get("period"), r.get("file"), r.get("line"), r.get("village_code"),
						r.get("indicator_code"), r.get("kind"), r.get("expected_rule")));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return rows;
	}

	/** Every file under the folder, by path, with its bytes. */
	static List<Path> files(Path out) {
		try (Stream<Path> walk = Files.walk(out)) {
			return walk.filter(Files::isRegularFile).map(out::relativize).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static List<YearMonth> periods(String end, int months) {
		return new GeneratorSettings(YearMonth.parse(end), months, 0, false).periods();
	}

}
