package cn.xinning.villagereturns.anomaly;

import java.math.BigDecimal;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

import cn.xinning.villagereturns.reference.Indicator;
import cn.xinning.villagereturns.reference.IndicatorCatalogue;
import cn.xinning.villagereturns.support.ValueCodes;
import cn.xinning.villagereturns.support.ValuesText;

/**
 * A return's values as an array indexed by the indicator's position in the catalogue,
 * each also as a whole number of cents when it has one: what the flag detector decodes a
 * value text into (a hash map and a parsed decimal per value cost most of the step), and
 * what the rules' fast comparisons read. It is also the {@code Map} of
 * {@link VillageData.MonthReturn}, so a rule may still ask for a value by code. A code
 * the catalogue does not know is kept aside (no rule judges it).
 */
final class IndicatorValues extends AbstractMap<String, BigDecimal> {

	/** In {@link #cents}: the value is missing, or has no exact whole number of cents. */
	static final long NONE = Long.MIN_VALUE;

	/** The largest number of cents the fast paths take (so that products stay exact). */
	private static final long MAX_CENTS = 1L << 40;

	private static final Map<IndicatorCatalogue, Index> INDEXES = new WeakHashMap<>();

	private final Index index;

	private final BigDecimal[] values;

	private final long[] cents;

	private Map<String, BigDecimal> unknown;

	private int size;

	private IndicatorValues(Index index) {
		this.index = index;
		this.values = new BigDecimal[index.codes.length];
		this.cents = new long[index.codes.length];
		java.util.Arrays.fill(this.cents, NONE);
	}

	/** The positions of a catalogue's indicators (one per catalogue, shared). */
	static Index index(IndicatorCatalogue catalogue) {
		synchronized (INDEXES) {
			return INDEXES.computeIfAbsent(catalogue, Index::new);
		}
	}

	/**
	 * The same values as {@code values} (those a test or any other caller built as a
	 * map), indexed; the detector's own are returned as they are.
	 */
	static IndicatorValues of(Map<String, BigDecimal> values, Index index) {
		if (values instanceof IndicatorValues indexed && indexed.index == index) {
			return indexed;
		}
		IndicatorValues indexed = new IndicatorValues(index);
		values.forEach((code, value) -> indexed.put(code, value, centsOf(value)));
		return indexed;
	}

	/**
	 * Decodes a value text ({@code #7=412.00;LAND_TRANSFER_MU=35.50}, see
	 * {@link cn.xinning.villagereturns.support.ValuesText}) into the same values as
	 * {@code ValuesText.decode}: the two decimals of the text are read as cents directly,
	 * and any other form of number through {@link BigDecimal#BigDecimal(String)}; a
	 * number goes straight to its catalogue position.
	 */
	static IndicatorValues decode(String text, Index index, Numbering numbering) {
		IndicatorValues decoded = new IndicatorValues(index);
		if (text == null || text.isEmpty()) {
			return decoded;
		}
		int start = 0;
		int length = text.length();
		int hint = 0;
		while (start < length) {
			int end = text.indexOf(';', start);
			if (end < 0) {
				end = length;
			}
			int equals = text.indexOf('=', start);
			long cents = parseCents(text, equals + 1, end);
			BigDecimal value = (cents != NONE) ? BigDecimal.valueOf(cents, 2)
					: new BigDecimal(text.substring(equals + 1, end));
			if (cents == NONE) {
				cents = centsOf(value);
			}
			if (text.charAt(start) == '#') {
				int number = ValuesText.number(text, start, equals);
				int position = numbering.positionOf(number);
				if (position >= 0) {
					decoded.putAt(position, value, cents);
				}
				else {
					decoded.put(numbering.codeOf(text, start, equals), value, cents);
				}
			}
			else {
				int sorted = index.sortedAt(text, start, equals, hint);
				if (sorted >= 0) {
					decoded.putAt(index.sortedPositions[sorted], value, cents);
					hint = sorted + 1;
				}
				else {
					decoded.put(text.substring(start, equals), value, cents);
				}
			}
			start = end + 1;
		}
		return decoded;
	}

	/**
	 * The catalogue position of each number of {@link ValueCodes} (-1 for a code the
	 * catalogue no longer has), made once a pass. A number it does not know makes it read
	 * the table again, once: another process may have loaded a catalogue with a new
	 * indicator, and accepted texts naming it, after this pass read the table (numbers
	 * are only added, so the new read knows every number written before it).
	 */
	static final class Numbering {

		private final Index index;

		private final Supplier<ValueCodes> table;

		private ValueCodes codes;

		private int[] positions;

		Numbering(Index index, Supplier<ValueCodes> table) {
			this.index = index;
			this.table = table;
			use(table.get());
		}

		private void use(ValueCodes codes) {
			this.codes = codes;
			this.positions = new int[codes.maxNumber() + 1];
			for (int number = 0; number < this.positions.length; number++) {
				String code = codes.codeOf(number);
				this.positions[number] = (code != null) ? this.index.positionOf(code) : -1;
			}
		}

		int positionOf(int number) {
			if (number < this.positions.length) {
				return this.positions[number];
			}
			use(this.table.get());
			return (number < this.positions.length) ? this.positions[number] : -1;
		}

		/** The code of a number with no catalogue position (unknown: an error). */
		String codeOf(String text, int from, int to) {
			return ValuesText.code(text, from, to, this.codes);
		}

	}

