package cn.xinning.villagereturns.benchmark;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A synthetic registry of any size (counties of 16 townships of about 20 villages, as in
 * Hunan) and returns that pass every rule, for benchmarks: the values are a deterministic
 * function of village, period and indicator, so a history and a month can be written
 * separately and agree.
 */
final class SyntheticCounty {

	static final int TOWNSHIPS_PER_COUNTY = 16;

	static final int VILLAGES_PER_TOWNSHIP = 20;

	/** The catalogue's indicators in order, with the bounds the values must respect. */
	static final List<String> INDICATORS = List.of("PAIRED_HOUSEHOLDS", "PAIRED_CADRES", "GRID_LEADERS_L2",
			"GRID_LEADERS_L3", "VOLUNTEER_TEAMS", "HOME_VISITS", "COMMUNITY_MEETINGS", "WEEKLY_CASE_MEETINGS",
			"CONTACT_CARDS", "POLICY_BOOKLETS", "POLICY_CARDS", "LAND_TRANSFER_MU", "COLLECTIVE_PROJECTS",
			"COOP_NEW_MEMBERS", "PRODUCE_SOLD_T", "DISPUTES_MEDIATED", "LIVELIHOOD_PROJECTS", "ISSUES_RAISED",
			"ISSUES_RESOLVED_VILLAGE", "ISSUES_ESCALATED");

	/**
	 * @param code 12-digit code
	 * @param township 9-digit township code
	 * @param households registered households
	 */
	record Village(String code, String township, int households) {
	}

	private final List<Village> villages;

	SyntheticCounty(int villages) {
		this.villages = new ArrayList<>(villages);
		for (int i = 0; i < villages; i++) {
			int county = i / (TOWNSHIPS_PER_COUNTY * VILLAGES_PER_TOWNSHIP);
			int township = (i / VILLAGES_PER_TOWNSHIP) % TOWNSHIPS_PER_COUNTY;
			int village = i % VILLAGES_PER_TOWNSHIP;
			String townshipCode = String.format("43%04d%03d", county + 1, 100 + township);
			this.villages.add(new Village(townshipCode + String.format("%03d", 201 + village), townshipCode,
					150 + (int) (mix(i, 0, 0) % 500)));
		}
	}

	List<Village> villages() {
		return this.villages;
	}

