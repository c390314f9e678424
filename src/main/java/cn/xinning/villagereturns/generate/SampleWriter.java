package cn.xinning.villagereturns.generate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes a sample to disk. A folder that already holds a sample (it has our MANIFEST.md)
 * is replaced, so that files of an earlier, longer sample do not linger; any other
 * non-empty folder is refused rather than mixed with or deleted.
 */
final class SampleWriter {

	static final String MANIFEST = "MANIFEST.md";

	static final String PLANTED = "planted.csv";

	private SampleWriter() {
	}

	static void write(SampleCounty county, Path out) throws IOException {
		prepare(out);
		for (RenderedFile file : county.files()) {
			Path target = out.resolve(file.path());
			Files.createDirectories(target.getParent());
			Files.write(target, file.bytes());
		}
		Files.writeString(out.resolve(MANIFEST), ManifestWriter.manifest(county), StandardCharsets.UTF_8);
		Files.writeString(out.resolve(PLANTED), ManifestWriter.plantedCsv(county), StandardCharsets.UTF_8);
	}

	private static void prepare(Path out) throws IOException {
		if (Files.exists(out) && !Files.isDirectory(out)) {
			throw new IllegalArgumentException("--out 不是文件夹 / is not a folder: " + out);
		}
		Files.createDirectories(out);
		List<Path> entries;
		try (Stream<Path> list = Files.list(out)) {
			entries = list.sorted().toList();
		}
		if (entries.isEmpty()) {
			return;
		}
		if (!isSample(out)) {
			throw new IllegalArgumentException(
					"--out 文件夹不是空的，也不是样例数据 / the folder is neither empty nor an " + "earlier sample: " + out);
		}
		for (Path entry : entries) {
			String name = entry.getFileName().toString();
			if (name.equals(MANIFEST) || name.equals(PLANTED)
					|| (Files.isDirectory(entry) && name.matches("\\d{4}-\\d{2}"))) {
				delete(entry);
			}
		}
	}

	private static boolean isSample(Path out) throws IOException {
		Path manifest = out.resolve(MANIFEST);
		if (!Files.isRegularFile(manifest)) {
			return false;
		}
		try (Stream<String> lines = Files.lines(manifest, StandardCharsets.UTF_8)) {
			return lines.findFirst().filter(ManifestWriter.TITLE::equals).isPresent();
		}
	}

	private static void delete(Path path) throws IOException {
		try (Stream<Path> tree = Files.walk(path)) {
			for (Path each : tree.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(each);
			}
		}
	}

}
