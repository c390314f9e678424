package cn.xinning.villagereturns.cluster;

import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.batch.core.partition.PartitionHandler;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.integration.partition.MessageChannelPartitionHandler;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.amqp.dsl.Amqp;
import org.springframework.integration.channel.DirectChannel;
import org.springframework.integration.core.MessagingTemplate;
import org.springframework.integration.dsl.IntegrationFlow;

import cn.xinning.villagereturns.support.WorkerThreads;

/**
 * {@code village-returns.partitions.mode=manager}: each partition becomes a
 * {@code StepExecutionRequest} on the durable queue; the manager learns the partitions'
 * end by polling the shared job repository (not by aggregating replies, which breaks with
 * concurrent jobs and after a manager restart), within a configured timeout.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "village-returns.partitions.mode", havingValue = "manager")
class ManagerConfiguration {

	@Bean
	DirectChannel partitionRequests() {
		return new DirectChannel();
	}

	@Bean
	IntegrationFlow partitionRequestsToBroker(DirectChannel partitionRequests, RabbitTemplate rabbitTemplate,
			PartitionsProperties properties) {
		return IntegrationFlow.from(partitionRequests)
			.handle(Amqp.outboundAdapter(rabbitTemplate).routingKey(properties.queue()))
			.get();
	}

	@Bean
	PartitionHandlers managerPartitionHandlers(DirectChannel partitionRequests, JobRepository jobRepository,
			PartitionsProperties properties, WorkerThreads threads) {
		int gridSize = properties.effectiveGridSize(threads.threads());
		return new PartitionHandlers() {

			@Override
			public PartitionHandler handler(Step partitionStep) {
				MessageChannelPartitionHandler handler = new MessageChannelPartitionHandler();
				handler.setStepName(partitionStep.getName());
				handler.setGridSize(gridSize);
				handler.setMessagingOperations(new MessagingTemplate(partitionRequests));
				handler.setJobRepository(jobRepository);
				handler.setPollInterval(properties.pollInterval().toMillis());
				handler.setTimeout(properties.timeout().toMillis());
				try {
					handler.afterPropertiesSet();
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
				return handler;
			}

			@Override
			public int gridSize() {
				return gridSize;
			}

		};
	}

}