	void writeRegistry(Path file) throws IOException {
		try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			out.write("village_code,village_name,township_code,township_name,kind,households,population\n");
			for (Village v : this.villages) {
				out.write(v.code() + ",村" + v.code().substring(6) + "," + v.township() + ",乡镇"
						+ v.township().substring(2) + ",村," + v.households() + "," + (v.households() * 3) + "\n");
			}
		}
	}

	/** The return of a village for a period: values in catalogue order. */
	Map<String, String> values(int index, YearMonth period) {
		Village v = this.villages.get(index);
		int h = v.households();
		long seed = mix(index, period.getYear() * 12L + period.getMonthValue(), 1);
		int paired = h * 9 / 10;
		int raised = 2 + (int) (seed % 6);
		int resolved = raised / 2;
		Map<String, String> values = new LinkedHashMap<>();
		values.put("PAIRED_HOUSEHOLDS", String.valueOf(paired));
		values.put("PAIRED_CADRES", String.valueOf(Math.max(1, paired / 12)));
		values.put("GRID_LEADERS_L2", "7");
		values.put("GRID_LEADERS_L3", String.valueOf(10 + index % 15));
		values.put("VOLUNTEER_TEAMS", String.valueOf(1 + index % 3));
		values.put("HOME_VISITS", String.valueOf(paired + (int) (seed % 60) - 30));
		values.put("COMMUNITY_MEETINGS", String.valueOf(3 + (int) (seed % 4)));
		values.put("WEEKLY_CASE_MEETINGS", String.valueOf(4 + (int) (seed % 2)));
		values.put("CONTACT_CARDS", String.valueOf((int) (seed % 20)));
		values.put("POLICY_BOOKLETS", String.valueOf((int) ((seed >> 3) % 15)));
		values.put("POLICY_CARDS", String.valueOf((int) ((seed >> 5) % 25)));
		values.put("LAND_TRANSFER_MU", (seed % 300) / 10 + "." + (seed % 10));
		values.put("COLLECTIVE_PROJECTS", String.valueOf((int) ((seed >> 7) % 2)));
		values.put("COOP_NEW_MEMBERS", String.valueOf((int) ((seed >> 9) % 6)));
		values.put("PRODUCE_SOLD_T", (seed % 900) / 10 + "." + ((seed >> 2) % 100));
		values.put("DISPUTES_MEDIATED", String.valueOf((int) ((seed >> 11) % 4)));
		values.put("LIVELIHOOD_PROJECTS", String.valueOf((int) ((seed >> 13) % 3)));
		values.put("ISSUES_RAISED", String.valueOf(raised));
		values.put("ISSUES_RESOLVED_VILLAGE", String.valueOf(resolved));
		values.put("ISSUES_ESCALATED", String.valueOf(raised - resolved - 1));
		return values;
	}

	/** One long-layout file per village, as a village clerk sends it. */
	void writeMonth(Path inbox, YearMonth period) throws IOException {
		for (int i = 0; i < this.villages.size(); i++) {
			Village v = this.villages.get(i);
			Path folder = inbox.resolve(v.township());
			Files.createDirectories(folder);
			StringBuilder file = new StringBuilder("village_code,period,indicator_code,value,note\n");
			for (Map.Entry<String, String> value : values(i, period).entrySet()) {
				file.append(v.code())
					.append(',')
					.append(period)
					.append(',')
					.append(value.getKey())
					.append(',')
					.append(value.getValue())
					.append(",\n");
			}
			Files.writeString(folder.resolve(v.code() + "_" + period + ".csv"), file, StandardCharsets.UTF_8);
		}
	}

	/**
	 * One issue ledger per village (spec section 12) beside its return: {@code rows}
	 * issues raised in the month, every one valid, most resolved in the village, some
	 * reported up (a few late), some still open.
	 */
	void writeLedgers(Path inbox, YearMonth period, int rows) throws IOException {
		if (rows <= 0) {
			return;
		}
		String[] statuses = { "RESOLVED_VILLAGE", "RESOLVED_VILLAGE", "RESOLVED_VILLAGE", "RESOLVED_VILLAGE",
				"RESOLVED_VILLAGE", "ESCALATED_TOWNSHIP", "RESOLVED_TOWNSHIP", "ESCALATED_COUNTY", "RESOLVED_COUNTY",
				"OPEN" };
		String[] categories = { "POLICY", "AGRI_TECH", "DISPUTE", "INFRASTRUCTURE", "LIVELIHOOD", "OTHER" };
		for (int i = 0; i < this.villages.size(); i++) {
			Village v = this.villages.get(i);
			StringBuilder file = new StringBuilder("issue_no,village_code,raised_on,category,summary,status,"
					+ "escalated_township_on,escalated_county_on,resolved_on\n");
			for (int n = 0; n < rows; n++) {
				long seed = mix(i, period.getYear() * 12L + period.getMonthValue(), 100 + n);
				java.time.LocalDate raised = period.atDay(1 + (int) (seed % 18));
				String status = statuses[(int) ((seed >> 8) % statuses.length)];
				boolean township = !status.equals("OPEN") && !status.equals("RESOLVED_VILLAGE");
				boolean county = status.endsWith("_COUNTY");
				java.time.LocalDate t = raised.plusDays(1 + (seed >> 16) % 4 + (((seed >> 20) % 5 == 0) ? 10 : 0));
				java.time.LocalDate c = t.plusDays(2);
				java.time.LocalDate r = (county ? c : (township ? t : raised)).plusDays(1 + (seed >> 24) % 5);
				file.append(period)
					.append('-')
					.append(String.format("%03d", n + 1))
					.append(',')
					.append(v.code())
					.append(',')
					.append(raised)
					.append(',')
					.append(categories[(int) ((seed >> 4) % categories.length)])
					.append(",问题,")
					.append(status)
					.append(',')
					.append(township ? t.toString() : "")
					.append(',')
					.append(county ? c.toString() : "")
					.append(',')
					.append(status.startsWith("RESOLVED") ? r.toString() : "")
					.append('\n');
			}
			Files.writeString(inbox.resolve(v.township()).resolve(v.code() + "_" + period + "_问题清单.csv"), file,
					StandardCharsets.UTF_8);
		}
	}

	/** The months' values as one plain CSV, for the floor: the fastest way in. */
	void writeFloorValues(Path file, YearMonth first, YearMonth last) throws IOException {
		try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			for (YearMonth period = first; !period.isAfter(last); period = period.plusMonths(1)) {
				for (int i = 0; i < this.villages.size(); i++) {
					String code = this.villages.get(i).code();
					for (Map.Entry<String, String> value : values(i, period).entrySet()) {
						out.write(code + "," + value.getKey() + "," + value.getValue() + "\n");
					}
				}
			}
		}
	}

	int valuesPerReturn() {
		return INDICATORS.size();
	}

	private static long mix(long a, long b, long c) {
		long x = a * 0x9E3779B97F4A7C15L + b * 0xC2B2AE3D27D4EB4FL + c * 0x165667B19E3779F9L;
		x ^= (x >>> 33);
		x *= 0xFF51AFD7ED558CCDL;
		x ^= (x >>> 33);
		return x & Long.MAX_VALUE;
	}

}
