package cn.xinning.villagereturns.operations;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.springframework.stereotype.Component;

/**
 * Set when the process is asked to stop; long-running commands wait on it instead of
 * sleeping.
 */
@Component
public class ShutdownSignal {

	private final CountDownLatch requested = new CountDownLatch(1);

	public void request() {
		this.requested.countDown();
	}

	public boolean isRequested() {
		return this.requested.getCount() == 0;
	}

	/** Waits up to {@code timeout}; true when stopping was requested meanwhile. */
	public boolean await(Duration timeout) throws InterruptedException {
		return this.requested.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
	}

}
