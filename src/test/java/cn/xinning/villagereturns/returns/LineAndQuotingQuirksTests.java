package cn.xinning.villagereturns.returns;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static cn.xinning.villagereturns.returns.Fixtures.assertShuiyanOctober;
import static cn.xinning.villagereturns.returns.Fixtures.lines;
import static cn.xinning.villagereturns.returns.Fixtures.validate;
import static cn.xinning.villagereturns.returns.Fixtures.value;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spec section 3, line endings, blank lines and RFC 4180 quoting: the values are exact,
 * and every value keeps the physical line a clerk sees in a text editor.
 */
class LineAndQuotingQuirksTests {

	@ParameterizedTest
	@ValueSource(
			strings = { "quirks/line-endings-crlf.csv", "quirks/line-endings-lf.csv", "quirks/line-endings-cr.csv" })
	void everyLineEndingGivesTheSameReturnOnTheSameLines(String fixture) {
		FileValidator.Result result = validate(fixture);
		assertThat(result.read().encoding()).isEqualTo("UTF-8");
		assertThat(result.read().layout()).hasValue(Layout.LONG);
		assertThat(result.read().fileProblems()).isEmpty();
		assertThat(result.returns()).hasSize(1);
		CheckedReturn checked = result.returns().get(0);
		assertShuiyanOctober(result, checked);
		assertThat(checked.line()).isEqualTo(2);
		assertThat(lines(checked)).containsExactlyEntriesOf(consecutiveLines(2));
		assertThat(value(checked, "LAND_TRANSFER_MU").note()).isEqualTo("含林地");
	}

	@Test
	void blankLinesAndRowsOfEmptyCellsAreSkippedButCounted() {
		FileValidator.Result result = validate("quirks/blank-lines.csv");
		assertThat(result.read().fileProblems()).isEmpty();
		assertThat(result.returns()).hasSize(1);
		CheckedReturn checked = result.returns().get(0);
		assertShuiyanOctober(result, checked);
		assertThat(checked.line()).isEqualTo(3);
		Map<String, Integer> expected = new LinkedHashMap<>();
		expected.put("PAIRED_HOUSEHOLDS", 3);
		String[] middle = { "PAIRED_CADRES", "GRID_LEADERS_L2", "GRID_LEADERS_L3", "VOLUNTEER_TEAMS", "HOME_VISITS",
				"COMMUNITY_MEETINGS", "WEEKLY_CASE_MEETINGS", "CONTACT_CARDS", "POLICY_BOOKLETS" };
		for (int i = 0; i < middle.length; i++) {
			expected.put(middle[i], 7 + i);
		}
		String[] last = { "POLICY_CARDS", "LAND_TRANSFER_MU", "COLLECTIVE_PROJECTS", "COOP_NEW_MEMBERS",
				"PRODUCE_SOLD_T", "DISPUTES_MEDIATED", "LIVELIHOOD_PROJECTS", "ISSUES_RAISED",
				"ISSUES_RESOLVED_VILLAGE", "ISSUES_ESCALATED" };
		for (int i = 0; i < last.length; i++) {
			expected.put(last[i], 19 + i);
		}
		assertThat(lines(checked)).containsExactlyEntriesOf(expected);
	}

	@Test
	void quotedFieldsWithCommaDoubledQuotesAndLineBreak() {
		FileValidator.Result result = validate("quirks/rfc4180-quoting.csv");
		assertThat(result.read().fileProblems()).isEmpty();
		assertThat(result.returns()).hasSize(1);
		CheckedReturn checked = result.returns().get(0);
		assertShuiyanOctober(result, checked);
		assertThat(value(checked, "HOME_VISITS").line()).isEqualTo(7);
		assertThat(value(checked, "LAND_TRANSFER_MU").note()).isEqualTo("含林地, 坡地");
		assertThat(value(checked, "DISPUTES_MEDIATED").note()).isEqualTo("村民说\"已调解\"");
		assertThat(value(checked, "LIVELIHOOD_PROJECTS").note()).isEqualTo("修路一条\n安装路灯 12 盏");
		assertThat(value(checked, "LIVELIHOOD_PROJECTS").line()).isEqualTo(18);
		// the note of line 18 ends on line 19: the next row is on line 20
		assertThat(value(checked, "ISSUES_RAISED").line()).isEqualTo(20);
		assertThat(value(checked, "ISSUES_RESOLVED_VILLAGE").line()).isEqualTo(21);
		assertThat(value(checked, "ISSUES_ESCALATED").line()).isEqualTo(22);
	}

	private static Map<String, Integer> consecutiveLines(int first) {
		Map<String, Integer> lines = new LinkedHashMap<>();
		int line = first;
		for (String code : Fixtures.shuiyan().keySet()) {
			lines.put(code, line++);
		}
		return lines;
	}

}
