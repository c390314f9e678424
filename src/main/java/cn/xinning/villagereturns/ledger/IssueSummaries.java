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

	public List<IssueSummary> of(YearMonth period) {
		TreeMap<String, IssueSummary.Tally> counties = new TreeMap<>();
		TreeMap<String, IssueSummary.Tally> townships = new TreeMap<>();
		for (Village village : this.referenceData.current().registry().all()) {
			if (village.isValidIn(period)) {
				counties.computeIfAbsent(village.countyCode(), (c) -> new IssueSummary.Tally(period, COUNTY, c));
				townships.computeIfAbsent(village.townshipCode(), (t) -> new IssueSummary.Tally(period, TOWNSHIP, t));
			}
		}
		this.jdbc.query("select village_code, issue_no, raised_on, category, status, escalated_township_on,"
				+ " escalated_county_on, resolved_on from ledger_issue where period = ?", (rs) -> {
					LedgerIssue issue = AcceptLedgerRowsWriter.issue(rs);
					counties
						.computeIfAbsent(issue.villageCode().substring(0, 6),
								(c) -> new IssueSummary.Tally(period, COUNTY, c))
						.add(issue);
					townships.computeIfAbsent(issue.townshipCode(), (t) -> new IssueSummary.Tally(period, TOWNSHIP, t))
						.add(issue);
				}, period.toString());
		List<IssueSummary> rows = new ArrayList<>();
		counties.values().forEach((t) -> rows.add(t.summary()));
		townships.values().forEach((t) -> rows.add(t.summary()));
		return rows;
	}

}
