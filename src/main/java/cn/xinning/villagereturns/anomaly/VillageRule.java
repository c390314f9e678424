package cn.xinning.villagereturns.anomaly;

import java.util.List;
import java.util.function.Consumer;

import cn.xinning.villagereturns.reference.Village;

/** A rule family judging one village's returns in the period of the context. */
public interface VillageRule {

	/** The rule codes this family raises. */
	List<String> codes();

	/**
	 * @param data the village's accepted returns of the period and the months before it
	 * @param village the village's registry line valid in the period
	 * @param context the period and the thresholds
	 * @param flags receives the flags that hold
	 */
	void evaluate(VillageData data, Village village, RuleContext context, Consumer<Flag> flags);

}
