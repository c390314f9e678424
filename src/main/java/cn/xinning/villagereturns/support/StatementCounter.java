package cn.xinning.villagereturns.support;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.ContextClosedEvent;

/**
 * For the benchmark ({@code village-returns.bench.count-statements=true}): counts the
 * statements the program sends to the database (every execute call; a batch counts once,
 * its rows apart) and prints the counts when it ends, as
 * {@code STATEMENTS executions=N batched-rows=M}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "village-returns.bench.count-statements", havingValue = "true")
public class StatementCounter {

	static final AtomicLong EXECUTIONS = new AtomicLong();

	static final AtomicLong BATCHED_ROWS = new AtomicLong();

	@Bean
	static BeanPostProcessor countingDataSource() {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (!(bean instanceof DataSource dataSource) || bean instanceof Proxy) {
					return bean;
				}
				return proxy(DataSource.class, dataSource);
			}

		};
	}

	@Bean
	ApplicationListener<ContextClosedEvent> printStatementCounts() {
		return (event) -> System.err.printf("STATEMENTS executions=%d batched-rows=%d%n", EXECUTIONS.get(),
				BATCHED_ROWS.get());
	}

	@SuppressWarnings("unchecked")
	private static <T> T proxy(Class<T> type, T target) {
		return (T) Proxy.newProxyInstance(StatementCounter.class.getClassLoader(), new Class<?>[] { type },
				(proxy, method, args) -> {
					count(method);
					Object result = invoke(target, method, args);
					if (result instanceof Connection connection && type != Connection.class) {
						return proxy(Connection.class, connection);
					}
					if (result instanceof java.sql.CallableStatement statement) {
						return proxy(java.sql.CallableStatement.class, statement);
					}
					if (result instanceof java.sql.PreparedStatement statement) {
						return proxy(java.sql.PreparedStatement.class, statement);
					}
					if (result instanceof Statement statement && type == Connection.class) {
						return proxy(Statement.class, statement);
					}
					return result;
				});
	}

	private static void count(Method method) {
		String name = method.getName();
		if (name.equals("addBatch")) {
			BATCHED_ROWS.incrementAndGet();
		}
		else if (name.startsWith("execute")) {
			EXECUTIONS.incrementAndGet();
		}
	}

	private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
		try {
			return method.invoke(target, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getCause();
		}
	}

}
