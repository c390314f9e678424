package cn.xinning.villagereturns.generate;

import static cn.xinning.villagereturns.generate.Codes.COLLECTIVE_PROJECTS;
import static cn.xinning.villagereturns.generate.Codes.COMMUNITY_MEETINGS;
import static cn.xinning.villagereturns.generate.Codes.CONTACT_CARDS;
import static cn.xinning.villagereturns.generate.Codes.COOP_NEW_MEMBERS;
import static cn.xinning.villagereturns.generate.Codes.DISPUTES_MEDIATED;
import static cn.xinning.villagereturns.generate.Codes.GRID_LEADERS_L2;
import static cn.xinning.villagereturns.generate.Codes.GRID_LEADERS_L3;
import static cn.xinning.villagereturns.generate.Codes.HOME_VISITS;
import static cn.xinning.villagereturns.generate.Codes.ISSUES_ESCALATED;
import static cn.xinning.villagereturns.generate.Codes.ISSUES_RAISED;
import static cn.xinning.villagereturns.generate.Codes.ISSUES_RESOLVED_VILLAGE;
import static cn.xinning.villagereturns.generate.Codes.LAND_TRANSFER_MU;
import static cn.xinning.villagereturns.generate.Codes.LIVELIHOOD_PROJECTS;
import static cn.xinning.villagereturns.generate.Codes.PAIRED_CADRES;
import static cn.xinning.villagereturns.generate.Codes.PAIRED_HOUSEHOLDS;
import static cn.xinning.villagereturns.generate.Codes.POLICY_BOOKLETS;
import static cn.xinning.villagereturns.generate.Codes.POLICY_CARDS;
import static cn.xinning.villagereturns.generate.Codes.PRODUCE_SOLD_T;
import static cn.xinning.villagereturns.generate.Codes.VOLUNTEER_TEAMS;
import static cn.xinning.villagereturns.generate.Codes.WEEKLY_CASE_MEETINGS;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * The clean monthly values of one village: stocks that change rarely and by little, flows
 * that follow the village's own level and the season. Every value passes the rules of
 * spec section 4 (bounds of the catalogue, V-ISSUES, W-VISITS, W-WEEKLY, W-LOAD) and
 * stays within the spread that the anomaly rules of section 7 tolerate, so that the
 * anomalies a test finds are the planted ones.
 */
final class ValueModel {

	/**
	 * How clerks leave an optional value blank (spec section 3: all mean "not reported").
	 */
	private static final List<String> MISSING_TOKENS = List.of("", "", "", "-", "-", "/", "—");

	private static final List<String> LAND_NOTES = List.of("含林地", "含油茶林", "已签流转合同", "稻田,旱地");

	private static final List<String> PRODUCE_NOTES = List.of("脐橙", "脐橙、稻谷", "含电商销售");

	private final SampleCatalogue catalogue;

	private final long seed;

	ValueModel(SampleCatalogue catalogue, long seed) {
		this.catalogue = catalogue;
		this.seed = seed;
	}

	/** The village's returns for the periods in which it is valid, in period order. */
	List<SampleReturn> series(SampleVillage village, List<YearMonth> periods) {
		SplittableRandom random = Draws.stream(this.seed, "values", village.code());
		VillageProfile profile = VillageProfile.draw(village, random);
		Stocks stocks = new Stocks(village, profile, random);
		List<SampleReturn> series = new ArrayList<>();
		for (int i = 0; i < periods.size(); i++) {
			if (i > 0) {
				stocks.evolve(random);
			}
			// Drawn for every period, valid or not, so a registry change does not shift
			// later values.
			SampleReturn month = month(village, profile, stocks, periods.get(i), random);
			if (village.validIn(periods.get(i))) {
				series.add(month);
			}
		}
		return series;
	}

