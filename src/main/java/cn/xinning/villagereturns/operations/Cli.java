package cn.xinning.villagereturns.operations;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

import cn.xinning.villagereturns.ConfigurationException;
import cn.xinning.villagereturns.VillageReturnsApplication;
import cn.xinning.villagereturns.ingest.OperatorMessages;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Runs the command line: parses it first without Spring (so that {@code --help} and usage
 * errors are instant and need no database), sets the root folder, then starts Spring and
 * executes the command with its services injected.
 *
 * <p>
 * Exit status (spec section 9): 0 when the run completed, 1 when it failed and can be
 * restarted, 2 for bad usage or configuration (including a database that cannot be
 * reached).
 */
public final class Cli {

	public static final int OK = 0;

	public static final int FAILED = 1;

	public static final int USAGE = 2;

	/**
	 * {@code --spring.datasource.url=...}, {@code --village-returns.due-day=7}: Spring's,
	 * not picocli's.
	 */
	private static final Pattern SPRING_ARGUMENT = Pattern.compile("--[a-zA-Z][\\w-]*\\.[\\w.\\[\\]-]+(=.*)?");

	/** Auto-configurations only the web console uses. */
	private static final String WEB_ONLY = String.join(",",
			"org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
			"org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
			"org.springframework.boot.thymeleaf.autoconfigure.ThymeleafAutoConfiguration",
			"org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
			"org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration");

	/**
	 * Auto-configurations only a cluster's manager and workers use
	 * ({@code village-returns.partitions.mode=manager}, {@code worker}).
	 */
	private static final String BROKER = String.join(",",
			"org.springframework.boot.amqp.autoconfigure.RabbitAutoConfiguration",
			"org.springframework.boot.amqp.autoconfigure.health.RabbitHealthContributorAutoConfiguration",
			"org.springframework.boot.amqp.autoconfigure.metrics.RabbitMetricsAutoConfiguration");

	private Cli() {
	}

	public static int run(String... args) {
		PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
		PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
		return run(args, out, err);
	}

	public static int run(String[] args, PrintWriter out, PrintWriter err) {
		List<String> springArgs = new ArrayList<>();
		List<String> commandArgs = new ArrayList<>();
		for (String arg : args) {
			(SPRING_ARGUMENT.matcher(arg).matches() ? springArgs : commandArgs).add(arg);
		}
		String[] command = commandArgs.toArray(String[]::new);
		CommandLine parser = configure(new CommandLine(new VillageReturnsCommand()), out, err);
		ParseResult parsed;
		try {
			parsed = parser.parseArgs(command);
		}
		catch (ParameterException ex) {
			err.println(ex.getMessage());
			ex.getCommandLine().usage(err);
			return USAGE;
		}
		if (CommandLine.printHelpIfRequested(parsed)) {
			return OK;
		}
		if (!parsed.hasSubcommand()) {
			parser.usage(err);
			return USAGE;
		}
		ParseResult deepest = parsed;
		while (deepest.hasSubcommand()) {
			deepest = deepest.subcommand();
		}
		Path root = rootOf(parsed);
		System.setProperty("village-returns.root", root.toString());
		Object userObject = deepest.commandSpec().userObject();
		if (userObject instanceof Standalone) {
			return configure(new CommandLine(new VillageReturnsCommand()), out, err).execute(command);
		}
		if (userObject instanceof LongRunning) {
			// a service's journal wants the log; a one-off command prints only its
			// summary
			addUnlessGiven(springArgs, "--logging.threshold.console=INFO");
		}
		if (userObject instanceof ClusterWorker) {
			addUnlessGiven(springArgs, "--village-returns.partitions.worker=true");
		}
		addUnlessGiven(springArgs, "--village-returns.progress=true");
		if (userObject instanceof WebCommand web) {
			// application.properties says none, for every other command
			addUnlessGiven(springArgs, "--spring.main.web-application-type=servlet");
			web.springArguments().forEach((setting) -> addUnlessGiven(springArgs, setting));
		}
		java.util.Optional<String> badRoot = RootCheck.problem(root, springArgs);
		if (badRoot.isPresent()) {
			err.println(badRoot.get());
			return USAGE;
		}
		return runWithSpring(springArgs, command, userObject instanceof WebCommand, out, err);
	}

