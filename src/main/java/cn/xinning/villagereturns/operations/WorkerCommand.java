package cn.xinning.villagereturns.operations;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;

import org.springframework.amqp.AmqpException;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;

import cn.xinning.villagereturns.cluster.PartitionsProperties;
import cn.xinning.villagereturns.support.ProcessIdentity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/**
 * {@code worker}: joins a cluster; executes the partition requests managers put on the
 * RabbitMQ queue against the shared database and root folders, until stopped.
 */
@Command(name = "worker", mixinStandardHelpOptions = true,
		description = { "集群工作进程：从 RabbitMQ 队列领取分区并执行（共享数据库与根目录），直到停止。",
				"Join a cluster: execute partitions taken from the RabbitMQ queue against the shared database"
						+ " and root folders, until stopped." })
public class WorkerCommand implements Callable<Integer>, Cli.LongRunning, Cli.ClusterWorker {

	@Mixin
	RootOption root;

	@Spec
	picocli.CommandLine.Model.CommandSpec spec;

	@Autowired
	ShutdownSignal shutdown;

	/**
	 * Looked up when the worker runs: every command line builds this command, and only a
	 * worker's context has a broker (see {@link Cli#unusedAutoConfigurations}).
	 */
	@Autowired
	ObjectProvider<ConnectionFactory> connectionFactory;

	@Autowired
	PartitionsProperties partitions;

	@Override
	public Integer call() throws Exception {
		PrintWriter out = this.spec.commandLine().getOut();
		try {
			// the listener container retries quietly for ever: say at once when the
			// broker is not there
			this.connectionFactory.getObject().createConnection().close();
		}
		catch (AmqpException ex) {
			this.spec.commandLine()
				.getErr()
				.printf("无法连接 RabbitMQ（spring.rabbitmq.*）/ Cannot connect to RabbitMQ (spring.rabbitmq.*): %s%n",
						ex.getMessage());
			return Cli.USAGE;
		}
		ProcessIdentity me = ProcessIdentity.current();
		out.printf("工作进程 worker %s:%d listening on queue %s%n", me.host(), me.pid(), this.partitions.queue());
		while (!this.shutdown.await(Duration.ofSeconds(60))) {
			// requests are executed on the listener's threads
		}
		out.println("已停止 worker stopped");
		return Cli.OK;
	}

}
