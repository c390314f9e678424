package cn.xinning.villagereturns;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.convert.ApplicationConversionService;

import cn.xinning.villagereturns.cluster.PartitionsProperties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The settings county staff edit, {@code jobs/village-returns.properties}, are imported
 * into every command and so override the records' {@code @DefaultValue}s: a default
 * changed in one place only would silently not apply (a benchmark series of 2026-12-03
 * ran with the old partition size for that reason). The file ships the defaults, so the
 * two must say the same.
 */
class PackagedSettingsTests {

	private static Binder binder(Properties properties) {
		return new Binder(List.of(new MapConfigurationPropertySource(properties)), null,
				ApplicationConversionService.getSharedInstance());
	}

	private static Properties packaged() throws IOException {
		Properties properties = new Properties();
		try (Reader reader = Files.newBufferedReader(Path.of("jobs/village-returns.properties"),
				StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		return properties;
	}

	@Test
	void thePackagedFileShipsTheRecordsDefaults() throws IOException {
		Binder file = binder(packaged());
		Binder none = binder(new Properties());
		VillageReturnsProperties settings = file.bindOrCreate("village-returns", VillageReturnsProperties.class);
		assertThat(settings).isEqualTo(none.bindOrCreate("village-returns", VillageReturnsProperties.class));
		PartitionsProperties partitions = file.bindOrCreate("village-returns.partitions", PartitionsProperties.class);
		assertThat(partitions).isEqualTo(none.bindOrCreate("village-returns.partitions", PartitionsProperties.class));
		// and the figures the README's benchmarks were measured with
		assertThat(partitions.maxFilesPerPartition()).isEqualTo(2500);
		assertThat(settings.batch()).isEqualTo(new VillageReturnsProperties.Batch(250, 0, 2500, 20000));
	}

}
