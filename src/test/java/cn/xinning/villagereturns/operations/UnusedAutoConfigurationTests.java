package cn.xinning.villagereturns.operations;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a run leaves out of its start: the console's auto-configuration outside
 * {@code serve}, the broker's outside a cluster.
 */
class UnusedAutoConfigurationTests {

	private static final String RABBIT = "org.springframework.boot.amqp.autoconfigure.RabbitAutoConfiguration";

	private static final String THYMELEAF = "org.springframework.boot.thymeleaf.autoconfigure.ThymeleafAutoConfiguration";

	private static final String SECURITY = "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration";

	@Test
	void aLocalCommandLineRunLeavesOutTheConsoleAndTheBroker() {
		List<String> excluded = excluded(false, new MockEnvironment());
		assertThat(excluded).contains(RABBIT, THYMELEAF, SECURITY).hasSize(8);
	}

	@Test
	void serveKeepsTheConsoleAndLeavesOutTheBroker() {
		List<String> excluded = excluded(true, new MockEnvironment());
		assertThat(excluded).containsExactly(RABBIT,
				"org.springframework.boot.amqp.autoconfigure.health.RabbitHealthContributorAutoConfiguration",
				"org.springframework.boot.amqp.autoconfigure.metrics.RabbitMetricsAutoConfiguration");
	}

	@Test
	void aManagerKeepsTheBrokerWhateverTheCaseOfItsMode() {
		assertThat(excluded(false, new MockEnvironment().withProperty("village-returns.partitions.mode", "Manager")))
			.contains(THYMELEAF)
			.doesNotContain(RABBIT)
			.hasSize(5);
		assertThat(Cli.unusedAutoConfigurations(true,
				new MockEnvironment().withProperty("village-returns.partitions.mode", "manager")))
			.isEmpty();
	}

	@Test
	void aWorkerKeepsTheBroker() {
		assertThat(excluded(false, new MockEnvironment().withProperty("village-returns.partitions.worker", "true")))
			.doesNotContain(RABBIT)
			.hasSize(5);
	}

	@Test
	void anExplicitLocalModeLeavesOutTheBroker() {
		assertThat(excluded(false, new MockEnvironment().withProperty("village-returns.partitions.mode", "local")))
			.contains(RABBIT);
	}

	private static List<String> excluded(boolean web, MockEnvironment environment) {
		return List.of(Cli.unusedAutoConfigurations(web, environment).split(","));
	}

}
