package cn.xinning.villagereturns.cluster;

import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.integration.config.EnableIntegration;

import cn.xinning.villagereturns.ConfigurationException;

/**
 * What a manager and a worker share: the queue of partition requests (durable, with a
 * dead-letter queue for a request that cannot be executed, so that a poison request does
 * not go round and round), declared alike by both, and the refusal of the embedded H2
 * database, which other processes cannot share.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression(ClusterConfiguration.CLUSTERED)
@EnableIntegration
class ClusterConfiguration {

	static final String CLUSTERED = "'${village-returns.partitions.mode:local}'.equalsIgnoreCase('manager')"
			+ " or '${village-returns.partitions.worker:false}' == 'true'";

	ClusterConfiguration(Environment environment, PartitionsProperties properties) {
		refuseEmbeddedDatabase(environment.getProperty("spring.datasource.url", ""), properties);
	}

	static void refuseEmbeddedDatabase(String url, PartitionsProperties properties) {
		if (url.startsWith("jdbc:h2:")) {
			String role = properties.worker() ? "worker" : "manager (village-returns.partitions.mode=manager)";
			throw new ConfigurationException("集群模式需要共享的 MySQL/MariaDB 数据库，不能使用内嵌 H2 数据库；请配置 spring.datasource.url。\n"
					+ "A " + role + " needs the database the other processes share (MySQL or MariaDB):"
					+ " the embedded H2 database (" + url.replaceAll(";.*", "")
					+ ") cannot be shared. Set spring.datasource.url, or run with village-returns.partitions.mode=local.");
		}
	}

	@Bean
	Queue partitionRequestQueue(PartitionsProperties properties) {
		return QueueBuilder.durable(properties.queue())
			.deadLetterExchange("")
			.deadLetterRoutingKey(properties.deadLetterQueue())
			.build();
	}

	@Bean
	Queue partitionDeadLetterQueue(PartitionsProperties properties) {
		return QueueBuilder.durable(properties.deadLetterQueue()).build();
	}

}
