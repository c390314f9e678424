package cn.xinning.villagereturns.anomaly;

/** How urgently a flag needs a look. */
public enum FlagSeverity {

	HIGH, MEDIUM, LOW

}
