package cn.xinning.villagereturns.cluster;

import java.util.List;

import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.support.converter.SimpleMessageConverter;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.integration.partition.BeanFactoryStepLocator;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.batch.integration.partition.StepExecutionRequestHandler;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.amqp.dsl.Amqp;
import org.springframework.integration.dsl.IntegrationFlow;

import cn.xinning.villagereturns.VillageReturnsProperties;

/**
 * The {@code worker} command's process: consumes partition requests and executes the
 * named partition step (the same bean a local run uses) on the step execution the manager
 * created.
 *
 * <ul>
 * <li>prefetch 1: a worker holds only the requests it is executing, so the others share
 * the rest (Spring AMQP's default of 250 lets the first worker take them all);</li>
 * <li>AUTO acknowledgement, after the partition ended: a killed worker's request goes
 * back to the queue and another worker continues it from its last commit;</li>
 * <li>a request that fails to execute is not requeued but dead-lettered;</li>
 * <li>requests travel Java-serialized: only Batch's request classes and the JDK's are
 * deserialized.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "village-returns.partitions.worker", havingValue = "true")
class WorkerConfiguration {

	@Bean
	PartitionRequests partitionRequests(JobRepository jobRepository, BeanFactory beanFactory) {
		BeanFactoryStepLocator locator = new BeanFactoryStepLocator();
		locator.setBeanFactory(beanFactory);
		StepExecutionRequestHandler handler = new StepExecutionRequestHandler();
		handler.setJobRepository(jobRepository);
		handler.setStepLocator(locator);
		return new PartitionRequests(jobRepository, handler);
	}

	@Bean
	IntegrationFlow partitionRequestsFromBroker(ConnectionFactory connectionFactory, PartitionRequests requests,
			PartitionsProperties properties, VillageReturnsProperties village) {
		SimpleMessageConverter converter = new SimpleMessageConverter();
		converter.setAllowedListPatterns(
				List.of("org.springframework.batch.integration.partition.*", "java.lang.*", "java.util.*"));
		int threads = workerThreads(properties, village);
		return IntegrationFlow
			.from(Amqp.inboundAdapter(connectionFactory, properties.queue())
				.messageConverter(converter)
				.configureContainer((container) -> container.concurrentConsumers(threads)
					.prefetchCount(1)
					.acknowledgeMode(AcknowledgeMode.AUTO)
					.defaultRequeueRejected(false)))
			.handle(StepExecutionRequest.class, (request, headers) -> {
				requests.execute(request);
				return null;
			})
			.get();
	}

	static int workerThreads(PartitionsProperties properties, VillageReturnsProperties village) {
		return (properties.workerThreads() > 0) ? properties.workerThreads() : village.batch().effectiveThreads();
	}

}
