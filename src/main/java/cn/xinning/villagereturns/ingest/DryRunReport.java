package cn.xinning.villagereturns.ingest;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/**
 * What a run would do with the inbox as it is, changing nothing.
 *
 * @param asOf the business time the rules were applied at
 * @param files every ready file, in the order a run would take them
 */
public record DryRunReport(LocalDateTime asOf, List<FileReport> files) {

	/**
	 * @param path path under the inbox
	 * @param encoding encoding detected, or empty
	 * @param layout LONG or WIDE, or empty
	 * @param returns returns found
	 * @param rejected returns that would be rejected
	 * @param duplicateOf the earlier file with the same content whose returns were
	 * accepted, if any: the file would change nothing
	 * @param problems every problem, in line order
	 */
	public record FileReport(String path, String encoding, String layout, int returns, int rejected,
			Optional<String> duplicateOf, List<ProblemLine> problems) {

		public boolean wouldBeRejected() {
			return this.problems.stream().anyMatch((p) -> p.severity().equals("ERROR"));
		}

	}

	/**
	 * One row of what would be the file's errors report.
	 *
	 * @param line line, 0 when none
	 * @param column column
	 * @param value cell
	 * @param rule rule code
	 * @param severity ERROR or WARNING
	 * @param message message in the configured language
	 */
	public record ProblemLine(int line, String column, String value, String rule, String severity, String message) {
	}

}