	private SampleReturn month(SampleVillage village, VillageProfile profile, Stocks stocks, YearMonth period,
			SplittableRandom random) {
		Map<String, BigDecimal> values = new TreeMap<>();
		Map<String, String> notes = new TreeMap<>();
		values.put(PAIRED_HOUSEHOLDS, integer(stocks.paired));
		values.put(PAIRED_CADRES, integer(stocks.cadres));
		values.put(GRID_LEADERS_L2, integer(stocks.leadersL2));
		values.put(GRID_LEADERS_L3, integer(stocks.leadersL3));
		values.put(VOLUNTEER_TEAMS, integer(stocks.teams));
		int visits = (int) Math
			.round(stocks.paired * profile.visitFactor() * Seasons.visits(period) * Draws.uniform(random, 0.93, 1.07));
		values.put(HOME_VISITS, integer(Math.min(visits, 3 * stocks.paired)));
		if (Seasons.festival(period) && Draws.chance(random, 0.3)) {
			notes.put(HOME_VISITS, "春节前后集中走访");
		}
		long meetings = Math.round(profile.meetingBase() * Seasons.meetings(period) + Draws.uniform(random, -1, 1));
		values.put(COMMUNITY_MEETINGS, integer((int) Math.max(2, Math.min(8, meetings))));
		int weekly = Seasons.weekdaysIn(period, profile.meetingDay());
		values.put(WEEKLY_CASE_MEETINGS, integer((weekly == 5 && Draws.chance(random, 0.08)) ? 4 : weekly));
		for (String code : List.of(CONTACT_CARDS, POLICY_BOOKLETS, POLICY_CARDS)) {
			boolean missing = Draws.chance(random, profile.cardsOftenMissing() ? 0.6 : 0.05);
			int handedOut = Draws.chance(random, 0.55) ? 0 : 1 + random.nextInt(15);
			if (!missing) {
				values.put(code, integer(handedOut));
			}
		}
		boolean peak = Seasons.landPeak(period);
		// A small village brokers a few mu now and then (many zero months, never near the
		// flag
		// threshold); a large one brokers some every month, more in the peaks. Mixing
		// zero and
		// large months would make the zeros themselves outliers.
		boolean sparse = profile.landBase() * 1.6 < 10;
		boolean transferred = !village.community() && (!sparse || Draws.chance(random, peak ? 0.8 : 0.35));
		double mu = profile.landBase() * (peak ? 1.3 : 0.8) * Draws.uniform(random, 0.75, 1.25);
		values.put(LAND_TRANSFER_MU, transferred ? decimal(mu, 1) : BigDecimal.ZERO);
		if (transferred && Draws.chance(random, 0.2)) {
			notes.put(LAND_TRANSFER_MU, Draws.pick(random, LAND_NOTES));
		}
		values.put(COLLECTIVE_PROJECTS, integer(Draws.chance(random, 0.06) ? 1 : 0));
		values.put(COOP_NEW_MEMBERS, integer(Math.min(5, Draws.poisson(random, village.community() ? 0.3 : 1.2))));
		double tonnes = profile.produceBase() * Seasons.produce(period) * Draws.uniform(random, 0.8, 1.2);
		values.put(PRODUCE_SOLD_T, decimal(tonnes, Draws.chance(random, 0.3) ? 2 : 1));
		if (period.getMonthValue() >= 10 && Draws.chance(random, 0.25)) {
			notes.put(PRODUCE_SOLD_T, Draws.pick(random, PRODUCE_NOTES));
		}
		// Kept near the village's own rate: a month with many more is news, not
		// background.
		long usual = Math.round(profile.disputeRate());
		int disputes = (int) Math.max(Math.max(0, usual - 1),
				Math.min(usual + 1, Draws.poisson(random, profile.disputeRate())));
		values.put(DISPUTES_MEDIATED, integer(disputes));
		double livelihood = random.nextDouble();
		values.put(LIVELIHOOD_PROJECTS,
				integer((livelihood < 0.25) ? 0 : (livelihood < 0.65) ? 1 : (livelihood < 0.92) ? 2 : 3));
		double rate = profile.issueRate();
		int raised = Math.max((int) Math.round(rate - 1.5 * Math.sqrt(rate)),
				Math.min(Draws.poisson(random, rate), (int) Math.round(rate + 1.5 * Math.sqrt(rate))));
		// Most issues are settled in the village; one or two a month go up to the
		// township.
		int escalated = Math.min(2, Draws.binomial(random, raised, 0.15));
		values.put(ISSUES_RAISED, integer(raised));
		values.put(ISSUES_ESCALATED, integer(escalated));
		values.put(ISSUES_RESOLVED_VILLAGE, integer(Draws.binomial(random, raised - escalated, 0.75)));
		return toReturn(village, period, values, notes, stocks, random);
	}

