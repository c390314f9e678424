package cn.xinning.villagereturns.returns;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.Test;

import static cn.xinning.villagereturns.returns.Fixtures.SHUIYAN;
import static cn.xinning.villagereturns.returns.Fixtures.accepted;
import static cn.xinning.villagereturns.returns.Fixtures.assertShuiyanOctober;
import static cn.xinning.villagereturns.returns.Fixtures.described;
import static cn.xinning.villagereturns.returns.Fixtures.shuiyan;
import static cn.xinning.villagereturns.returns.Fixtures.validate;
import static cn.xinning.villagereturns.returns.Fixtures.value;
import static cn.xinning.villagereturns.returns.Fixtures.values;
import static org.assertj.core.api.Assertions.assertThat;

/** Spec section 3, values and periods as clerks type them. */
class ValueQuirksTests {

	private static final List<String> MARKS = List.of("", "-", "—", "/");

	@Test
	void surroundingSpacesIncludingIdeographicSpaceAreTrimmed() {
		FileValidator.Result result = validate("quirks/surrounding-spaces.csv");
		assertThat(result.read().fileProblems()).isEmpty();
		assertThat(result.returns()).hasSize(1);
		CheckedReturn checked = result.returns().get(0);
		assertShuiyanOctober(result, checked);
		assertThat(value(checked, "HOME_VISITS").value()).isEqualByComparingTo("412");
		assertThat(value(checked, "LAND_TRANSFER_MU").value()).isEqualByComparingTo("35.5");
		assertThat(value(checked, "PRODUCE_SOLD_T").value()).isEqualByComparingTo("18.25");
		assertThat(value(checked, "LAND_TRANSFER_MU").note()).isEqualTo("含林地");
	}

	@Test
	void fullWidthDigitsAndPunctuationAreReadAsAscii() {
		FileValidator.Result result = validate("quirks/fullwidth-digits.csv");
		assertThat(result.read().fileProblems()).isEmpty();
		assertThat(result.returns()).hasSize(1);
		CheckedReturn checked = result.returns().get(0);
		assertShuiyanOctober(result, checked);
		assertThat(value(checked, "HOME_VISITS").value()).isEqualByComparingTo(new BigDecimal("412"));
		assertThat(value(checked, "LAND_TRANSFER_MU").value()).isEqualByComparingTo(new BigDecimal("35.5"));
		assertThat(value(checked, "PRODUCE_SOLD_T").value()).isEqualByComparingTo(new BigDecimal("18.25"));
	}

	@Test
	void thousandsSeparatorsQuotedOrFullWidth() {
		FileValidator.Result result = validate("quirks/thousands-separators.csv");
		assertThat(result.read().fileProblems()).isEmpty();
		assertThat(result.returns()).hasSize(1);
		CheckedReturn checked = result.returns().get(0);
		assertThat(checked.problems()).isEmpty();
		assertThat(accepted(result, checked)).isTrue();
		assertThat(values(checked))
			.containsExactlyEntriesOf(shuiyan("PRODUCE_SOLD_T", "1090", "LAND_TRANSFER_MU", "1090"));
		assertThat(value(checked, "PRODUCE_SOLD_T").value()).isEqualByComparingTo("1090");
		assertThat(value(checked, "LAND_TRANSFER_MU").value()).isEqualByComparingTo("1090");
	}

	@Test
	void missingMarksForOptionalIndicatorsLeaveThemOutWithoutProblem() {
		FileValidator.Result result = validate("quirks/missing-optional-marks.csv");
		assertThat(result.read().layout()).hasValue(Layout.WIDE);
		assertThat(result.read().fileProblems()).isEmpty();
		assertThat(result.returns()).hasSize(4);
		for (int i = 0; i < MARKS.size(); i++) {
			CheckedReturn checked = result.returns().get(i);
			assertThat(checked.line()).isEqualTo(2 + i);
			assertThat(checked.period()).hasValue(YearMonth.of(2026, 7 + i));
			assertThat(checked.problems()).as("mark '%s'", MARKS.get(i)).isEmpty();
			assertThat(accepted(result, checked)).isTrue();
			assertThat(values(checked)).as("mark '%s'", MARKS.get(i))
				.containsExactlyEntriesOf(
						shuiyan("CONTACT_CARDS", null, "POLICY_BOOKLETS", null, "POLICY_CARDS", null));
		}
	}

