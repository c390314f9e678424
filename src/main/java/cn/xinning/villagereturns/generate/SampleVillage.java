package cn.xinning.villagereturns.generate;

import java.time.YearMonth;

/**
 * A reporting unit of the registry, as far as the generator needs it.
 *
 * @param code 12-digit village code
 * @param name village or community name
 * @param townshipCode 9-digit township code
 * @param townshipName township name (also used for folder and file names)
 * @param community whether it is a community (社区): towns have no farmland to transfer
 * @param households registered households, the scale of most values
 * @param validFrom first period it reports in, or {@code null} when open
 * @param validTo last period it reports in, or {@code null} when open
 */
record SampleVillage(String code, String name, String townshipCode, String townshipName, boolean community,
		int households, YearMonth validFrom, YearMonth validTo) {

	/**
	 * Merged and split villages report only in the periods the registry says they exist.
	 */
	boolean validIn(YearMonth period) {
		return (this.validFrom == null || !period.isBefore(this.validFrom))
				&& (this.validTo == null || !period.isAfter(this.validTo));
	}

}