	/**
	 * {@code -?digits.dd} with at most 15 digits as cents, else {@link #NONE}: exactly
	 * the form ValuesText writes, so the value equals {@code new BigDecimal(text)} (same
	 * unscaled value, scale 2).
	 */
	static long parseCents(String text, int from, int to) {
		int i = from;
		boolean negative = i < to && text.charAt(i) == '-';
		if (negative) {
			i++;
		}
		int point = to - 3;
		if (point <= i || point - i > 13 || text.charAt(point) != '.') {
			return NONE;
		}
		long cents = 0;
		for (; i < to; i++) {
			if (i == point) {
				continue;
			}
			char c = text.charAt(i);
			if (c < '0' || c > '9') {
				return NONE;
			}
			cents = cents * 10 + (c - '0');
		}
		return negative ? -cents : cents;
	}

	/** The value as a whole number of cents, if it is one and small enough. */
	static long centsOf(BigDecimal value) {
		if (value.scale() > 2 && value.stripTrailingZeros().scale() > 2) {
			return NONE;
		}
		try {
			long cents = value.movePointRight(2).longValueExact();
			return (Math.abs(cents) <= MAX_CENTS) ? cents : NONE;
		}
		catch (ArithmeticException ex) {
			return NONE;
		}
	}

	private void put(String code, BigDecimal value, long cents) {
		int position = this.index.positionOf(code);
		if (position < 0) {
			if (this.unknown == null) {
				this.unknown = new HashMap<>();
			}
			if (this.unknown.put(code, value) == null) {
				this.size++;
			}
			return;
		}
		putAt(position, value, cents);
	}

	private void putAt(int position, BigDecimal value, long cents) {
		if (this.values[position] == null) {
			this.size++;
		}
		this.values[position] = value;
		this.cents[position] = (cents != NONE && Math.abs(cents) <= MAX_CENTS) ? cents : NONE;
	}

	/** The value of the indicator at this catalogue position, or null when missing. */
	BigDecimal at(int position) {
		return this.values[position];
	}

	/**
	 * The value at this position in cents; {@link #NONE} when missing or not a whole
	 * number of cents (then only the exact path judges it).
	 */
	long centsAt(int position) {
		return this.cents[position];
	}

	@Override
	public BigDecimal get(Object code) {
		if (!(code instanceof String text)) {
			return null;
		}
		int position = this.index.positionOf(text);
		if (position >= 0) {
			return this.values[position];
		}
		return (this.unknown != null) ? this.unknown.get(text) : null;
	}

	@Override
	public boolean containsKey(Object code) {
		return get(code) != null;
	}

	@Override
	public int size() {
		return this.size;
	}

	@Override
	public void forEach(BiConsumer<? super String, ? super BigDecimal> action) {
		for (int i = 0; i < this.values.length; i++) {
			if (this.values[i] != null) {
				action.accept(this.index.codes[i], this.values[i]);
			}
		}
		if (this.unknown != null) {
			this.unknown.forEach(action);
		}
	}

	@Override
	public Set<Entry<String, BigDecimal>> entrySet() {
		return new AbstractSet<>() {

			@Override
			public Iterator<Entry<String, BigDecimal>> iterator() {
				List<Entry<String, BigDecimal>> entries = new java.util.ArrayList<>(IndicatorValues.this.size);
				IndicatorValues.this
					.forEach((String code, BigDecimal value) -> entries.add(new SimpleImmutableEntry<>(code, value)));
				Iterator<Entry<String, BigDecimal>> all = entries.iterator();
				return new Iterator<>() {

					@Override
					public boolean hasNext() {
						return all.hasNext();
					}

					@Override
					public Entry<String, BigDecimal> next() {
						if (!all.hasNext()) {
							throw new NoSuchElementException();
						}
						return all.next();
					}

				};
			}

			@Override
			public int size() {
				return IndicatorValues.this.size;
			}

		};
	}

	/** The catalogue's codes and their positions. */
	static final class Index {

		private final String[] codes;

		private final Map<String, Integer> positions = new HashMap<>();

		/** The codes in the order a value text lists them (String order, as TreeMap). */
		private final String[] sortedCodes;

		/** The catalogue position of each of {@link #sortedCodes}. */
		private final int[] sortedPositions;

		private Index(IndicatorCatalogue catalogue) {
			List<Indicator> all = catalogue.all();
			this.codes = new String[all.size()];
			for (int i = 0; i < all.size(); i++) {
				this.codes[i] = all.get(i).code();
				this.positions.put(this.codes[i], i);
			}
			this.sortedCodes = this.codes.clone();
			java.util.Arrays.sort(this.sortedCodes);
			this.sortedPositions = new int[this.sortedCodes.length];
			for (int i = 0; i < this.sortedCodes.length; i++) {
				this.sortedPositions[i] = this.positions.get(this.sortedCodes[i]);
			}
		}

		int size() {
			return this.codes.length;
		}

		int positionOf(String code) {
			Integer position = this.positions.get(code);
			return (position != null) ? position : -1;
		}

		/**
		 * Where the code between {@code from} and {@code to} of the text stands in the
		 * catalogue's codes in text order, or -1 when the catalogue does not know it. A
		 * value text lists its codes in that order, so the one after the previous match
		 * ({@code hint}) is tried first: no new string and no hashing per value.
		 */
		int sortedAt(String text, int from, int to, int hint) {
			int length = to - from;
			for (int n = 0; n < this.sortedCodes.length; n++) {
				int i = (hint + n) % this.sortedCodes.length;
				String code = this.sortedCodes[i];
				if (code.length() == length && text.regionMatches(from, code, 0, length)) {
					return i;
				}
			}
			return -1;
		}

	}

}
