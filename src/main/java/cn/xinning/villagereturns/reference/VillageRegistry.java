package cn.xinning.villagereturns.reference;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The registry of reporting units; a code may have several lines with different validity.
 */
public final class VillageRegistry {

	private final List<Village> villages;

	private final Map<String, List<Village>> byCode = new HashMap<>();

	public VillageRegistry(List<Village> villages) {
		this.villages = List.copyOf(villages);
		for (Village village : villages) {
			// most codes have one line: a one-element list costs little for half a
			// million villages
			this.byCode.merge(village.code(), List.of(village), (lines, line) -> {
				List<Village> all = new ArrayList<>(lines);
				all.addAll(line);
				return all;
			});
		}
	}

	public List<Village> all() {
		return this.villages;
	}

	public boolean isKnown(String code) {
		return this.byCode.containsKey(code);
	}

	public Optional<Village> validIn(String code, YearMonth period) {
		return this.byCode.getOrDefault(code, List.of()).stream().filter((v) -> v.isValidIn(period)).findFirst();
	}

	/** Any line of the code, for its name when the period is unknown or out of range. */
	public Optional<Village> anyLine(String code) {
		return this.byCode.getOrDefault(code, List.of()).stream().findFirst();
	}

	public int size() {
		return this.byCode.size();
	}

}
