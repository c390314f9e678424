package cn.xinning.villagereturns.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import cn.xinning.villagereturns.generate.GenerateCommand;
import picocli.CommandLine;

/**
 * A county's autumn in six runs, on a generated sample (311 villages, July to October
 * 2026, every file shape and the generator's planted problems): a history backfill, a
 * month on time, a month half on time and half late (with the sample's correction and
 * duplicate), then a late correction, a re-sent copy and a rejected file, then a nightly
 * run with an empty inbox.
 */
public final class MultiRunScenario {

	public static final PeriodRange PERIODS = PeriodRange.parse("2026-07..2026-10");

	/**
	 * One run: the files to drop into the inbox first, and its business time.
	 *
	 * @param asOf business time
	 * @param files path under the inbox to content
	 */
	public record Step(String asOf, Map<String, byte[]> files) {

		public void dropInto(Path inbox) {
			this.files.forEach((name, content) -> {
				try {
					Path file = inbox.resolve(name);
					Files.createDirectories(file.getParent());
					Files.write(file, content);
					Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(600)));
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		}

	}

	private final List<Step> steps;

	private MultiRunScenario(List<Step> steps) {
		this.steps = List.copyOf(steps);
	}

	public List<Step> steps() {
		return this.steps;
	}

	/** Generates the sample under {@code workDir} and lays out the runs. */
	public static MultiRunScenario generate(Path workDir) {
		Path sample = workDir.resolve("sample");
		int status = new CommandLine(new GenerateCommand()).execute("--out", sample.toString(), "--end", "2026-10",
				"--months", "4", "--seed", "20261104");
		if (status != 0) {
			throw new IllegalStateException("generate exited with " + status);
		}
		List<Step> steps = new ArrayList<>();
		Map<String, byte[]> history = new LinkedHashMap<>(files(sample, "2026-07"));
		history.putAll(files(sample, "2026-08"));
		steps.add(new Step("2026-09-03T09:00", history));
		Map<String, byte[]> september = files(sample, "2026-09");
		steps.add(new Step("2026-10-04T09:00", september));
		Map<String, byte[]> onTime = new LinkedHashMap<>();
		Map<String, byte[]> late = new LinkedHashMap<>();
		int i = 0;
		for (Map.Entry<String, byte[]> file : files(sample, "2026-10").entrySet()) {
			((i++ % 2 == 0) ? onTime : late).put(file.getKey(), file.getValue());
		}
		steps.add(new Step("2026-11-04T10:00", onTime));
		steps.add(new Step("2026-11-07T10:00", late));
		Map<String, byte[]> extras = new LinkedHashMap<>();
		extras.put("更正/湾坝村_2026-09_更正.csv",
				SampleReturn.of("430528100201", "2026-09")
					.with("HOME_VISITS", "399")
					.longFile()
					.getBytes(StandardCharsets.UTF_8));
		Map.Entry<String, byte[]> resent = september.entrySet().iterator().next();
		extras.put("重发/" + Path.of(resent.getKey()).getFileName(), resent.getValue());
		extras.put("江园村_2026-10.csv",
				SampleReturn.of("430528100202", "2026-10")
					.with("HOME_VISITS", "三百")
					.longFile()
					.getBytes(StandardCharsets.UTF_8));
		steps.add(new Step("2026-11-10T09:00", extras));
		steps.add(new Step("2026-12-07T02:00", Map.of()));
		return new MultiRunScenario(steps);
	}

	/**
	 * Every file of a period folder, by path under the sample (which keeps the period
	 * folder).
	 */
	private static Map<String, byte[]> files(Path sample, String period) {
		Map<String, byte[]> files = new LinkedHashMap<>();
		try (Stream<Path> paths = Files.walk(sample.resolve(period))) {
			for (Path path : paths.filter(Files::isRegularFile).sorted().toList()) {
				files.put(sample.relativize(path).toString().replace('\\', '/'), Files.readAllBytes(path));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return files;
	}

	/** Every file under the root's archive/ and rejected/ folders, path to content. */
	public static Map<String, byte[]> filedAway(Path root) {
		Map<String, byte[]> files = new java.util.TreeMap<>();
		for (String folder : List.of("archive", "rejected", "quarantine", "inbox", "work")) {
			Path base = root.resolve(folder);
			if (!Files.isDirectory(base)) {
				continue;
			}
			try (Stream<Path> paths = Files.walk(base)) {
				for (Path path : paths.filter(Files::isRegularFile).toList()) {
					files.put(root.relativize(path).toString().replace('\\', '/'), Files.readAllBytes(path));
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return files;
	}

}
