package cn.xinning.villagereturns.benchmark;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.concurrent.Callable;

import org.springframework.beans.factory.annotation.Autowired;

import cn.xinning.villagereturns.operations.Cli;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The parts of {@code bench} that need the database, run by it as child processes. */
public final class BenchSupportCommands {

	private BenchSupportCommands() {
	}

	/** {@code bench-load}: the untimed history. */
	@Command(name = "bench-load", hidden = true, description = "Benchmark: load the synthetic history (untimed).")
	public static class Load implements Callable<Integer> {

		@Option(names = "--root", required = true)
		Path root;

		@Option(names = "--villages", required = true)
		int villages;

		@Option(names = "--first", required = true)
		YearMonth first;

		@Option(names = "--last", required = true)
		YearMonth last;

		@Autowired
		HistoryLoader loader;

		@Override
		public Integer call() {
			this.loader.load(new SyntheticCounty(this.villages), this.first, this.last);
			return Cli.OK;
		}

	}

	/**
	 * {@code bench-floor}: the timed floor; prints
	 * {@code FLOOR rows=N load_ms=N aggregate_ms=N}.
	 */
	@Command(name = "bench-floor", hidden = true, description = "Benchmark: measure the floor.")
	public static class Floor implements Callable<Integer> {

		@Option(names = "--root", required = true)
		Path root;

		@Option(names = "--values", required = true)
		Path values;

		@Autowired
		FloorMeasurement floor;

		@Override
		public Integer call() {
			FloorMeasurement.Floor measured = this.floor.measure(this.values);
			System.out.printf("FLOOR rows=%d load_ms=%d aggregate_ms=%d%n", measured.rows(), measured.loadMillis(),
					measured.aggregateMillis());
			return Cli.OK;
		}

	}

}
