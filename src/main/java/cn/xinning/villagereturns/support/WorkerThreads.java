package cn.xinning.villagereturns.support;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

import cn.xinning.villagereturns.VillageReturnsProperties;

/**
 * The threads work in parallel runs on: partitions of files, ranges of villages.
 * Deliberately not a TaskExecutor bean: Spring Boot would otherwise hand it to the job
 * launcher, and runs would start asynchronously.
 */
@Component
public class WorkerThreads implements DisposableBean {

	private final ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();

	private final int threads;

	public WorkerThreads(VillageReturnsProperties properties) {
		this.threads = properties.batch().effectiveThreads();
		this.executor.setCorePoolSize(this.threads);
		this.executor.setMaxPoolSize(this.threads);
		this.executor.setThreadNamePrefix("worker-");
		this.executor.setDaemon(true);
		this.executor.initialize();
	}

	public AsyncTaskExecutor executor() {
		return this.executor;
	}

	public int threads() {
		return this.threads;
	}

	@Override
	public void destroy() {
		this.executor.shutdown();
	}

}
