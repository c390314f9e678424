package cn.xinning.villagereturns.reference;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import cn.xinning.villagereturns.ConfigurationException;

/**
 * Collects everything wrong with a village registry before refusing it, so that the
 * administrator fixes the file once, not once per line. A code may have several lines
 * only when their validity does not overlap: otherwise a month would count that village
 * twice (its values summed twice, with no error anywhere).
 */
final class RegistryCheck {

	/** Enough to fix a file by; a registry of half a million bad lines must not flood. */
	static final int MAX_LISTED = 200;

	private final String source;

	private final List<ReferenceCsv.LineError> problems = new ArrayList<>();

	private final Map<String, List<Seen>> byCode = new HashMap<>();

	RegistryCheck(String source) {
		this.source = source;
	}

	/** The line's village, or empty when it is wrong (the problem is kept). */
	Optional<Village> line(int line, Supplier<Village> read) {
		try {
			return Optional.of(read.get());
		}
		catch (ReferenceCsv.LineError ex) {
			this.problems.add(ex);
			return Optional.empty();
		}
	}

	/** Checks the line's validity against the earlier lines of the same code. */
	void record(int line, Village village) {
		Seen seen = new Seen(line, village);
		List<Seen> earlier = this.byCode.get(village.code());
		if (earlier == null) {
			// most codes have one line: a one-element list costs little for half a
			// million villages
			this.byCode.put(village.code(), List.of(seen));
			return;
		}
		for (Seen other : earlier) {
			if (other.sameValidity(seen)) {
				this.problems.add(new ReferenceCsv.LineError(this.source, line,
						"village_code " + village.code() + " is already on line " + other.line()
								+ ": its values would be counted twice;"
								+ " delete one of the lines, or give them validity periods that do not overlap"));
				break;
			}
			if (other.overlaps(seen)) {
				this.problems.add(new ReferenceCsv.LineError(this.source, line,
						"village_code " + village.code() + " valid " + seen.validity() + " overlaps line "
								+ other.line() + " (valid " + other.validity() + "): set valid_to of the earlier line"
								+ " before valid_from of the later one"));
				break;
			}
		}
		List<Seen> all = new ArrayList<>(earlier);
		all.add(seen);
		this.byCode.put(village.code(), all);
	}

	void throwIfAny() {
		if (this.problems.isEmpty()) {
			return;
		}
		this.problems.sort(Comparator.comparingInt(ReferenceCsv.LineError::line));
		StringBuilder message = new StringBuilder().append("村名录 ")
			.append(this.source)
			.append(" 有 ")
			.append(this.problems.size())
			.append(" 处错误，请改正后再运行。/ The village registry ")
			.append(this.source)
			.append(" has ")
			.append(this.problems.size())
			.append((this.problems.size() == 1) ? " problem" : " problems")
			.append("; nothing was run. Fix the file and start again:");
		this.problems.stream()
			.limit(MAX_LISTED)
			.forEach((p) -> message.append("\n  line ").append(p.line()).append(": ").append(p.problem()));
		if (this.problems.size() > MAX_LISTED) {
			message.append("\n  ... and ").append(this.problems.size() - MAX_LISTED).append(" more");
		}
		throw new ConfigurationException(message.toString());
	}

	private record Seen(int line, Village village) {

		boolean sameValidity(Seen other) {
			return this.village.validity().equals(other.village.validity());
		}

		/** Unbounded ends overlap everything on their side. */
		boolean overlaps(Seen other) {
			return startsBeforeEndOf(this.village, other.village) && startsBeforeEndOf(other.village, this.village);
		}

		private static boolean startsBeforeEndOf(Village one, Village other) {
			return one.validFrom().isEmpty() || other.validTo().isEmpty()
					|| !one.validFrom().get().isAfter(other.validTo().get());
		}

		String validity() {
			return this.village.validity();
		}

	}

}
