package cn.xinning.villagereturns.generate;

import static cn.xinning.villagereturns.generate.Codes.HOME_VISITS;
import static cn.xinning.villagereturns.generate.Codes.PAIRED_CADRES;
import static cn.xinning.villagereturns.generate.Codes.PAIRED_HOUSEHOLDS;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

import cn.xinning.villagereturns.generate.Plant.Where;
import cn.xinning.villagereturns.generate.PlantedProblem.Kind;

/**
 * Plants the accepted-but-suspicious data of spec section 7 (and the two file events of
 * section 5): values that pass validation, so only the anomaly rules can catch them. Each
 * one is made unmistakable for its rule (a tenfold value, a jump well past the
 * thresholds) so that a test can expect the flag without depending on the random
 * background.
 */
final class AnomalyPlants {

	private final PlantContext context;

	AnomalyPlants(PlantContext context) {
		this.context = context;
	}

	void plant() {
		tenfoldVisits();
		copiedReturn();
		cadreJump();
		missingReturn();
		fileEvent(Kind.DUPLICATE);
		fileEvent(Kind.CORRECTION);
	}

	/**
	 * The last month's home visits of a large village at about ten times its usual level:
	 * still within max_per_household (so accepted), far outside its history and its
	 * peers, and above 3 visits per paired household (W-VISITS).
	 */
	private void tenfoldVisits() {
		int visits = this.context.index(HOME_VISITS);
		YearMonth period = this.context.period(0, 6).orElse(null);
		if (period == null || visits < 0) {
			return;
		}
		SampleIndicator indicator = this.context.catalogue().get(visits);
		this.context.pick(period, (month) -> {
			int households = month.village().households();
			List<SampleReturn> history = this.context.before(month.village().code(), period, 12);
			BigDecimal limit = indicator.limit(households);
			return households >= 300 && history.size() >= 6
					&& this.context.reporting(month.village().townshipCode(), period) >= 7
					&& (limit == null || BigDecimal.valueOf(tenfold(history, visits)).compareTo(limit) <= 0);
		}).ifPresent((month) -> {
			List<SampleReturn> history = this.context.before(month.village().code(), period, 12);
			long usual = Math.round(median(history, visits));
			long value = tenfold(history, visits);
			month.setNumber(visits, BigDecimal.valueOf(value));
			String zh = "上门走访人次 " + value + "，约为该村平时（中位数 " + usual + "）的 10 倍，仍在户数上限内";
			String en = "Home visits " + value + ", about ten times the village's usual " + usual
					+ ", still within the per-household bound";
			this.context.add(Plant.of(month, HOME_VISITS, Kind.ANOMALY, "OUTLIER_HISTORY", Where.CELL, zh, en));
			this.context.add(Plant.of(month, HOME_VISITS, Kind.ANOMALY, "OUTLIER_PEERS", Where.CELL, zh, en));
			int paired = this.context.index(PAIRED_HOUSEHOLDS);
			if (paired >= 0 && value > 3L * month.integer(paired)) {
				this.context.add(Plant.of(month, HOME_VISITS, Kind.WARNING, "W-VISITS", Where.CELL,
						"上门走访人次超过结对农户数的 3 倍", "Home visits above 3 times the paired households"));
			}
		});
	}

	/**
	 * Every FLOW value the same as the month before: the clerk copied last month's row.
	 */
	private void copiedReturn() {
		YearMonth period = this.context.period(1, 1).orElse(null);
		if (period == null) {
			return;
		}
		this.context.pick(period, (month) -> {
			SampleReturn previous = this.context.returnOf(month.village().code(), period.minusMonths(1));
			return previous != null && nonZeroFlows(previous) >= 3;
		}).ifPresent((month) -> {
			SampleReturn previous = this.context.returnOf(month.village().code(), period.minusMonths(1));
			for (int i = 0; i < month.size(); i++) {
				if (!this.context.catalogue().get(i).stock()) {
					month.copyCell(i, previous);
				}
			}
			this.context.add(Plant.of(month, "", Kind.ANOMALY, "COPIED_RETURN", Where.ROW, "所有流量指标与上月完全相同（照抄上月报表）",
					"Every FLOW value identical to the previous month (last month's return copied)"));
		});
	}