	private static int runWithSpring(List<String> springArgs, String[] command, boolean web, PrintWriter out,
			PrintWriter err) {
		SpringApplication application = new SpringApplication(VillageReturnsApplication.class);
		application.setWebApplicationType(web ? WebApplicationType.SERVLET : WebApplicationType.NONE);
		if (!web) {
			// nor warms up, on a second thread, the JSON and HTTP converters only serve
			// uses
			System.setProperty("spring.backgroundpreinitializer.ignore", "true");
		}
		// decided once the settings are read (the root's file and the environment may
		// name
		// the partition mode), at the lowest precedence, so that a county's own
		// spring.autoconfigure.exclude still wins
		application.addListeners(
				(org.springframework.context.ApplicationListener<ApplicationEnvironmentPreparedEvent>) (event) -> {
					String excluded = unusedAutoConfigurations(web, event.getEnvironment());
					if (!excluded.isEmpty()) {
						event.getEnvironment()
							.getPropertySources()
							.addLast(new MapPropertySource("village-returns-unused-auto-configuration",
									java.util.Map.of("spring.autoconfigure.exclude", excluded)));
					}
				});
		// SIGTERM and Ctrl-C stop a running job gracefully (GracefulShutdown), not
		// through hooks
		application.setRegisterShutdownHook(false);
		AtomicReference<String> datasource = new AtomicReference<>("");
		application.addListeners((org.springframework.context.ApplicationListener<ApplicationFailedEvent>) (event) -> {
			if (event.getApplicationContext() != null) {
				datasource.set(String
					.valueOf(event.getApplicationContext().getEnvironment().getProperty("spring.datasource.url", "")));
			}
		});
		ConfigurableApplicationContext context;
		try {
			context = application.run(springArgs.toArray(String[]::new));
		}
		catch (RuntimeException ex) {
			err.println(StartupFailure.describe(ex, datasource.get()));
			return USAGE;
		}
		try (context; GracefulShutdown shutdown = new GracefulShutdown(context, err)) {
			CommandLine commandLine = configure(
					new CommandLine(new VillageReturnsCommand(), new SpringFactory(context)), out, err);
			return commandLine.execute(command);
		}
	}

	/**
	 * The auto-configurations this run would set up but never use: the console's (a
	 * template engine, a JSON mapper, a generated user) outside {@code serve}, and
	 * RabbitMQ's (a connection factory, a template, listener containers and some 500
	 * classes: about 6 % of an ingest's Spring start when profiled) unless this process
	 * is a cluster's manager or worker, the only ones that talk to the broker.
	 */
	static String unusedAutoConfigurations(boolean web, org.springframework.core.env.Environment environment) {
		List<String> excluded = new ArrayList<>();
		if (!web) {
			excluded.add(WEB_ONLY);
		}
		boolean clustered = "manager"
			.equalsIgnoreCase(environment.getProperty("village-returns.partitions.mode", "local").trim())
				|| "true".equals(environment.getProperty("village-returns.partitions.worker", "false").trim());
		if (!clustered) {
			excluded.add(BROKER);
		}
		return String.join(",", excluded);
	}

	static CommandLine configure(CommandLine commandLine, PrintWriter out, PrintWriter err) {
		commandLine.setOut(out);
		commandLine.setErr(err);
		commandLine.setCaseInsensitiveEnumValuesAllowed(true);
		commandLine.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
			if (ex instanceof ConfigurationException || ex instanceof IllegalArgumentException) {
				cmd.getErr().println(ex.getMessage());
				return USAGE;
			}
			org.slf4j.LoggerFactory.getLogger(Cli.class).error("Command failed", ex);
			// one line for the operator; the stack trace is in the log file
			cmd.getErr().println(OperatorMessages.commandFailed(ex));
			return FAILED;
		});
		commandLine.setParameterExceptionHandler((ex, args) -> {
			ex.getCommandLine().getErr().println(ex.getMessage());
			ex.getCommandLine().usage(ex.getCommandLine().getErr());
			return USAGE;
		});
		return commandLine;
	}

	private static void addUnlessGiven(List<String> springArgs, String setting) {
		String key = setting.substring(0, setting.indexOf('=') + 1);
		if (springArgs.stream().noneMatch((arg) -> arg.startsWith(key))) {
			springArgs.add(0, setting);
		}
	}

	/**
	 * {@code --root} wherever it was given, else {@code VILLAGE_RETURNS_ROOT}, else the
	 * current folder.
	 */
	private static Path rootOf(ParseResult parsed) {
		for (ParseResult level = parsed; level != null; level = level.subcommand()) {
			if (level.hasMatchedOption("--root")) {
				return level.matchedOptionValue("--root", Path.of(".")).toAbsolutePath().normalize();
			}
			if (!level.hasSubcommand()) {
				break;
			}
		}
		String env = System.getenv("VILLAGE_RETURNS_ROOT");
		return Path.of((env != null && !env.isBlank()) ? env : ".").toAbsolutePath().normalize();
	}

	/** A command that needs no database (it does not start Spring). */
	public interface Standalone {

	}

	/** A command that serves the web console. */
	public interface WebCommand {

		/**
		 * Spring settings its options stand for ({@code --server.port=N}), applied unless
		 * given explicitly.
		 */
		default List<String> springArguments() {
			return List.of();
		}

	}

	/** The {@code worker} command: this process consumes partition requests. */
	public interface ClusterWorker {

	}

	/**
	 * A command that stays up (watch, serve): it logs to the console as a service would.
	 */
	public interface LongRunning {

	}

}
