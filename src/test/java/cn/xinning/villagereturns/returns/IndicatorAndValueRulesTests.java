package cn.xinning.villagereturns.returns;

import java.util.List;

import org.junit.jupiter.api.Test;

import static cn.xinning.villagereturns.returns.Fixtures.accepted;
import static cn.xinning.villagereturns.returns.Fixtures.described;
import static cn.xinning.villagereturns.returns.Fixtures.shuiyan;
import static cn.xinning.villagereturns.returns.Fixtures.validate;
import static cn.xinning.villagereturns.returns.Fixtures.value;
import static cn.xinning.villagereturns.returns.Fixtures.values;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spec section 4: V-INDICATOR, V-NUMBER, V-DUPLICATE, V-REQUIRED and V-BOUND at their
 * line and column.
 */
class IndicatorAndValueRulesTests {

	private static final String HOME_VISITS = "上门走访人次(HOME_VISITS)";

	@Test
	void unknownOrEmptyIndicatorCodeInALongReturn() {
		FileValidator.Result result = validate("rules/v-indicator-long.csv");
		assertThat(result.read().fileProblems()).isEmpty();
		assertThat(result.returns()).hasSize(1);
		CheckedReturn checked = result.returns().get(0);
		assertThat(described(checked.problems())).containsExactly(
				"V-INDICATOR ERROR line 8 [indicator_code] 'HOME_VISIT' indicator.unknown",
				"V-INDICATOR ERROR line 17 [indicator_code] '' indicator.empty");
		assertThat(checked.problems().get(0).arguments()).containsExactly("HOME_VISIT");
		assertThat(accepted(result, checked)).isFalse();
		assertThat(values(checked)).containsExactlyEntriesOf(shuiyan());
	}

	@Test
	void unknownColumnInAWideFileRejectsTheWholeFile() {
		FileValidator.Result result = validate("rules/v-indicator-wide.csv");
		assertThat(result.read().layout()).hasValue(Layout.WIDE);
		assertThat(described(result.read().fileProblems()))
			.containsExactly("V-INDICATOR ERROR line 1 [村民小组数] '村民小组数' wide.column.unknown");
		assertThat(result.read().isRejectedWhole()).isTrue();
		assertThat(result.returns()).hasSize(2);
		assertThat(result.returns()).noneMatch((checked) -> accepted(result, checked));
	}

	@Test
	void valuesMustBeNonNegativeNumbersOfTheRightType() {
		FileValidator.Result result = validate("rules/v-number.csv");
		assertThat(result.read().fileProblems()).isEmpty();
		assertThat(result.returns()).hasSize(5);
		assertThat(described(result.returns().get(0).problems()))
			.containsExactly("V-NUMBER ERROR line 2 [HOME_VISITS] '三百' number.notANumber");
		assertThat(result.returns().get(0).problems().get(0).arguments()).containsExactly("三百", HOME_VISITS);
		assertThat(described(result.returns().get(1).problems()))
			.containsExactly("V-NUMBER ERROR line 3 [HOME_VISITS] '-5' number.negative");
		assertThat(described(result.returns().get(2).problems()))
			.containsExactly("V-NUMBER ERROR line 4 [COMMUNITY_MEETINGS] '3.5' number.notWhole");
		assertThat(described(result.returns().get(3).problems()))
			.containsExactly("V-NUMBER ERROR line 5 [LAND_TRANSFER_MU] '35.555' number.tooManyDecimals");
		for (int i = 0; i < 4; i++) {
			assertThat(accepted(result, result.returns().get(i))).isFalse();
		}
		// never read as 0: the bad value is simply not among the values
		assertThat(values(result.returns().get(0))).doesNotContainKey("HOME_VISITS");
		CheckedReturn fine = result.returns().get(4);
		assertThat(fine.problems()).isEmpty();
		assertThat(accepted(result, fine)).isTrue();
		assertThat(values(fine)).containsExactlyEntriesOf(shuiyan());
		assertThat(value(fine, "LAND_TRANSFER_MU").value()).isEqualByComparingTo("35.50");
		assertThat(value(fine, "COMMUNITY_MEETINGS").value()).isEqualByComparingTo("6");
	}

	@Test
	void sameIndicatorTwiceInALongReturnReportsTheSecondLine() {
		FileValidator.Result result = validate("rules/v-duplicate-long.csv");
		assertThat(result.returns()).hasSize(1);
		CheckedReturn checked = result.returns().get(0);
		assertThat(described(checked.problems()))
			.containsExactly("V-DUPLICATE ERROR line 22 [indicator_code] 'HOME_VISITS' duplicate.indicator");
		assertThat(checked.problems().get(0).arguments()).containsExactly(HOME_VISITS, "7");
		assertThat(accepted(result, checked)).isFalse();
		assertThat(value(checked, "HOME_VISITS").line()).isEqualTo(7);
	}

