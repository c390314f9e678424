package cn.xinning.villagereturns;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Settings MySQL and MariaDB need, added (at the lowest precedence, so a county's own
 * settings win) when the configured datasource is one: Connector/J sends batched inserts
 * one by one unless {@code rewriteBatchedStatements} is on, and the job repository must
 * create executions at READ COMMITTED or two runs starting together deadlock on its gap
 * locks.
 */
public class DatabaseDefaults implements EnvironmentPostProcessor, Ordered {

	static final String SOURCE = "village-returns-mysql-defaults";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String url = environment.getProperty("spring.datasource.url", "");
		if (url.startsWith("jdbc:mysql:") || url.startsWith("jdbc:mariadb:")) {
			environment.getPropertySources()
				.addLast(new MapPropertySource(SOURCE,
						Map.of("spring.batch.jdbc.isolation-level-for-create", "read_committed",
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