	@Test
	void missingMarksForARequiredIndicatorAreVRequired() {
		FileValidator.Result result = validate("quirks/missing-required-marks.csv");
		assertThat(result.read().fileProblems()).isEmpty();
		assertThat(result.returns()).hasSize(4);
		for (int i = 0; i < MARKS.size(); i++) {
			CheckedReturn checked = result.returns().get(i);
			int line = 2 + i;
			assertThat(described(checked.problems())).containsExactly(
					"V-REQUIRED ERROR line " + line + " [HOME_VISITS] '" + MARKS.get(i) + "' required.missing");
			assertThat(checked.problems().get(0).arguments()).containsExactly("上门走访人次(HOME_VISITS)", MARKS.get(i));
			assertThat(accepted(result, checked)).isFalse();
			assertThat(values(checked)).containsExactlyEntriesOf(shuiyan("HOME_VISITS", null));
		}
	}

	@Test
	void everyPeriodSpellingMeansOctober2026() {
		FileValidator.Result result = validate("quirks/periods-all-spellings.csv");
		assertThat(result.read().fileProblems()).isEmpty();
		List<String> spellings = List.of("2026-10", "202610", "2026/10", "2026.10", "2026年10月", "2026-10-01");
		List<String> villages = List.of("430528101201", "430528101202", "430528101203", "430528101204", "430528101205",
				"430528101206");
		assertThat(result.returns()).hasSize(6);
		for (int i = 0; i < spellings.size(); i++) {
			CheckedReturn checked = result.returns().get(i);
			assertThat(checked.periodText()).isEqualTo(spellings.get(i));
			assertThat(checked.period()).as(spellings.get(i)).hasValue(YearMonth.of(2026, 10));
			assertThat(checked.villageCode()).isEqualTo(villages.get(i));
			assertThat(checked.problems()).as(spellings.get(i)).isEmpty();
			assertThat(values(checked)).containsExactlyEntriesOf(shuiyan());
		}
	}

	@Test
	void rowsWithDifferentSpellingsOfOnePeriodMakeOneLongReturn() {
		FileValidator.Result result = validate("quirks/periods-mixed-in-one-return.csv");
		assertThat(result.read().fileProblems()).isEmpty();
		assertThat(result.returns()).hasSize(1);
		assertShuiyanOctober(result, result.returns().get(0));
	}

	@Test
	void villageCodeWithSpacesAroundItIsAccepted() {
		FileValidator.Result result = validate("quirks/village-code-spaces.csv");
		assertThat(result.read().fileProblems()).isEmpty();
		assertThat(result.returns()).hasSize(1);
		CheckedReturn checked = result.returns().get(0);
		assertShuiyanOctober(result, checked);
		assertThat(checked.villageCode()).isEqualTo(SHUIYAN);
	}

	@Test
	void villageCodeInScientificNotationSaysExcelDamagedIt() {
		FileValidator.Result result = validate("quirks/village-code-scientific.csv");
		assertThat(result.read().fileProblems()).isEmpty();
		assertThat(result.returns()).hasSize(1);
		CheckedReturn checked = result.returns().get(0);
		assertThat(described(checked.problems()))
			.containsExactly("V-VILLAGE ERROR line 2 [village_code] '4.30528E+11' village.scientific");
		assertThat(checked.problems().get(0).arguments()).containsExactly("4.30528E+11");
		assertThat(accepted(result, checked)).isFalse();
	}

	@Test
	void villageCodeWithTrailingPointZeroSaysExcelDamagedIt() {
		FileValidator.Result result = validate("quirks/village-code-decimal.csv");
		assertThat(result.read().fileProblems()).isEmpty();
		assertThat(result.returns()).hasSize(1);
		CheckedReturn checked = result.returns().get(0);
		assertThat(described(checked.problems()))
			.containsExactly("V-VILLAGE ERROR line 2 [village_code] '430528100201.0' village.decimal");
		assertThat(checked.problems().get(0).arguments()).containsExactly("430528100201.0");
		assertThat(accepted(result, checked)).isFalse();
	}

}
