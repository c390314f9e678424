package cn.xinning.villagereturns.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

/**
 * The machine's RabbitMQ (127.0.0.1:5672, guest/guest), a queue name of its own per test,
 * deleted afterwards with its dead-letter queue. When the broker cannot be reached the
 * test is skipped on a developer's machine and fails under CI ({@code CI=true}), where
 * .ci/run has started it.
 */
public final class RabbitMq {

	static final String HOST = System.getenv().getOrDefault("RABBITMQ_HOST", "127.0.0.1");

	static final int PORT = 5672;

	private RabbitMq() {
	}

	/**
	 * A queue name of its own.
	 *
	 * @param name the queue
	 */
	public record TestQueue(String name) implements AutoCloseable {

		/** The settings a child process needs: broker and queue. */
		public String[] arguments() {
			return new String[] { "--spring.rabbitmq.host=" + HOST, "--spring.rabbitmq.port=" + PORT,
					"--village-returns.partitions.queue=" + this.name };
		}

		public String deadLetters() {
			return this.name + ".dlq";
		}

		/** Messages waiting in a queue, or -1 when it does not exist. */
		public int depth(String queue) {
			try (Broker broker = new Broker()) {
				var info = broker.admin().getQueueInfo(queue);
				return (info != null) ? (int) info.getMessageCount() : -1;
			}
		}

		public void purge() {
			try (Broker broker = new Broker()) {
				broker.admin().purgeQueue(this.name, false);
			}
		}

		public void send(org.springframework.amqp.core.Message message) {
			try (Broker broker = new Broker()) {
				new RabbitTemplate(broker.factory).send("", this.name, message);
			}
		}

		@Override
		public void close() {
			try (Broker broker = new Broker()) {
				broker.admin().deleteQueue(this.name);
				broker.admin().deleteQueue(deadLetters());
			}
		}

	}

	private static final class Broker implements AutoCloseable {

		final CachingConnectionFactory factory = new CachingConnectionFactory(HOST, PORT);

		RabbitAdmin admin() {
			return new RabbitAdmin(this.factory);
		}

		@Override
		public void close() {
			this.factory.destroy();
		}

	}

	public static TestQueue create(String prefix) {
		requireBroker();
		return new TestQueue(
				"vr-" + prefix + "-" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffL));
	}

	private static void requireBroker() {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(HOST, PORT), 2000);
		}
		catch (IOException ex) {
			String message = "RabbitMQ is not reachable at " + HOST + ":" + PORT + " (" + ex.getMessage() + ")";
			if ("true".equalsIgnoreCase(System.getenv("CI"))) {
				Assertions.fail(message + "; .ci/run should have started it");
			}
			Assumptions.abort(message + "; start it with: rabbitmq-server -detached");
		}
	}

}
