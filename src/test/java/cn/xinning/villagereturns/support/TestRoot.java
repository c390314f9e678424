package cn.xinning.villagereturns.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A root folder of its own for a test class, with its own embedded database, and ways to
 * drop files into its inbox the way clerks do (old enough not to look half-written).
 */
public final class TestRoot {

	private static final List<String> BUSINESS_TABLES = List.of("township_indicator", "county_indicator",
			"completeness", "problem", "submission_value", "current_return", "submission", "run_period", "file_content",
			"inbox_file", "ingest_run", "filed_name");

	/** The header line of a village registry CSV. */
	public static final String REGISTRY_HEADER = "village_code,village_name,township_code,township_name,kind,"
			+ "households,population,valid_from,valid_to\n";

	private final Path root;

	private TestRoot(Path root) {
		this.root = root;
	}

	public static TestRoot create(String name) {
		try {
			return new TestRoot(Files.createTempDirectory("vr-" + name + "-").toAbsolutePath());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public Path path() {
		return this.root;
	}

	public String url() {
		return "jdbc:h2:file:" + this.root.resolve("db/village-returns")
				+ ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;AUTO_SERVER=TRUE;WRITE_DELAY=0";
	}

	/**
	 * Points the program at this root and its database (from a test's
	 * {@code @DynamicPropertySource}); the registry is the packaged one.
	 */
	public void configure(DynamicPropertyRegistry properties) {
		properties.add("village-returns.root", () -> this.root.toString());
		properties.add("spring.datasource.url", this::url);
	}

	/**
	 * Points the program at this root, its database and the registry at
	 * {@code registryLocation} (e.g. {@code classpath:fixtures/…}, or {@code "file:" +}
	 * {@link #registry()}).
	 */
	public void configure(DynamicPropertyRegistry properties, String registryLocation) {
		configure(properties);
		properties.add("village-returns.registry", () -> registryLocation);
	}

	/** Where a test's own registry file goes: {@code registry.csv} in the root. */
	public Path registry() {
		return this.root.resolve("registry.csv");
	}

	/**
	 * Writes {@link #registry()}: the header the county's office uses, then the rows
	 * given (one village a line).
	 */
	public Path writeRegistry(String rows) {
		try {
			return Files.writeString(registry(), REGISTRY_HEADER + rows, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public Path inbox() {
		return this.root.resolve("inbox");
	}

	public Path drop(String relativePath, String content) {
		return drop(relativePath, content, StandardCharsets.UTF_8);
	}

	public Path drop(String relativePath, String content, Charset charset) {
		return drop(relativePath, content.getBytes(charset));
	}

	public Path drop(String relativePath, byte[] content) {
		try {
			Path file = inbox().resolve(relativePath);
			Files.createDirectories(file.getParent());
			Files.write(file, content);
			Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(3600)));
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Every file under the root except the database, logs and exports, relative, sorted.
	 */
	public List<String> files() {
		try (Stream<Path> paths = Files.walk(this.root)) {
			return paths.filter(Files::isRegularFile)
				.map((p) -> this.root.relativize(p).toString().replace('\\', '/'))
				.filter((p) -> !p.startsWith("db/") && !p.startsWith("logs/") && !p.startsWith("reports/"))
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public String read(String relativePath) {
		try {
			return Files.readString(this.root.resolve(relativePath), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Empties the folders and the business tables, keeping the schema and the reference
	 * data.
	 */
	public void reset(JdbcTemplate jdbc) {
		for (String folder : List.of("inbox", "work", "archive", "rejected", "reports")) {
			deleteTree(this.root.resolve(folder));
		}
		for (String table : BUSINESS_TABLES) {
			jdbc.update("delete from " + table);
		}
	}

	private static void deleteTree(Path folder) {
		if (!Files.exists(folder)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(folder)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
