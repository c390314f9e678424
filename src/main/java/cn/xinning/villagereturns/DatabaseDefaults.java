package cn.xinning.villagereturns;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Settings derived from others, added at the lowest precedence (a county's own settings
 * win): a connection pool large enough for the worker threads, and what MySQL and MariaDB
 * need when the configured datasource is one: Connector/J sends batched inserts one by
 * one unless {@code rewriteBatchedStatements} is on, and the job repository must create
 * executions at READ COMMITTED or two runs starting together deadlock on its gap locks.
 */
public class DatabaseDefaults implements EnvironmentPostProcessor, Ordered {

	static final String SOURCE = "village-returns-mysql-defaults";

	static final String POOL_SOURCE = "village-returns-pool-size";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		// each partition holds its chunk's connection and takes a second one for a block
		// of ids;
		// each flag worker streams on one; the heartbeat and the step's own transaction
		// need theirs
		int threads = environment.getProperty("village-returns.batch.threads", Integer.class, 0);
		int workers = VillageReturnsProperties.Batch.effectiveThreads(threads);
		environment.getPropertySources()
			.addLast(new MapPropertySource(POOL_SOURCE,
					Map.of("spring.datasource.hikari.maximum-pool-size", String.valueOf(2 * workers + 4))));
		String url = environment.getProperty("spring.datasource.url", "");
		if (url.startsWith("jdbc:mysql:") || url.startsWith("jdbc:mariadb:")) {
			environment.getPropertySources()
				.addLast(new MapPropertySource(SOURCE,
						Map.of("spring.batch.jdbc.isolation-level-for-create", "read_committed",
								// a period lock is taken before reading what it
								// protects: each statement must see what the last
								// holder committed
								"spring.datasource.hikari.transaction-isolation", "TRANSACTION_READ_COMMITTED",
								"spring.datasource.hikari.data-source-properties.rewriteBatchedStatements", "true",
								"spring.datasource.hikari.data-source-properties.cachePrepStmts", "true",
								"spring.datasource.hikari.data-source-properties.prepStmtCacheSize", "250")));
		}
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
