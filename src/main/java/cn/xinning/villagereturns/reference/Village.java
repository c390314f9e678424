package cn.xinning.villagereturns.reference;

import java.time.YearMonth;
import java.util.Optional;

/**
 * One line of the village registry.
 *
 * @param code 12-digit division code
 * @param name village or community name
 * @param townshipCode first 9 digits of the code
 * @param townshipName township name
 * @param kind 村 or 社区
 * @param households registered households, the base of the per-household bounds
 * @param population registered population
 * @param validFrom first period the village reports in, if limited
 * @param validTo last period the village reports in, if limited
 */
public record Village(String code, String name, String townshipCode, String townshipName, String kind, int households,
		int population, Optional<YearMonth> validFrom, Optional<YearMonth> validTo) {

	public String countyCode() {
		return this.code.substring(0, 6);
	}

	public boolean isValidIn(YearMonth period) {
		return this.validFrom.map((from) -> !period.isBefore(from)).orElse(true)
				&& this.validTo.map((to) -> !period.isAfter(to)).orElse(true);
	}

	public String validity() {
		return this.validFrom.map(YearMonth::toString).orElse("") + "~"
				+ this.validTo.map(YearMonth::toString).orElse("");
	}

}
