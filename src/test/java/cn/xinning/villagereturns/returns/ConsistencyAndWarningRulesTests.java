package cn.xinning.villagereturns.returns;

import java.util.List;

import org.junit.jupiter.api.Test;

import cn.xinning.villagereturns.validation.Severity;

import static cn.xinning.villagereturns.returns.Fixtures.WANBA;
import static cn.xinning.villagereturns.returns.Fixtures.accepted;
import static cn.xinning.villagereturns.returns.Fixtures.described;
import static cn.xinning.villagereturns.returns.Fixtures.shuiyan;
import static cn.xinning.villagereturns.returns.Fixtures.validate;
import static cn.xinning.villagereturns.returns.Fixtures.values;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spec section 4: V-ISSUES, the warnings W-VISITS, W-WEEKLY and W-LOAD (the return is
 * still accepted), and an ERROR rejecting only its own return.
 */
class ConsistencyAndWarningRulesTests {

	@Test
	void issuesHandledMustNotExceedIssuesRaised() {
		FileValidator.Result result = validate("rules/v-issues.csv");
		assertThat(result.returns()).hasSize(2);
		CheckedReturn tooMany = result.returns().get(0);
		assertThat(described(tooMany.problems()))
			.containsExactly("V-ISSUES ERROR line 2 [ISSUES_RAISED] '9' issues.sum");
		assertThat(tooMany.problems().get(0).arguments()).containsExactly("9", "7", "3", "10");
		assertThat(accepted(result, tooMany)).isFalse();
		CheckedReturn exactlyAll = result.returns().get(1);
		assertThat(exactlyAll.problems()).isEmpty();
		assertThat(accepted(result, exactlyAll)).isTrue();
		assertThat(values(exactlyAll)).containsExactlyEntriesOf(shuiyan("ISSUES_ESCALATED", "3"));
	}

	@Test
	void warningsAreReportedAndTheReturnIsStillAccepted() {
		FileValidator.Result result = validate("rules/warnings.csv");
		assertThat(result.read().fileProblems()).isEmpty();
		List<CheckedReturn> returns = result.returns();
		assertThat(returns).hasSize(6);

		assertThat(described(returns.get(0).problems()))
			.containsExactly("W-VISITS WARNING line 2 [HOME_VISITS] '631' warn.visits");
		assertThat(returns.get(0).problems().get(0).arguments()).containsExactly("631", "210", "3", "630");
		assertThat(values(returns.get(0))).containsExactlyEntriesOf(shuiyan("HOME_VISITS", "631"));

		assertThat(returns.get(1).problems()).isEmpty();
		assertThat(values(returns.get(1))).containsExactlyEntriesOf(shuiyan("HOME_VISITS", "630"));

		assertThat(described(returns.get(2).problems()))
			.containsExactly("W-WEEKLY WARNING line 4 [WEEKLY_CASE_MEETINGS] '3' warn.weekly");
		assertThat(returns.get(2).problems().get(0).arguments()).containsExactly("3", "4");

		assertThat(described(returns.get(3).problems()))
			.containsExactly("W-LOAD WARNING line 5 [PAIRED_HOUSEHOLDS] '210' warn.load");
		assertThat(returns.get(3).problems().get(0).arguments()).containsExactly("210", "10", "20");

		assertThat(described(returns.get(4).problems())).containsExactly(
				"W-VISITS WARNING line 6 [HOME_VISITS] '631' warn.visits",
				"W-WEEKLY WARNING line 6 [WEEKLY_CASE_MEETINGS] '3' warn.weekly",
				"W-LOAD WARNING line 6 [PAIRED_HOUSEHOLDS] '210' warn.load");
		assertThat(values(returns.get(4))).containsExactlyEntriesOf(
				shuiyan("HOME_VISITS", "631", "WEEKLY_CASE_MEETINGS", "3", "PAIRED_CADRES", "10"));

		for (int i = 0; i < 5; i++) {
			assertThat(returns.get(i).errorCount()).isZero();
			assertThat(accepted(result, returns.get(i))).as("return of line %d", i + 2).isTrue();
		}
		assertThat(returns).extracting(CheckedReturn::warningCount).containsExactly(1L, 0L, 1L, 1L, 3L, 1L);
	}

	@Test
	void anErrorBesideAWarningRejectsTheReturn() {
		FileValidator.Result result = validate("rules/warnings.csv");
		CheckedReturn both = result.returns().get(5);
		assertThat(described(both.problems())).containsExactly(
				"V-NUMBER ERROR line 7 [HOME_VISITS] '三百' number.notANumber",
				"W-WEEKLY WARNING line 7 [WEEKLY_CASE_MEETINGS] '3' warn.weekly");
		assertThat(both.problems()).extracting((p) -> p.severity()).containsExactly(Severity.ERROR, Severity.WARNING);
		assertThat(both.errorCount()).isEqualTo(1);
		assertThat(accepted(result, both)).isFalse();
	}

	@Test
	void oneBadRowOfAWideFileRejectsOnlyItsReturn() {
		FileValidator.Result result = validate("rules/wide-one-bad-row.csv");
		assertThat(result.read().fileProblems()).isEmpty();
		assertThat(result.read().isRejectedWhole()).isFalse();
		List<CheckedReturn> returns = result.returns();
		assertThat(returns).hasSize(3);
		assertThat(returns).extracting(CheckedReturn::villageCode)
			.containsExactly("430528101201", "430528101202", WANBA);
		assertThat(returns.get(0).problems()).isEmpty();
		assertThat(values(returns.get(0))).containsExactlyEntriesOf(shuiyan());
		assertThat(described(returns.get(1).problems()))
			.containsExactly("V-NUMBER ERROR line 3 [HOME_VISITS] '三百' number.notANumber");
		assertThat(returns.get(2).problems()).isEmpty();
		assertThat(values(returns.get(2))).containsExactlyEntriesOf(Fixtures.wanba());
		assertThat(returns).extracting((checked) -> accepted(result, checked)).containsExactly(true, false, true);
	}

}
