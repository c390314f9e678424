package cn.xinning.villagereturns.returns;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.xinning.villagereturns.VillageReturnsProperties.Rules;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one implementation of W-VISITS, W-WEEKLY and W-LOAD: validation's warnings
 * (ConsistencyAndWarningRulesTests) and the LOW flags on accepted data
 * (WarningRulesTests) are both made of what it gives.
 */
class WarningRuleTests {

	static final Rules RULES = new Rules(3, 4, 20);

	@Test
	void eachRuleGivesItsIndicatorValueRangeAndMessageArguments() {
		// 100 households, 4 cadres (limit 80), 301 visits (limit 300), 0 meetings
		Map<String, BigDecimal> values = Map.of("PAIRED_HOUSEHOLDS", new BigDecimal("100"), "PAIRED_CADRES",
				new BigDecimal("4"), "HOME_VISITS", new BigDecimal("301"), "WEEKLY_CASE_MEETINGS", BigDecimal.ZERO);
		List<WarningRule.Breach> breaches = new ArrayList<>();

		WarningRule.judge(List.of(WarningRule.values()), values::get, RULES, breaches::add);

		assertThat(breaches)
			.extracting((b) -> b.rule().code().code() + " " + b.rule().indicator() + " x=" + b.observed() + " ["
					+ b.low().map(BigDecimal::toPlainString).orElse("-") + ", "
					+ b.high().map(BigDecimal::toPlainString).orElse("-") + "] " + b.arguments())
			.containsExactly("W-VISITS HOME_VISITS x=301 [-, 300] [301, 100, 3, 300]",
					"W-WEEKLY WEEKLY_CASE_MEETINGS x=0 [4, -] [0, 4]",
					"W-LOAD PAIRED_HOUSEHOLDS x=100 [-, 80] [100, 4, 20]");
	}

}
