package cn.xinning.villagereturns.support;

import java.text.Normalizer;

/**
 * How clerks' text is made comparable: full-width digits and punctuation (as typed with a
 * Chinese input method) become their ASCII forms, and spaces of every kind around a cell
 * go.
 */
public final class Text {

	private Text() {
	}

	/**
	 * NFKC folds full-width forms ({@code ４１２}, {@code ３５．５}, {@code １，０９０}, {@code （})
	 * into ASCII; the strip also removes the ideographic space, no-break spaces, zero
	 * width spaces and a stray byte-order mark that Excel leaves in a first cell.
	 */
	public static String normalize(String raw) {
		if (raw == null) {
			return "";
		}
		// plain ASCII (almost every cell) is its own NFKC form: skip the normaliser
		String folded = isPlainAscii(raw) ? raw : Normalizer.normalize(raw, Normalizer.Form.NFKC);
		return stripAll(folded);
	}

	/**
	 * A header as it is compared: normalised, and with every blank inside removed too, so
	 * that a long name wrapped in its cell ({@code 上门走访} line break {@code 人次}) or padded
	 * with a run of spaces is still the name.
	 */
	public static String withoutBlanks(String raw) {
		String text = normalize(raw);
		StringBuilder compact = null;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (isBlank(c)) {
				if (compact == null) {
					compact = new StringBuilder(text.length()).append(text, 0, i);
				}
			}
			else if (compact != null) {
				compact.append(c);
			}
		}
		return (compact != null) ? compact.toString() : text;
	}

	private static boolean isPlainAscii(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c >= 0x7F || (c < 0x20 && c != '\t')) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Trims every kind of blank, without changing what is between (village names are kept
	 * as typed).
	 */
	public static String stripAll(String raw) {
		if (raw == null) {
			return "";
		}
		int start = 0;
		int end = raw.length();
		while (start < end && isBlank(raw.charAt(start))) {
			start++;
		}
		while (end > start && isBlank(raw.charAt(end - 1))) {
			end--;
		}
		return raw.substring(start, end);
	}

	private static boolean isBlank(char c) {
		return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\uFEFF' || c == '\u200B';
	}

}
