package cn.xinning.villagereturns.returns;

import java.time.YearMonth;

import org.junit.jupiter.api.Test;

import static cn.xinning.villagereturns.returns.Fixtures.SHUIYAN;
import static cn.xinning.villagereturns.returns.Fixtures.WANBA;
import static cn.xinning.villagereturns.returns.Fixtures.accepted;
import static cn.xinning.villagereturns.returns.Fixtures.assertShuiyanOctober;
import static cn.xinning.villagereturns.returns.Fixtures.validate;
import static cn.xinning.villagereturns.returns.Fixtures.value;
import static cn.xinning.villagereturns.returns.Fixtures.values;
import static org.assertj.core.api.Assertions.assertThat;

/** Spec section 3, encodings and separators: every file is read to the exact values. */
class EncodingQuirksTests {

	@Test
	void utf8WithoutByteOrderMark() {
		FileValidator.Result result = validate("quirks/utf8-no-bom.csv");
		assertThat(result.read().encoding()).isEqualTo("UTF-8");
		assertThat(result.read().layout()).hasValue(Layout.LONG);
		assertThat(result.read().fileProblems()).isEmpty();
		assertThat(result.returns()).hasSize(1);
		CheckedReturn checked = result.returns().get(0);
		assertShuiyanOctober(result, checked);
		assertThat(checked.line()).isEqualTo(2);
		assertThat(checked.periodText()).isEqualTo("2026-10");
		assertThat(value(checked, "LAND_TRANSFER_MU").note()).isEqualTo("含林地");
		assertThat(value(checked, "HOME_VISITS").note()).isEmpty();
	}

	@Test
	void utf8WithByteOrderMarkDoesNotHideTheFirstHeader() {
		FileValidator.Result result = validate("quirks/utf8-bom.csv");
		assertThat(result.read().encoding()).isEqualTo("UTF-8 BOM");
		assertThat(result.read().layout()).hasValue(Layout.LONG);
		assertThat(result.read().fileProblems()).isEmpty();
		assertThat(result.returns()).hasSize(1);
		assertShuiyanOctober(result, result.returns().get(0));
		assertThat(value(result.returns().get(0), "LAND_TRANSFER_MU").note()).isEqualTo("含林地");
	}

	@Test
	void gb18030WideFileWithChineseHeadersAndVillageNames() {
		FileValidator.Result result = validate("quirks/gb18030-wide-chinese-headers.csv");
		assertThat(result.read().encoding()).isEqualTo("GB18030");
		assertThat(result.read().layout()).hasValue(Layout.WIDE);
		assertThat(result.read().fileProblems()).isEmpty();
		assertThat(result.returns()).hasSize(2);
		CheckedReturn shuiyan = result.returns().get(0);
		assertShuiyanOctober(result, shuiyan);
		assertThat(shuiyan.villageName()).isEqualTo("水堰村");
		assertThat(shuiyan.line()).isEqualTo(2);
		CheckedReturn wanba = result.returns().get(1);
		assertThat(wanba.problems()).isEmpty();
		assertThat(accepted(result, wanba)).isTrue();
		assertThat(wanba.villageCode()).isEqualTo(WANBA);
		assertThat(wanba.villageName()).isEqualTo("湾坝村");
		assertThat(wanba.line()).isEqualTo(3);
		assertThat(wanba.period()).hasValue(YearMonth.of(2026, 10));
		assertThat(values(wanba)).containsExactlyEntriesOf(Fixtures.wanba());
		assertThat(value(wanba, "COLLECTIVE_PROJECTS").value()).isZero();
	}

	@Test
	void excelUnicodeTextIsUtf16WithByteOrderMarkAndTabs() {
		FileValidator.Result result = validate("quirks/utf16le-bom-tab.txt");
		assertThat(result.read().encoding()).isEqualTo("UTF-16LE BOM");
		assertThat(result.read().layout()).hasValue(Layout.WIDE);
		assertThat(result.read().fileProblems()).isEmpty();
		assertThat(result.returns()).hasSize(1);
		CheckedReturn checked = result.returns().get(0);
		assertShuiyanOctober(result, checked);
		assertThat(checked.villageName()).isEqualTo("水堰村");
		assertThat(checked.villageCode()).isEqualTo(SHUIYAN);
	}

	@Test
	void utf8TabSeparated() {
		FileValidator.Result result = validate("quirks/utf8-tab.csv");
		assertThat(result.read().encoding()).isEqualTo("UTF-8");
		assertThat(result.read().layout()).hasValue(Layout.LONG);
		assertThat(result.read().fileProblems()).isEmpty();
		assertThat(result.returns()).hasSize(1);
		assertShuiyanOctober(result, result.returns().get(0));
		assertThat(value(result.returns().get(0), "LAND_TRANSFER_MU").note()).isEqualTo("含林地");
	}

}