	@Test
	void requiredIndicatorAbsentFromALongReturn() {
		FileValidator.Result result = validate("rules/v-required-long-absent.csv");
		assertThat(result.returns()).hasSize(1);
		CheckedReturn checked = result.returns().get(0);
		assertThat(described(checked.problems()))
			.containsExactly("V-REQUIRED ERROR line 2 [LAND_TRANSFER_MU] '' required.absent");
		assertThat(checked.problems().get(0).arguments()).containsExactly("协助流转土地面积(LAND_TRANSFER_MU)");
		assertThat(accepted(result, checked)).isFalse();
		assertThat(values(checked)).containsExactlyEntriesOf(shuiyan("LAND_TRANSFER_MU", null));
	}

	@Test
	void requiredIndicatorWithAnEmptyCellInAWideReturn() {
		FileValidator.Result result = validate("rules/v-required-wide-empty.csv");
		assertThat(result.read().fileProblems()).isEmpty();
		assertThat(result.returns()).hasSize(1);
		CheckedReturn checked = result.returns().get(0);
		assertThat(described(checked.problems()))
			.containsExactly("V-REQUIRED ERROR line 2 [LAND_TRANSFER_MU] '' required.missing");
		assertThat(accepted(result, checked)).isFalse();
	}

	@Test
	void requiredColumnAbsentFromAWideFileIsReportedOnceForTheFile() {
		FileValidator.Result result = validate("rules/v-required-wide-column-absent.csv");
		assertThat(described(result.read().fileProblems()))
			.containsExactly("V-REQUIRED ERROR line 1 [LAND_TRANSFER_MU] '' wide.required.missing");
		assertThat(result.read().isRejectedWhole()).isTrue();
		assertThat(result.returns()).hasSize(1);
		assertThat(result.returns().get(0).problems()).isEmpty();
		assertThat(accepted(result, result.returns().get(0))).isFalse();
	}

	@Test
	void valuesMustNotExceedTheAbsoluteOrPerHouseholdBound() {
		FileValidator.Result result = validate("rules/v-bound.csv");
		assertThat(result.read().fileProblems()).isEmpty();
		List<CheckedReturn> returns = result.returns();
		assertThat(returns).hasSize(5);
		assertThat(returns.get(0).problems()).isEmpty();
		assertThat(value(returns.get(0), "COMMUNITY_MEETINGS").value()).isEqualByComparingTo("100");
		assertThat(described(returns.get(1).problems()))
			.containsExactly("V-BOUND ERROR line 3 [COMMUNITY_MEETINGS] '101' bound.max");
		assertThat(returns.get(1).problems().get(0).arguments()).containsExactly("民情恳谈会、院落会、屋场会次数(COMMUNITY_MEETINGS)",
				"101", "100", "次");
		assertThat(returns.get(2).problems()).isEmpty();
		assertThat(value(returns.get(2), "CONTACT_CARDS").value()).isEqualByComparingTo("1080");
		assertThat(described(returns.get(3).problems()))
			.containsExactly("V-BOUND ERROR line 5 [CONTACT_CARDS] '1081' bound.perHousehold");
		assertThat(returns.get(3).problems().get(0).arguments()).containsExactly("发放党员干部联系卡张数(CONTACT_CARDS)", "1081",
				"5", "216", "1080");
		assertThat(described(returns.get(4).problems()))
			.containsExactly("V-BOUND ERROR line 6 [PAIRED_HOUSEHOLDS] '227' bound.perHousehold");
		assertThat(returns.get(4).problems().get(0).arguments()).containsExactly("结对联系农户数(PAIRED_HOUSEHOLDS)", "227",
				"1.05", "216", "226.8");
		assertThat(returns).extracting((checked) -> accepted(result, checked))
			.containsExactly(true, false, true, false, false);
	}

	@Test
	void columnIsTheHeaderAsWrittenInAWideFileWithChineseNames() {
		FileValidator.Result result = validate("rules/column-as-written-wide-name-zh.csv");
		assertThat(result.read().fileProblems()).isEmpty();
		assertThat(result.returns()).hasSize(2);
		assertThat(described(result.returns().get(0).problems()))
			.containsExactly("V-VILLAGE ERROR line 2 [村代码] '4.30528E+11' village.scientific");
		assertThat(described(result.returns().get(1).problems()))
			.containsExactly("V-NUMBER ERROR line 3 [上门走访人次] '三百' number.notANumber");
	}

	@Test
	void columnIsTheHeaderAsWrittenInALongFileWithChineseHeaders() {
		FileValidator.Result result = validate("rules/column-as-written-long-chinese.csv");
		assertThat(result.read().fileProblems()).isEmpty();
		assertThat(result.returns()).hasSize(1);
		assertThat(described(result.returns().get(0).problems())).containsExactly(
				"V-BOUND ERROR line 8 [数值] '101' bound.max",
				"V-DUPLICATE ERROR line 22 [指标代码] 'HOME_VISITS' duplicate.indicator");
	}

}
