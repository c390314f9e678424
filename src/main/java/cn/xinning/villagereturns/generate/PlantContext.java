package cn.xinning.villagereturns.generate;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * What the planters share: the returns, the shape plan, one random stream, and the
 * villages already used. Every planted problem gets a village of its own, and no problem
 * is put into the township whose whole file is rejected, so that one problem never hides
 * another (an anomaly needs the village's other months accepted).
 */
final class PlantContext {

	private final SampleCatalogue catalogue;

	private final ShapePlan plan;

	private final SplittableRandom random;

	private final List<YearMonth> periods;

	private final Map<String, List<SampleReturn>> series;

	private final Set<String> usedVillages = new TreeSet<>();

	private final Set<String> excludedTownships = new TreeSet<>();

	private final Map<String, Map<String, String>> headerOverrides = new TreeMap<>();

	private final List<Plant> plants = new ArrayList<>();

	PlantContext(SampleCatalogue catalogue, ShapePlan plan, List<YearMonth> periods,
			Map<String, List<SampleReturn>> series, long seed) {
		this.catalogue = catalogue;
		this.plan = plan;
		this.periods = periods;
		this.series = series;
		this.random = Draws.stream(seed, "plants");
	}

	SampleCatalogue catalogue() {
		return this.catalogue;
	}

	ShapePlan plan() {
		return this.plan;
	}

	SplittableRandom random() {
		return this.random;
	}

	List<Plant> plants() {
		return this.plants;
	}

	Map<String, Map<String, String>> headerOverrides() {
		return this.headerOverrides;
	}

	void add(Plant plant) {
		this.plants.add(plant);
	}

	/**
	 * The period {@code preferredBack} months before the last one, moved later when fewer
	 * than {@code history} periods would precede it; empty when the sample is too short.
	 */
	Optional<YearMonth> period(int preferredBack, int history) {
		int back = Math.min(preferredBack, this.periods.size() - 1 - history);
		return (back < 0) ? Optional.empty() : Optional.of(this.periods.get(this.periods.size() - 1 - back));
	}

	/** The village's return for the period, or {@code null}. */
	SampleReturn returnOf(String villageCode, YearMonth period) {
		for (SampleReturn month : this.series.getOrDefault(villageCode, List.of())) {
			if (month.period().equals(period)) {
				return month;
			}
		}
		return null;
	}

	/** The village's returns of the {@code months} periods before {@code period}. */
	List<SampleReturn> before(String villageCode, YearMonth period, int months) {
		return this.series.getOrDefault(villageCode, List.of())
			.stream()
			.filter((month) -> month.period().isBefore(period) && !month.period().isBefore(period.minusMonths(months)))
			.toList();
	}

	/** The village's returns from {@code period} on. */
	List<SampleReturn> from(String villageCode, YearMonth period) {
		return this.series.getOrDefault(villageCode, List.of())
			.stream()
			.filter((month) -> !month.period().isBefore(period))
			.toList();
	}

	/**
	 * Villages of the township with a return for the period (peers for OUTLIER_PEERS).
	 */
	long reporting(String townshipCode, YearMonth period) {
		return this.series.values()
			.stream()
			.flatMap(List::stream)
			.filter((month) -> month.period().equals(period) && month.village().townshipCode().equals(townshipCode))
			.count();
	}

	int index(String code) {
		return this.catalogue.indexOf(code);
	}

	boolean has(String... codes) {
		for (String code : codes) {
			if (index(code) < 0) {
				return false;
			}
		}
		return true;
	}

	void excludeTownship(String townshipCode) {
		this.excludedTownships.add(townshipCode);
	}

	/** Townships that may take a problem, in code order. */
	List<String> townships() {
		return this.plan.townshipCodes().stream().filter((code) -> !this.excludedTownships.contains(code)).toList();
	}

	/**
	 * A random fresh village's return for the period that satisfies {@code ok}; the
	 * village is then used.
	 */
	Optional<SampleReturn> pick(YearMonth period, Predicate<SampleReturn> ok) {
		return take(candidates(period, ok).stream().findFirst());
	}

	/**
	 * The fresh return that comes first by {@code order} (e.g. home visits nearest 300).
	 */
	Optional<SampleReturn> pickBest(YearMonth period, Predicate<SampleReturn> ok, Comparator<SampleReturn> order) {
		return take(candidates(period, ok).stream().min(order));
	}

	/**
	 * A fresh return for the period in a file of a shape that {@code shapeOk} accepts;
	 * when no township sends such a file that month, one is made to send
	 * {@code fallback}. The shape is then locked.
	 */
	Optional<SampleReturn> pick(YearMonth period, Predicate<FileShape> shapeOk, FileShape fallback,
			Predicate<SampleReturn> ok) {
		List<SampleReturn> candidates = candidates(period, ok);
		Optional<SampleReturn> found = candidates.stream()
			.filter((month) -> shapeOk.test(this.plan.shape(period, month.village().townshipCode())))
			.findFirst();
		if (found.isEmpty()) {
			found = candidates.stream()
				.filter((month) -> !this.plan.isLocked(period, month.village().townshipCode()))
				.findFirst();
			found.ifPresent((month) -> this.plan.force(period, month.village().townshipCode(), fallback));
		}
		found.ifPresent((month) -> this.plan.lock(period, month.village().townshipCode()));
		return take(found);
	}

	private List<SampleReturn> candidates(YearMonth period, Predicate<SampleReturn> ok) {
		List<SampleReturn> candidates = new ArrayList<>();
		for (Map.Entry<String, List<SampleReturn>> village : this.series.entrySet()) {
			SampleReturn month = returnOf(village.getKey(), period);
			if (month != null && !this.usedVillages.contains(village.getKey())
					&& !this.excludedTownships.contains(month.village().townshipCode()) && ok.test(month)) {
				candidates.add(month);
			}
		}
		Draws.shuffle(this.random, candidates);
		return candidates;
	}

	private Optional<SampleReturn> take(Optional<SampleReturn> month) {
		month.ifPresent((found) -> this.usedVillages.add(found.village().code()));
		return month;
	}

}
