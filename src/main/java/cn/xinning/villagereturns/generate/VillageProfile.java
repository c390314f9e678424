package cn.xinning.villagereturns.generate;

import java.time.DayOfWeek;
import java.util.SplittableRandom;

/**
 * What makes one village different from the next, drawn once from its own random stream:
 * how diligent its cadres are at visiting, how much farmland and produce it has, on which
 * weekday its branch meets. Monthly values vary around these, so a village has a
 * recognisable level that the history-based anomaly rules can learn.
 *
 * @param pairedShare share of households paired with a cadre (85-98%)
 * @param cadreDivisor households per paired cadre; 6.5-8.5 gives the county's 17,947
 * cadres for 135,273 households of spec section 1
 * @param visitFactor visits per paired household in an ordinary month
 * @param meetingBase courtyard and hall meetings in an ordinary month
 * @param meetingDay weekday of the branch's weekly case meeting (民情碰头会)
 * @param landBase mu of farmland transferred in an active month (0 for a community)
 * @param produceBase tonnes of produce sold in an ordinary month
 * @param disputeRate mean disputes mediated per month
 * @param issueRate mean household issues collected per month
 * @param cardsOftenMissing whether the clerk usually leaves the optional hand-out counts
 * blank
 */
record VillageProfile(double pairedShare, double cadreDivisor, double visitFactor, double meetingBase,
		DayOfWeek meetingDay, double landBase, double produceBase, double disputeRate, double issueRate,
		boolean cardsOftenMissing) {

	static VillageProfile draw(SampleVillage village, SplittableRandom random) {
		int households = village.households();
		double pairedShare = Draws.uniform(random, 0.85, 0.98);
		double cadreDivisor = Draws.uniform(random, 6.5, 8.5);
		double visitFactor = Draws.uniform(random, 0.85, 1.15);
		double meetingBase = 2.5 + households / 250.0;
		DayOfWeek meetingDay = DayOfWeek.of(1 + random.nextInt(5));
		double landBase = village.community() ? 0 : households * Draws.uniform(random, 0.01, 0.05);
		double produceBase = households
				* (village.community() ? Draws.uniform(random, 0.001, 0.005) : Draws.uniform(random, 0.01, 0.04));
		double disputeRate = 0.6 + households / 400.0;
		double issueRate = 1.5 + households / 120.0;
		boolean cardsOftenMissing = Draws.chance(random, 0.25);
		return new VillageProfile(pairedShare, cadreDivisor, visitFactor, meetingBase, meetingDay, landBase,
				produceBase, disputeRate, issueRate, cardsOftenMissing);
	}

}
