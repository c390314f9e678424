package cn.xinning.villagereturns.generate;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * One village's return for one period, as the cells a clerk would type: a canonical
 * number, a "not reported" token ({@code ""}, {@code -}, {@code /}, {@code —}), or a
 * planted text that must be written exactly as it is ({@code 三百}, {@code -6.5}). How a
 * number is spelt in a file (full-width digits, thousands separators) is the renderer's
 * business, not the return's.
 */
final class SampleReturn {

	private static final Pattern PLAIN_NUMBER = Pattern.compile("\\d+(\\.\\d+)?");

	private final SampleVillage village;

	private final YearMonth period;

	private final String[] cells;

	private final String[] notes;

	private final boolean[] verbatim;

	private String villageCodeText;

	private boolean omitted;

	SampleReturn(SampleVillage village, YearMonth period, int indicators) {
		this.village = village;
		this.period = period;
		this.cells = new String[indicators];
		this.notes = new String[indicators];
		this.verbatim = new boolean[indicators];
		Arrays.fill(this.cells, "");
		Arrays.fill(this.notes, "");
		this.villageCodeText = village.code();
	}

	/** A copy for another file (a correction): same cells, same notes. */
	SampleReturn copy() {
		SampleReturn copy = new SampleReturn(this.village, this.period, this.cells.length);
		System.arraycopy(this.cells, 0, copy.cells, 0, this.cells.length);
		System.arraycopy(this.notes, 0, copy.notes, 0, this.notes.length);
		System.arraycopy(this.verbatim, 0, copy.verbatim, 0, this.verbatim.length);
		copy.villageCodeText = this.villageCodeText;
		return copy;
	}

	SampleVillage village() {
		return this.village;
	}

	YearMonth period() {
		return this.period;
	}

	int size() {
		return this.cells.length;
	}

	String cell(int index) {
		return this.cells[index];
	}

	String note(int index) {
		return this.notes[index];
	}

	/** Whether the cell is a clean number the renderer may re-spell. */
	boolean isNumber(int index) {
		return !this.verbatim[index] && PLAIN_NUMBER.matcher(this.cells[index]).matches();
	}

	/** The number in the cell, or {@code null} when missing or planted. */
	BigDecimal number(int index) {
		return isNumber(index) ? new BigDecimal(this.cells[index]) : null;
	}

	int integer(int index) {
		BigDecimal number = number(index);
		return (number != null) ? number.intValue() : 0;
	}

	void setNumber(int index, BigDecimal value) {
		this.cells[index] = plain(value);
		this.verbatim[index] = false;
	}

	void setMissing(int index, String token) {
		this.cells[index] = token;
		this.verbatim[index] = false;
	}

	void setNote(int index, String note) {
		this.notes[index] = note;
	}

	/** A planted cell: written as is, in every layout. */
	void plant(int index, String raw) {
		this.cells[index] = raw;
		this.verbatim[index] = true;
	}

	/** Takes another return's cell (a copied return), spelling and note included. */
	void copyCell(int index, SampleReturn from) {
		this.cells[index] = from.cells[index];
		this.notes[index] = from.notes[index];
		this.verbatim[index] = from.verbatim[index];
	}

	/** The village code as written in the file (Excel may have damaged it). */
	String villageCodeText() {
		return this.villageCodeText;
	}

	void plantVillageCode(String raw) {
		this.villageCodeText = raw;
	}

	/**
	 * A village that sends nothing for this period: the return is kept for bookkeeping
	 * but not written.
	 */
	boolean omitted() {
		return this.omitted;
	}

	void omit() {
		this.omitted = true;
	}

	/** {@code 35.5}, {@code 412}, {@code 0}: no trailing zeros, never an exponent. */
	static String plain(BigDecimal value) {
		BigDecimal stripped = value.stripTrailingZeros();
		return ((stripped.scale() < 0) ? stripped.setScale(0) : stripped).toPlainString();
	}

}
