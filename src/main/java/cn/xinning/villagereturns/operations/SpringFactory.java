package cn.xinning.villagereturns.operations;

import org.springframework.context.ApplicationContext;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Creates this program's commands as Spring beans, so that their services are injected.
 */
final class SpringFactory implements CommandLine.IFactory {

	private final ApplicationContext context;

	SpringFactory(ApplicationContext context) {
		this.context = context;
	}

	@Override
	public <K> K create(Class<K> type) throws Exception {
		if (type.isAnnotationPresent(Command.class) && type.getPackageName().startsWith("cn.xinning.villagereturns")) {
			return this.context.getAutowireCapableBeanFactory().createBean(type);
		}
		return CommandLine.defaultFactory().create(type);
	}

}
