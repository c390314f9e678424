package cn.xinning.villagereturns.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A valid return of one village (湾坝村 430528100201, 177 households, unless another village
 * is given) that tests change one value at a time, written in either layout.
 */
public final class SampleReturn {

	/** Values that pass every rule for a village of 177 households. */
	public static final Map<String, String> VALID = valid();

	private final String village;

	private final String period;

	private final Map<String, String> values = new LinkedHashMap<>(VALID);

	private SampleReturn(String village, String period) {
		this.village = village;
		this.period = period;
	}

	public static SampleReturn of(String village, String period) {
		return new SampleReturn(village, period);
	}

	public SampleReturn with(String indicator, String value) {
		this.values.put(indicator, value);
		return this;
	}

	public SampleReturn without(String indicator) {
		this.values.remove(indicator);
		return this;
	}

	public Map<String, String> values() {
		return this.values;
	}

	public static String longHeader() {
		return "village_code,period,indicator_code,value,note";
	}

	/** Long-layout rows, one per value (no header). */
	public List<String> longRows() {
		List<String> rows = new ArrayList<>();
		this.values.forEach((indicator, value) -> rows
			.add(this.village + "," + this.period + "," + indicator + "," + quote(value) + ","));
		return rows;
	}

	public String longFile() {
		return longHeader() + "\n" + String.join("\n", longRows()) + "\n";
	}

	public static String wideHeader() {
		return "village_code,period," + String.join(",", VALID.keySet());
	}

	/** One wide-layout row with every indicator of {@link #VALID}, in that order. */
	public String wideRow() {
		StringBuilder row = new StringBuilder(this.village + "," + this.period);
		for (String indicator : VALID.keySet()) {
			row.append(',').append(quote(this.values.getOrDefault(indicator, "")));
		}
		return row.toString();
	}

	private static String quote(String value) {
		return (value.contains(",") || value.contains("\"")) ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
	}

	private static Map<String, String> valid() {
		Map<String, String> values = new LinkedHashMap<>();
		values.put("PAIRED_HOUSEHOLDS", "160");
		values.put("PAIRED_CADRES", "12");
		values.put("GRID_LEADERS_L2", "6");
		values.put("GRID_LEADERS_L3", "14");
		values.put("VOLUNTEER_TEAMS", "2");
		values.put("HOME_VISITS", "412");
		values.put("COMMUNITY_MEETINGS", "4");
		values.put("WEEKLY_CASE_MEETINGS", "4");
		values.put("CONTACT_CARDS", "20");
		values.put("POLICY_BOOKLETS", "15");
		values.put("POLICY_CARDS", "30");
		values.put("LAND_TRANSFER_MU", "35.5");
		values.put("COLLECTIVE_PROJECTS", "1");
		values.put("COOP_NEW_MEMBERS", "3");
		values.put("PRODUCE_SOLD_T", "1090");
		values.put("DISPUTES_MEDIATED", "2");
		values.put("LIVELIHOOD_PROJECTS", "1");
		values.put("ISSUES_RAISED", "6");
		values.put("ISSUES_RESOLVED_VILLAGE", "4");
		values.put("ISSUES_ESCALATED", "1");
		return java.util.Collections.unmodifiableMap(values);
	}

}
