package cn.xinning.villagereturns.ledger;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import cn.xinning.villagereturns.reference.ReferenceData;
import cn.xinning.villagereturns.reference.Village;

/**
 * The summary of spec section 12 for a month: the county row and one row for every
 * township with a village valid in the month, zeros included, sorted by org level (COUNTY
 * before TOWNSHIP, as {@code completeness.csv}) and code. It is a function of the issues
 * in force and nothing else (not of the business time), so it is computed when it is read
 * and can never be stale: {@code recompute} has nothing to store for it.
 */
@Service
public class IssueSummaries {

	static final String COUNTY = "COUNTY";

	static final String TOWNSHIP = "TOWNSHIP";

	private final JdbcTemplate jdbc;

	private final ReferenceData referenceData;

	public IssueSummaries(JdbcTemplate jdbc, ReferenceData referenceData) {
		this.jdbc = jdbc;
		this.referenceData = referenceData;
	}

	/** Every row of the month: {@code issues_summary.csv}. */
	public List<IssueSummary> of(YearMonth period) {
		return rows(period, "");
	}

	/**
	 * One county's rows of the month, exactly those of {@link #of(YearMonth)} whose code
	 * starts with the county's: its own row and its townships'. A county's issues are a
	 * range of the index on (period, township_code), so a screen of one county does not
	 * read the whole province's issues (a province month has 250,000).
	 * @param countyCode 6 digits
	 */
	public List<IssueSummary> ofCounty(YearMonth period, String countyCode) {
		if (!countyCode.matches("\\d{6}")) {
			throw new IllegalArgumentException("not a county code: " + countyCode);
		}
		return rows(period, countyCode);
	}

	// the one implementation of the summary: the registry gives the rows with zeros, the
	// issues (of every village whose code starts with the prefix; township_code is the
	// village code's first 9 digits) are tallied into their county's and township's row
	private List<IssueSummary> rows(YearMonth period, String prefix) {
		TreeMap<String, IssueSummary.Tally> counties = new TreeMap<>();
		TreeMap<String, IssueSummary.Tally> townships = new TreeMap<>();
		for (Village village : this.referenceData.recent().registry().all()) {
			if (village.isValidIn(period) && village.code().startsWith(prefix)) {
				counties.computeIfAbsent(village.countyCode(), (c) -> new IssueSummary.Tally(period, COUNTY, c));
				townships.computeIfAbsent(village.townshipCode(), (t) -> new IssueSummary.Tally(period, TOWNSHIP, t));
			}
		}
		StringBuilder sql = new StringBuilder("select village_code, issue_no, raised_on, category, status,"
				+ " escalated_township_on, escalated_county_on, resolved_on from ledger_issue where period = ?");
		List<Object> args = new ArrayList<>();
		args.add(period.toString());
		if (!prefix.isEmpty()) {
			sql.append(" and township_code between ? and ?");
			args.add((prefix + "000000000").substring(0, 9));
			args.add((prefix + "999999999").substring(0, 9));
		}
		this.jdbc.query(sql.toString(), (rs) -> {
			LedgerIssue issue = AcceptLedgerRowsWriter.issue(rs);
			counties
				.computeIfAbsent(issue.villageCode().substring(0, 6), (c) -> new IssueSummary.Tally(period, COUNTY, c))
				.add(issue);
			townships.computeIfAbsent(issue.townshipCode(), (t) -> new IssueSummary.Tally(period, TOWNSHIP, t))
				.add(issue);
		}, args.toArray());
		List<IssueSummary> rows = new ArrayList<>();
		counties.values().forEach((t) -> rows.add(t.summary()));
		townships.values().forEach((t) -> rows.add(t.summary()));
		return rows;
	}

}
