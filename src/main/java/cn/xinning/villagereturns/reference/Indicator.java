package cn.xinning.villagereturns.reference;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * One line of the indicator catalogue.
 *
 * @param code code used in returns
 * @param nameZh Chinese name; a wide return may use it as a column header
 * @param nameEn English name
 * @param unitZh unit
 * @param valueType whole numbers or at most two decimals
 * @param kind activity during the month, or state at its end
 * @param required a return must carry a value for it
 * @param max absolute upper bound, if any
 * @param maxPerHousehold upper bound as a multiple of the village's households, if any
 * @param minAbsChange smallest deviation worth an anomaly flag
 * @param order position in the catalogue, for display
 */
public record Indicator(String code, String nameZh, String nameEn, String unitZh, ValueType valueType, Kind kind,
		boolean required, Optional<BigDecimal> max, Optional<BigDecimal> maxPerHousehold, BigDecimal minAbsChange,
		int order) {

	public enum ValueType {

		INTEGER, DECIMAL

	}

	public enum Kind {

		FLOW, STOCK

	}

	public boolean isFlow() {
		return this.kind == Kind.FLOW;
	}

	/** A name a clerk recognises: {@code 上门走访人次(HOME_VISITS)}. */
	public String label() {
		return this.nameZh + "(" + this.code + ")";
	}

}
