package cn.xinning.villagereturns.cluster;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import cn.xinning.villagereturns.ConfigurationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PartitionsPropertiesTests {

	static PartitionsProperties of(PartitionsProperties.Mode mode, int gridSize, Duration timeout) {
		return new PartitionsProperties(mode, gridSize, 500, "q", Duration.ofSeconds(2), timeout, 0, false);
	}

	@Test
	void theGridIsOnePartitionPerThreadLocallyAndSixteenForAManagerUnlessConfigured() {
		assertThat(of(PartitionsProperties.Mode.LOCAL, 0, Duration.ofHours(2)).effectiveGridSize(2)).isEqualTo(2);
		assertThat(of(PartitionsProperties.Mode.MANAGER, 0, Duration.ofHours(2)).effectiveGridSize(2)).isEqualTo(16);
		assertThat(of(PartitionsProperties.Mode.MANAGER, 40, Duration.ofHours(2)).effectiveGridSize(2)).isEqualTo(40);
		assertThat(of(PartitionsProperties.Mode.LOCAL, 0, Duration.ofHours(2)).deadLetterQueue()).isEqualTo("q.dlq");
	}

	@Test
	void aManagerNeverWaitsForever() {
		assertThatIllegalArgumentException().isThrownBy(() -> of(PartitionsProperties.Mode.MANAGER, 0, Duration.ZERO))
			.withMessageContaining("village-returns.partitions.timeout must be positive");
	}

	@Test
	void theEmbeddedDatabaseIsRefusedByName() {
		assertThatExceptionOfType(ConfigurationException.class)
			.isThrownBy(() -> ClusterConfiguration.refuseEmbeddedDatabase(
					"jdbc:h2:file:/srv/vr/db/village-returns;MODE=MySQL",
					of(PartitionsProperties.Mode.MANAGER, 0, Duration.ofHours(1))))
			.withMessageContaining("(jdbc:h2:file:/srv/vr/db/village-returns) cannot be shared");
		ClusterConfiguration.refuseEmbeddedDatabase("jdbc:mysql://db/vr",
				of(PartitionsProperties.Mode.MANAGER, 0, Duration.ofHours(1)));
	}

}