	/**
	 * The number of paired cadres jumps by more than 20% and by at least 5 (a recount),
	 * and stays at the new level, so only the month of the jump is a STOCK_CHANGE.
	 */
	private void cadreJump() {
		int cadres = this.context.index(PAIRED_CADRES);
		YearMonth period = this.context.period(3, 1).orElse(null);
		if (period == null || cadres < 0) {
			return;
		}
		SampleIndicator indicator = this.context.catalogue().get(cadres);
		this.context.pick(period, (month) -> {
			SampleReturn previous = this.context.returnOf(month.village().code(), period.minusMonths(1));
			if (previous == null) {
				return false;
			}
			int jump = jumpOver(previous.integer(cadres), month.integer(cadres));
			BigDecimal limit = indicator.limit(month.village().households());
			return limit == null || this.context.from(month.village().code(), period)
				.stream()
				.allMatch((later) -> BigDecimal.valueOf(later.integer(cadres) + jump).compareTo(limit) <= 0);
		}).ifPresent((month) -> {
			int before = this.context.returnOf(month.village().code(), period.minusMonths(1)).integer(cadres);
			int jump = jumpOver(before, month.integer(cadres));
			for (SampleReturn later : this.context.from(month.village().code(), period)) {
				later.setNumber(cadres, BigDecimal.valueOf(later.integer(cadres) + jump));
			}
			int after = month.integer(cadres);
			this.context.add(Plant.of(month, PAIRED_CADRES, Kind.ANOMALY, "STOCK_CHANGE", Where.CELL,
					"联户党员干部数由上月 " + before + " 跳到 " + after + "（重新统计）",
					"Paired cadres jump from " + before + " last month to " + after + " (a recount)"));
		});
	}

	/** The village sends nothing for the last period. */
	private void missingReturn() {
		this.context.period(0, 0).flatMap((period) -> this.context.pick(period, (month) -> true)).ifPresent((month) -> {
			month.omit();
			this.context.add(Plant.of(month, "", Kind.ANOMALY, "MISSING_RETURN", Where.NOTHING, "本月未报送任何报表",
					"No return sent for the period"));
		});
	}

	/**
	 * Reserves a village of the last period for a file made after rendering: the same
	 * file sent twice (a per-village file, as a village clerk would resend it) or a
	 * correction.
	 */
	private void fileEvent(Kind kind) {
		YearMonth period = this.context.period(0, 0).orElse(null);
		if (period == null || (kind == Kind.CORRECTION && !this.context.has(HOME_VISITS, PAIRED_HOUSEHOLDS))) {
			return;
		}
		var month = (kind == Kind.DUPLICATE)
				? this.context.pick(period, FileShape::perVillage, FileShape.LONG_VILLAGE_UTF8, (any) -> true)
				: this.context.pick(period, (any) -> true);
		month.ifPresent((found) -> this.context.add(Plant.of(found, (kind == Kind.CORRECTION) ? HOME_VISITS : "", kind,
				(kind == Kind.DUPLICATE) ? "SAME_SHA256" : "SUPERSEDES_EARLIER", Where.FILE, "", "")));
	}

	/**
	 * The planted value: the cadres before the jump plus more than 20% and at least 5
	 * (plus a little).
	 */
	private int jumpOver(int before, int current) {
		int target = before + Math.max(5, (int) Math.ceil(0.25 * before)) + 1;
		return target - current;
	}

	private static long tenfold(List<SampleReturn> history, int index) {
		return Math.round(10 * median(history, index));
	}

	static double median(List<SampleReturn> history, int index) {
		double[] values = history.stream().mapToDouble((month) -> month.integer(index)).sorted().toArray();
		int middle = values.length / 2;
		return (values.length % 2 == 1) ? values[middle] : (values[middle - 1] + values[middle]) / 2;
	}

	private int nonZeroFlows(SampleReturn month) {
		int count = 0;
		for (int i = 0; i < month.size(); i++) {
			BigDecimal value = month.number(i);
			if (!this.context.catalogue().get(i).stock() && value != null && value.signum() > 0) {
				count++;
			}
		}
		return count;
	}

}
