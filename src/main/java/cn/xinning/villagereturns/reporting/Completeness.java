package cn.xinning.villagereturns.reporting;

/**
 * Completeness and timeliness of an organisation in a period, as {@code completeness.csv}
 * has them; percentages as exported ({@code ""} if none expected).
 *
 * @param expected villages valid in the period
 * @param received villages with an accepted return
 * @param onTime villages whose first accepted return was on time
 */
public record Completeness(int expected, int received, int onTime) {

	public String completenessPct() {
		return CompletenessTable.percent(this.received, this.expected);
	}

	public String timelinessPct() {
		return CompletenessTable.percent(this.onTime, this.expected);
	}

	/**
	 * How the reports colour a percentage as exported: {@code bad} under 80, {@code warn}
	 * under 100, else {@code ok}; {@code na} when empty.
	 */
	public static String look(String exportedPct) {
		return Html.percentClass(exportedPct);
	}

	/** Villages received after the due date. */
	public int late() {
		return this.received - this.onTime;
	}

	/** Villages expected without an accepted return. */
	public int missing() {
		return this.expected - this.received;
	}

}
