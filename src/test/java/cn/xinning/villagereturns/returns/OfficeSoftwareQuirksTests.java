package cn.xinning.villagereturns.returns;

import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.Test;

import static cn.xinning.villagereturns.returns.Fixtures.accepted;
import static cn.xinning.villagereturns.returns.Fixtures.assertShuiyanOctober;
import static cn.xinning.villagereturns.returns.Fixtures.described;
import static cn.xinning.villagereturns.returns.Fixtures.lines;
import static cn.xinning.villagereturns.returns.Fixtures.validate;
import static cn.xinning.villagereturns.returns.Fixtures.value;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an office suite really writes when a workbook is saved as CSV, beyond the quirks
 * of spec section 3: a period typed in a number cell, decimals with trailing zeros, a
 * merged title above the header, long names wrapped inside their header cell.
 */
class OfficeSoftwareQuirksTests {

	@Test
	void aPeriodSavedAsYearDotOneIsAmbiguousAndOtherOneDigitMonthsAreRead() {
		// line 2: 2026.1 (2026.10 in a number cell, or January?); line 3: 2026.3;
		// line 4: 2026.10
		FileValidator.Result result = validate("quirks/period-number-cell.csv");

		assertThat(result.read().fileProblems()).isEmpty();
		CheckedReturn ambiguous = result.returns().get(0);
		assertThat(described(ambiguous.problems()))
			.containsExactly("V-PERIOD ERROR line 2 [period] '2026.1' period.ambiguous");
		assertThat(ambiguous.problems().get(0).arguments()).containsExactly("2026.1", "2026");
		assertThat(ambiguous.period()).isEmpty();
		assertThat(accepted(result, ambiguous)).isFalse();
		assertThat(result.returns().get(1).period()).hasValue(YearMonth.of(2026, 3));
		assertThat(result.returns().get(1).problems()).isEmpty();
		assertThat(result.returns().get(2).period()).hasValue(YearMonth.of(2026, 10));
		assertThat(result.returns().get(2).problems()).isEmpty();
	}

	@Test
	void decimalsAreCountedAsWrittenNotAfterDroppingTrailingZeros() {
		FileValidator.Result result = validate("quirks/decimals-as-written.csv");

		assertThat(result.read().fileProblems()).isEmpty();
		// DECIMAL 1.250: three decimals as written (a thousands separator?), not 1.25
		assertThat(described(result.returns().get(0).problems()))
			.containsExactly("V-NUMBER ERROR line 2 [协助流转土地面积] '1.250' number.tooManyDecimals");
		// INTEGER 1.250 and 1.000: not whole numbers as written, never 1.25 or 1
		assertThat(described(result.returns().get(1).problems()))
			.containsExactly("V-NUMBER ERROR line 3 [上门走访人次] '1.250' number.notWhole");
		assertThat(described(result.returns().get(2).problems()))
			.containsExactly("V-NUMBER ERROR line 4 [民情恳谈会、院落会、屋场会次数] '1.000' number.notWhole");
		assertThat(result.returns().subList(0, 3)).noneMatch((checked) -> accepted(result, checked));
		// an INTEGER 350.00 and a DECIMAL "1,250.5" as a number format writes them
		CheckedReturn fine = result.returns().get(3);
		assertThat(fine.problems()).isEmpty();
		assertThat(value(fine, "HOME_VISITS").value()).isEqualByComparingTo("350");
		assertThat(value(fine, "LAND_TRANSFER_MU").value()).isEqualByComparingTo("1250.5");
	}

	@Test
	void titleRowsAboveTheHeaderAreSkippedWithAWarningAndLinesStayAsTheClerkSeesThem() {
		// line 1 a merged title, line 2 blank, line 3 one filled cell, header on line 4
		FileValidator.Result result = validate("quirks/title-rows-above-header.csv");

		assertThat(described(result.read().fileProblems()))
			.containsExactly("F-HEADER WARNING line 1 [] '新宁县“五个到户”村级月报表（2026年10月）,,,,,' file.header.titleRows");
		assertThat(result.read().fileProblems().get(0).arguments()).containsExactly("4");
		assertThat(result.read().isRejectedWhole()).isFalse();
		assertThat(result.returns()).hasSize(1);
		CheckedReturn checked = result.returns().get(0);
		assertShuiyanOctober(result, checked);
		assertThat(checked.line()).isEqualTo(5);
		assertThat(lines(checked).values()).containsOnly(5);
	}

	@Test
	void headersWithLineBreaksOrRunsOfSpacesInsideMatchTheirIndicator() {
		// "结对联系 农户数", "上门走访\n人次", "民情碰头会\r\n次数": the header spans lines 1-3
		FileValidator.Result result = validate("quirks/wrapped-headers.csv");

		assertThat(result.read().fileProblems()).isEmpty();
		assertThat(result.returns()).hasSize(2);
		CheckedReturn shuiyan = result.returns().get(0);
		assertShuiyanOctober(result, shuiyan);
		assertThat(shuiyan.line()).isEqualTo(4);
		assertThat(value(shuiyan, "HOME_VISITS").value()).isEqualByComparingTo("412");
		assertThat(result.returns().get(1).line()).isEqualTo(5);
		assertThat(result.returns().get(1).problems()).isEmpty();
	}

	@Test
	void anUnknownWrappedHeaderShowsItsLineBreakInTheMessage() {
		FileValidator.Result result = validate("quirks/wrapped-header-unknown.csv");

		assertThat(described(result.read().fileProblems())).containsExactly(
				"V-INDICATOR ERROR line 1 [二级网格\n长人数] '二级网格\n长人数' wide.column.unknown",
				"V-REQUIRED ERROR line 1 [GRID_LEADERS_L2] '' wide.required.missing");
		assertThat(result.read().fileProblems().get(0).arguments()).isEqualTo(List.of("二级网格↵长人数"));
	}

}
