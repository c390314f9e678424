package cn.xinning.villagereturns.support;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The numbers a value text writes instead of indicator codes ({@code #7=412.00} for
 * {@code HOME_VISITS=412.00}): the table {@code value_code} (V78), append-only, so a
 * number once given always names the same code and every text ever written stays readable
 * whatever the catalogue says later. A code without a number is written by name, so a
 * text never depends on the table being complete.
 */
public final class ValueCodes {

	/** No numbers at all: every code written by name (the form before V78). */
	public static final ValueCodes NONE = new ValueCodes(Map.of());

	private final Map<String, Integer> numbers;

	private final String[] codes;

	private ValueCodes(Map<Integer, String> codes) {
		this.numbers = new HashMap<>();
		int max = codes.keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
		this.codes = new String[max + 1];
		codes.forEach((number, code) -> {
			if (number < 1) {
				throw new IllegalArgumentException("Value code number " + number + " for " + code);
			}
			this.codes[number] = code;
			this.numbers.put(code, number);
		});
	}

	/**
	 * @param codes each number's indicator code, as {@code value_code} holds them
	 */
	public static ValueCodes of(Map<Integer, String> codes) {
		return new ValueCodes(codes);
	}

	/** The code's number, or -1 when it has none (then it is written by name). */
	public int numberOf(String code) {
		Integer number = this.numbers.get(code);
		return (number != null) ? number : -1;
	}

	/** The code a number stands for, or null when this table does not know it. */
	public String codeOf(int number) {
		return (number > 0 && number < this.codes.length) ? this.codes[number] : null;
	}

	/** The largest number given (0 when none). */
	public int maxNumber() {
		return this.codes.length - 1;
	}

	@Override
	public String toString() {
		return "ValueCodes" + Arrays.toString(this.codes);
	}

}
