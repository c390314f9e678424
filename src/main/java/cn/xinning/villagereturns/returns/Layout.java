package cn.xinning.villagereturns.returns;

/** The two layouts of spec section 3, recognised from the header row. */
public enum Layout {

	/** One value per row: village, period, indicator, value. */
	LONG,
	/** One return per row, one column per indicator. */
	WIDE

}
