package cn.xinning.villagereturns.anomaly;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.springframework.stereotype.Component;

import cn.xinning.villagereturns.reference.Village;
import cn.xinning.villagereturns.returns.WarningRule;

/**
 * W-VISITS, W-WEEKLY, W-LOAD: the warnings of spec section 4 ({@link WarningRule}, the
 * same rules validation reports), judged again on the accepted return in force, so that a
 * correction that removes the cause closes the flag.
 */
@Component
public class WarningRules implements VillageRule {

	@Override
	public List<String> codes() {
		return Arrays.stream(WarningRule.values()).map((rule) -> rule.code().code()).toList();
	}

	@Override
	public void evaluate(VillageData data, Village village, RuleContext context, Consumer<Flag> flags) {
		var current = data.in(context.period());
		if (current.isEmpty()) {
			return;
		}
		List<WarningRule> on = Arrays.stream(WarningRule.values())
			.filter((rule) -> context.anomaly().isOn(rule.code().code()))
			.toList();
		WarningRule.judge(on, current.get().values()::get, context.warnings(), (breach) -> {
			String rule = breach.rule().code().code();
			flags.accept(new Flag(context.period(), Flag.VILLAGE, village.code(), breach.rule().indicator(), rule,
					context.anomaly().severityOf(rule, FlagSeverity.LOW), Optional.of(breach.observed()), breach.low(),
					breach.high(), Score.none(), breach.rule().flagKey(), breach.arguments()));
		});
	}

}
