package cn.xinning.villagereturns.validation;

/**
 * Rule codes written to errors files. The V- and W- codes are those of spec section 4;
 * the F- codes name problems of a whole file that the spec lists without a code.
 */
public enum RuleCode {

	/** The file is empty, or has a header and no data row. */
	F_EMPTY("F-EMPTY"),
	/** Not a text file (an Excel workbook, an image...). */
	F_BINARY("F-BINARY"),
	/** Text in an encoding that cannot be decoded without guessing. */
	F_ENCODING("F-ENCODING"),
	/** Quoting that breaks the CSV structure. */
	F_FORMAT("F-FORMAT"),
	/** No header row with the village code and period columns. */
	F_HEADER("F-HEADER"),
	/** A required column is missing, or a column appears twice. */
	F_COLUMNS("F-COLUMNS"),

	V_VILLAGE("V-VILLAGE"), V_PERIOD("V-PERIOD"), V_INDICATOR("V-INDICATOR"), V_NUMBER("V-NUMBER"),
	V_DUPLICATE("V-DUPLICATE"), V_REQUIRED("V-REQUIRED"), V_BOUND("V-BOUND"), V_ISSUES("V-ISSUES"),

	W_VISITS("W-VISITS"), W_WEEKLY("W-WEEKLY"), W_LOAD("W-LOAD"),

	/** The rules of an issue ledger's rows (spec section 12). */
	L_REQUIRED("L-REQUIRED"), L_CATEGORY("L-CATEGORY"), L_STATUS_VALUE("L-STATUS-VALUE"), L_DATE("L-DATE"),
	L_ORDER("L-ORDER"), L_STATUS("L-STATUS");

	private final String code;

	RuleCode(String code) {
		this.code = code;
	}

	public String code() {
		return this.code;
	}

	public static RuleCode ofCode(String code) {
		for (RuleCode rule : values()) {
			if (rule.code.equals(code)) {
				return rule;
			}
		}
		throw new IllegalArgumentException("Unknown rule code " + code);
	}

	@Override
	public String toString() {
		return this.code;
	}

}
