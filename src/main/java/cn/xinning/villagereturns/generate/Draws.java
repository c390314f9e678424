package cn.xinning.villagereturns.generate;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Random draws for the value model. Every stream is derived from the seed and a fixed
 * name (never from a clock or a hash map's order), so the same seed writes the same
 * bytes.
 */
final class Draws {

	private Draws() {
	}

	/**
	 * A stream for one purpose, e.g. {@code (seed, "values", "430528100201")}:
	 * independent of the order in which streams are used, so planting problems does not
	 * move the clean values.
	 */
	static SplittableRandom stream(long seed, String... names) {
		long hash = 0xCBF29CE484222325L ^ seed;
		for (String name : names) {
			for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
				hash = (hash ^ (b & 0xFF)) * 0x100000001B3L;
			}
			hash = (hash ^ 0x1F) * 0x100000001B3L;
		}
		return new SplittableRandom(mix(hash));
	}

	/** SplitMix64's finaliser: spreads nearby hashes over the whole seed space. */
	private static long mix(long z) {
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		return z ^ (z >>> 31);
	}

	static double uniform(SplittableRandom random, double low, double high) {
		return low + (high - low) * random.nextDouble();
	}

	static boolean chance(SplittableRandom random, double probability) {
		return random.nextDouble() < probability;
	}

	/**
	 * Counts of independent events (visits by chance, disputes, issues): Knuth's method,
	 * fine for small means.
	 */
	static int poisson(SplittableRandom random, double mean) {
		double limit = Math.exp(-mean);
		double product = random.nextDouble();
		int count = 0;
		while (product > limit) {
			count++;
			product *= random.nextDouble();
		}
		return count;
	}

	static int binomial(SplittableRandom random, int trials, double probability) {
		int count = 0;
		for (int i = 0; i < trials; i++) {
			if (random.nextDouble() < probability) {
				count++;
			}
		}
		return count;
	}

	static <T> T pick(SplittableRandom random, List<T> choices) {
		return choices.get(random.nextInt(choices.size()));
	}

	/** Fisher-Yates, in place. */
	static <T> void shuffle(SplittableRandom random, List<T> list) {
		for (int i = list.size() - 1; i > 0; i--) {
			int j = random.nextInt(i + 1);
			T swap = list.get(i);
			list.set(i, list.get(j));
			list.set(j, swap);
		}
	}

}
