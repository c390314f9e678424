package cn.xinning.villagereturns.returns;

/** The two layouts of spec section 3 and the ledger, recognised from the header row. */
public enum Layout {

	/** One value per row: village, period, indicator, value. */
	LONG,
	/** One return per row, one column per indicator. */
	WIDE,
	/**
	 * Not a return: an issue ledger (spec section 12), read by the {@code ledger}
	 * package.
	 */
	LEDGER

}
