package cn.xinning.villagereturns.operations;

import picocli.CommandLine.Command;

/** The top of the command line. */
@Command(name = "village-returns", mixinStandardHelpOptions = true, version = "village-returns 0.1",
		description = { "新宁县“五个到户”村级月报：校验、接收、汇总、预警。",
				"Monthly village returns of Xinning County: validate, accept, roll up, flag." },
		subcommands = { IngestCommand.class, WatchCommand.class, ServeCommand.class,
				cn.xinning.villagereturns.console.users.UsersCommand.class, ExecutionsCommand.class,
				RestartCommand.class, ReportCommand.class, RecomputeCommand.class, AnomaliesCommand.class,
				WorkerCommand.class, cn.xinning.villagereturns.ledger.IssuesCommand.class,
				cn.xinning.villagereturns.generate.GenerateCommand.class,
				cn.xinning.villagereturns.benchmark.BenchCommand.class,
				cn.xinning.villagereturns.benchmark.BenchSupportCommands.Load.class,
				cn.xinning.villagereturns.benchmark.BenchSupportCommands.Floor.class },
		footer = { "", "Exit status: 0 completed, 1 failed (restartable), 2 bad usage or configuration.",
				"Spring settings may follow as --key=value, e.g. --spring.datasource.url=jdbc:mysql://..." })
public class VillageReturnsCommand {

}
