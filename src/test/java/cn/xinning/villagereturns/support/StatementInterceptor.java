package cn.xinning.villagereturns.support;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Wraps the application's DataSource so that a test can act just before a statement is
 * prepared: pause the process there, or kill its connection. For fault-injection tests
 * only.
 */
public final class StatementInterceptor {

	private StatementInterceptor() {
	}

	/** Called before every {@code prepareStatement}/{@code prepareCall} with its SQL. */
	@FunctionalInterface
	public interface BeforePrepare {

		void before(Connection connection, String sql) throws Exception;

	}

	public static BeanPostProcessor beforePrepare(BeforePrepare hook) {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (!(bean instanceof DataSource dataSource) || bean instanceof Proxy) {
					return bean;
				}
				return Proxy.newProxyInstance(StatementInterceptor.class.getClassLoader(),
						new Class<?>[] { DataSource.class }, (proxy, method, args) -> {
							Object result = invoke(dataSource, method, args);
							return (result instanceof Connection connection) ? intercepting(connection, hook) : result;
						});
			}

		};
	}

	private static Connection intercepting(Connection connection, BeforePrepare hook) {
		return (Connection) Proxy.newProxyInstance(StatementInterceptor.class.getClassLoader(),
				new Class<?>[] { Connection.class }, (proxy, method, args) -> {
					if (method.getName().startsWith("prepare") && args != null && args[0] instanceof String sql) {
						hook.before(connection, sql);
					}
					return invoke(connection, method, args);
				});
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
