package cn.xinning.villagereturns.generate;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which kind of file each township sends in each month, and where it puts it. Each
 * township's clerk has a habit (the four shapes are shared out evenly over the
 * townships), and in about one month in five sends something else, as happens when a
 * clerk is replaced or borrows a colleague's computer. Planted problems may fix the shape
 * of a township-month ({@link #force}).
 */
final class ShapePlan {

	/**
	 * @param shape the kind of file
	 * @param subfolder whether the files go in a folder named after the township
	 * @param naming how per-village files are named (0, 1 or 2; see {@link CountyFiles})
	 */
	record Slot(FileShape shape, boolean subfolder, int naming) {

	}

	private final Map<String, Slot> slots = new TreeMap<>();

	private final Set<String> locked = new TreeSet<>();

	private final Map<String, String> townships;

	private ShapePlan(Map<String, String> townships) {
		this.townships = townships;
	}

	static ShapePlan draw(List<SampleVillage> villages, List<YearMonth> periods, long seed) {
		Map<String, String> townships = new TreeMap<>();
		villages.forEach((village) -> townships.put(village.townshipCode(), village.townshipName()));
		ShapePlan plan = new ShapePlan(townships);
		SplittableRandom random = Draws.stream(seed, "shapes");
		List<String> codes = new ArrayList<>(townships.keySet());
		Draws.shuffle(random, codes);
		FileShape[] shapes = FileShape.values();
		Map<String, FileShape> habits = new TreeMap<>();
		for (int i = 0; i < codes.size(); i++) {
			habits.put(codes.get(i), shapes[i % shapes.length]);
		}
		// The township of the largest village writes codes as headers, so that the
		// thousands
		// separators of that shape ("1,090") really occur.
		String largest = villages.stream()
			.max(Comparator.comparingInt(SampleVillage::households))
			.map(SampleVillage::townshipCode)
			.orElseThrow();
		habits.entrySet()
			.stream()
			.filter((habit) -> habit.getValue() == FileShape.WIDE_UTF8_BOM)
			.findFirst()
			.ifPresent((holder) -> {
				holder.setValue(habits.get(largest));
				habits.put(largest, FileShape.WIDE_UTF8_BOM);
			});
		Map<String, Integer> naming = new TreeMap<>();
		townships.keySet().forEach((code) -> naming.put(code, random.nextInt(3)));
		for (YearMonth period : periods) {
			for (String township : townships.keySet()) {
				FileShape shape = habits.get(township);
				if (Draws.chance(random, 0.2)) {
					shape = shapes[random.nextInt(shapes.length)];
				}
				boolean subfolder = Draws.chance(random, shape.perVillage() ? 0.7 : 0.25);
				plan.slots.put(key(period, township), new Slot(shape, subfolder, naming.get(township)));
			}
		}
		return plan;
	}

	Slot slot(YearMonth period, String townshipCode) {
		return this.slots.get(key(period, townshipCode));
	}

	FileShape shape(YearMonth period, String townshipCode) {
		return slot(period, townshipCode).shape();
	}

	/** Township codes in code order. */
	List<String> townshipCodes() {
		return List.copyOf(this.townships.keySet());
	}

	String townshipName(String townshipCode) {
		return this.townships.get(townshipCode);
	}

	boolean isLocked(YearMonth period, String townshipCode) {
		return this.locked.contains(key(period, townshipCode));
	}

	/**
	 * Keeps the shape a planted problem relies on, so that a later one does not change
	 * it.
	 */
	void lock(YearMonth period, String townshipCode) {
		this.locked.add(key(period, townshipCode));
	}

	/** Gives a township-month the shape a planted problem needs, and locks it. */
	void force(YearMonth period, String townshipCode, FileShape shape) {
		Slot slot = slot(period, townshipCode);
		if (isLocked(period, townshipCode) && slot.shape() != shape) {
			throw new IllegalStateException("Shape of " + key(period, townshipCode) + " is already fixed");
		}
		boolean subfolder = (slot.shape() == shape) ? slot.subfolder() : shape.perVillage();
		this.slots.put(key(period, townshipCode), new Slot(shape, subfolder, slot.naming()));
		lock(period, townshipCode);
	}

	private static String key(YearMonth period, String townshipCode) {
		return period + "/" + townshipCode;
	}

}
