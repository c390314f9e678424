package cn.xinning.villagereturns.reporting;

/** Escaping and number display for the HTML report. */
final class Html {

	/** What an empty aggregate shows: missing is not zero. */
	static final String MISSING = "—";

	private Html() {
	}

	/** Text for an HTML element or a quoted attribute. */
	static String escape(String text) {
		if (text == null) {
			return "";
		}
		StringBuilder escaped = null;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			String replacement = switch (c) {
				case '&' -> "&amp;";
				case '<' -> "&lt;";
				case '>' -> "&gt;";
				case '"' -> "&quot;";
				case '\'' -> "&#39;";
				default -> null;
			};
			if (replacement != null && escaped == null) {
				escaped = new StringBuilder(text.length() + 16).append(text, 0, i);
			}
			if (escaped != null) {
				if (replacement != null) {
					escaped.append(replacement);
				}
				else {
					escaped.append(c);
				}
			}
		}
		return (escaped != null) ? escaped.toString() : text;
	}

	/**
	 * A JSON string literal that is also safe inside an HTML {@code <script>} element
	 * ({@code <}, {@code >} and {@code &} as unicode escapes, so no {@code </script>} can
	 * end it).
	 */
	static String jsonString(String text) {
		StringBuilder json = new StringBuilder(text.length() + 2).append('"');
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '"' || c == '\\') {
				json.append('\\').append(c);
			}
			else if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
				json.append(String.format("\\u%04x", (int) c));
			}
			else {
				json.append(c);
			}
		}
		return json.append('"').toString();
	}

	/**
	 * An exported number ({@code 135273}, {@code 35.5}) as people read it
	 * ({@code 135,273}, {@code 35.5}); an empty value is {@link #MISSING}.
	 */
	static String number(String exported) {
		if (exported == null || exported.isEmpty()) {
			return MISSING;
		}
		int dot = exported.indexOf('.');
		String whole = (dot >= 0) ? exported.substring(0, dot) : exported;
		String fraction = (dot >= 0) ? exported.substring(dot) : "";
		boolean negative = whole.startsWith("-");
		String digits = negative ? whole.substring(1) : whole;
		StringBuilder grouped = new StringBuilder();
		for (int i = 0; i < digits.length(); i++) {
			if (i > 0 && (digits.length() - i) % 3 == 0) {
				grouped.append(',');
			}
			grouped.append(digits.charAt(i));
		}
		return (negative ? "-" : "") + grouped + fraction;
	}

	/** A percentage as exported ({@code 66.7}) with its sign, or {@link #MISSING}. */
	static String percent(String exported) {
		return (exported == null || exported.isEmpty()) ? MISSING : exported + "%";
	}

	/** CSS class of a percentage: red under 80, amber under 100. */
	static String percentClass(String exported) {
		if (exported == null || exported.isEmpty()) {
			return "na";
		}
		double value = Double.parseDouble(exported);
		return (value < 80) ? "bad" : (value < 100) ? "warn" : "ok";
	}

}
