package cn.xinning.villagereturns.returns;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static cn.xinning.villagereturns.returns.Fixtures.WANBA;
import static cn.xinning.villagereturns.returns.Fixtures.accepted;
import static cn.xinning.villagereturns.returns.Fixtures.assertShuiyanOctober;
import static cn.xinning.villagereturns.returns.Fixtures.validate;
import static cn.xinning.villagereturns.returns.Fixtures.value;
import static cn.xinning.villagereturns.returns.Fixtures.values;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spec section 3, header aliases: every alias of village code, period, indicator code,
 * value, note and village name, in both layouts, in any letter case and with spaces
 * around it.
 */
class HeaderAliasQuirksTests {

	/**
	 * <ol>
	 * <li>Village_Code, Period, Indicator_Code, indicator_name (ignored), Value, Note,
	 * Village_Name</li>
	 * <li>村代码, 报告期, 指标代码, 指标名称 (ignored), 数值, 备注, 村名</li>
	 * <li>村（社区）代码, 月份, INDICATOR, 指标名称, 值, NOTE, 村（社区）名称</li>
	 * <li>村(社区)代码, 统计月份, indicator, unit (ignored), VALUE, 备注, 村名</li>
	 * <li>" 单位代码 ", " PERIOD ", 指标代码, 指标名称, 数值, note, VILLAGE_NAME</li>
	 * </ol>
	 */
	@ParameterizedTest
	@ValueSource(strings = { "aliases-long-1.csv", "aliases-long-2.csv", "aliases-long-3.csv", "aliases-long-4.csv",
			"aliases-long-5.csv" })
	void longLayoutAliases(String fixture) {
		FileValidator.Result result = validate("quirks/" + fixture);
		assertThat(result.read().layout()).hasValue(Layout.LONG);
		assertThat(result.read().fileProblems()).isEmpty();
		assertThat(result.returns()).hasSize(1);
		CheckedReturn checked = result.returns().get(0);
		assertShuiyanOctober(result, checked);
		assertThat(checked.villageName()).isEqualTo("水堰村");
		assertThat(value(checked, "LAND_TRANSFER_MU").note()).isEqualTo("含林地");
		assertThat(value(checked, "HOME_VISITS").line()).isEqualTo(7);
	}

	/**
	 * <ol>
	 * <li>Village_Code, Village_Name, Period, lower-case codes</li>
	 * <li>村代码, 村名, 报告期, codes</li>
	 * <li>村（社区）代码, 村（社区）名称, 月份, name_zh</li>
	 * <li>村(社区)代码, 村名, 统计月份, Title_Case codes</li>
	 * <li>" 单位代码 ", VILLAGE_NAME, PERIOD, codes</li>
	 * </ol>
	 */
	@ParameterizedTest
	@ValueSource(strings = { "aliases-wide-1.csv", "aliases-wide-2.csv", "aliases-wide-3.csv", "aliases-wide-4.csv",
			"aliases-wide-5.csv" })
	void wideLayoutAliases(String fixture) {
		FileValidator.Result result = validate("quirks/" + fixture);
		assertThat(result.read().layout()).hasValue(Layout.WIDE);
		assertThat(result.read().fileProblems()).isEmpty();
		assertThat(result.returns()).hasSize(1);
		CheckedReturn checked = result.returns().get(0);
		assertShuiyanOctober(result, checked);
		assertThat(checked.villageName()).isEqualTo("水堰村");
		assertThat(checked.line()).isEqualTo(2);
	}

	@Test
	void wideLayoutWithChineseIndicatorNamesAsHeaders() {
		FileValidator.Result result = validate("quirks/wide-name-zh-headers.csv");
		assertThat(result.read().encoding()).isEqualTo("UTF-8");
		assertThat(result.read().layout()).hasValue(Layout.WIDE);
		assertThat(result.read().fileProblems()).isEmpty();
		assertThat(result.returns()).hasSize(2);
		assertShuiyanOctober(result, result.returns().get(0));
		assertThat(result.returns().get(0).villageName()).isEqualTo("水堰村");
		CheckedReturn wanba = result.returns().get(1);
		assertThat(wanba.problems()).isEmpty();
		assertThat(accepted(result, wanba)).isTrue();
		assertThat(wanba.villageCode()).isEqualTo(WANBA);
		assertThat(wanba.villageName()).isEqualTo("湾坝村");
		assertThat(values(wanba)).containsExactlyEntriesOf(Fixtures.wanba());
	}

}