	/**
	 * Lays the values out in catalogue order, with a generic value for an indicator the
	 * model does not know, and clamps each to the catalogue's bounds (clamping only
	 * lowers a value, so the relations above still hold).
	 */
	private SampleReturn toReturn(SampleVillage village, YearMonth period, Map<String, BigDecimal> values,
			Map<String, String> notes, Stocks stocks, SplittableRandom random) {
		SampleReturn month = new SampleReturn(village, period, this.catalogue.size());
		for (int i = 0; i < this.catalogue.size(); i++) {
			SampleIndicator indicator = this.catalogue.get(i);
			BigDecimal value;
			if (values.containsKey(indicator.code())) {
				value = values.get(indicator.code());
			}
			else if (isModelled(indicator.code())) {
				value = null;
			}
			else if (!indicator.required() && Draws.chance(random, 0.1)) {
				value = null;
			}
			else {
				value = integer(
						indicator.stock() ? stocks.generic(indicator.code(), random) : Draws.poisson(random, 2));
			}
			if (value == null && indicator.required()) {
				value = BigDecimal.ZERO;
			}
			if (value == null) {
				month.setMissing(i, Draws.pick(random, MISSING_TOKENS));
				continue;
			}
			value = value.setScale(indicator.scale(), RoundingMode.HALF_UP);
			BigDecimal limit = indicator.limit(village.households());
			month.setNumber(i, (limit != null) ? value.min(limit) : value);
			month.setNote(i, notes.getOrDefault(indicator.code(), ""));
		}
		return month;
	}

	private static boolean isModelled(String code) {
		return List.of(CONTACT_CARDS, POLICY_BOOKLETS, POLICY_CARDS).contains(code);
	}

	private static BigDecimal integer(int value) {
		return BigDecimal.valueOf(value);
	}

	private static BigDecimal decimal(double value, int scale) {
		return BigDecimal.valueOf(value).setScale(scale, RoundingMode.HALF_UP);
	}

	/**
	 * End-of-month states; they change rarely and by less than the STOCK_CHANGE
	 * thresholds.
	 */
	private static final class Stocks {

		private final int households;

		private final Map<String, Integer> generic = new TreeMap<>();

		private int paired;

		private int cadres;

		private int leadersL2;

		private int leadersL3;

		private int teams;

		Stocks(SampleVillage village, VillageProfile profile, SplittableRandom random) {
			this.households = village.households();
			this.paired = (int) Math.round(this.households * profile.pairedShare());
			this.cadres = clamp((int) Math.round(this.households / profile.cadreDivisor()), ceilDiv(this.paired, 20),
					this.households / 2);
			this.leadersL2 = 5 + random.nextInt(5);
			this.leadersL3 = clamp((int) Math.round(this.households / 30.0 + Draws.uniform(random, -2, 2)), 8, 30);
			this.teams = 1 + random.nextInt((this.households > 500) ? 4 : 3);
		}

		void evolve(SplittableRandom random) {
			if (Draws.chance(random, 0.06)) {
				this.paired = clamp(this.paired + step(random, 4), (int) Math.ceil(0.8 * this.households),
						Math.min(this.households, 20 * this.cadres));
			}
			if (Draws.chance(random, 0.05)) {
				this.cadres = clamp(this.cadres + step(random, 2), Math.max(1, ceilDiv(this.paired, 20)),
						this.households / 2);
			}
			if (Draws.chance(random, 0.02)) {
				this.leadersL2 = clamp(this.leadersL2 + step(random, 1), 5, 9);
			}
			if (Draws.chance(random, 0.03)) {
				this.leadersL3 = clamp(this.leadersL3 + step(random, 1), 8, 30);
			}
			if (Draws.chance(random, 0.03)) {
				this.teams = clamp(this.teams + step(random, 1), 1, 4);
			}
		}

		int generic(String code, SplittableRandom random) {
			return this.generic.computeIfAbsent(code, (key) -> 1 + random.nextInt(10));
		}

		private static int step(SplittableRandom random, int most) {
			int size = 1 + random.nextInt(most);
			return random.nextBoolean() ? size : -size;
		}

		private static int clamp(int value, int low, int high) {
			return Math.max(low, Math.min(high, value));
		}

		private static int ceilDiv(int a, int b) {
			return (a + b - 1) / b;
		}

	}

}
