package cn.xinning.villagereturns.generate;

import static cn.xinning.villagereturns.generate.Codes.COMMUNITY_MEETINGS;
import static cn.xinning.villagereturns.generate.Codes.DISPUTES_MEDIATED;
import static cn.xinning.villagereturns.generate.Codes.HOME_VISITS;
import static cn.xinning.villagereturns.generate.Codes.ISSUES_ESCALATED;
import static cn.xinning.villagereturns.generate.Codes.ISSUES_RAISED;
import static cn.xinning.villagereturns.generate.Codes.ISSUES_RESOLVED_VILLAGE;
import static cn.xinning.villagereturns.generate.Codes.LAND_TRANSFER_MU;
import static cn.xinning.villagereturns.generate.Codes.WEEKLY_CASE_MEETINGS;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import cn.xinning.villagereturns.generate.Plant.Where;
import cn.xinning.villagereturns.generate.PlantedProblem.Kind;

/**
 * Plants the validation problems of spec section 4, each the way it happens in a village
 * office: Excel turning a code into a number, a value typed in Chinese numerals, a column
 * header typed by hand. They are spread over the months, latest first, so a short sample
 * still gets them.
 */
final class ErrorPlants {

	private final PlantContext context;

	ErrorPlants(PlantContext context) {
		this.context = context;
	}

	/**
	 * The misspelt header first: it takes a whole township-month out of play for the
	 * others.
	 */
	void plantHeader() {
		misspeltHeader();
	}

	void plant() {
		excelDamagedCode();
		requiredLeftEmpty();
		negativeValue();
		chineseNumeral();
		tooFewWeeklyMeetings();
		issuesDontAddUp();
	}

	/**
	 * A township clerk retypes a header in a codes-as-headers file and drops a letter
	 * ({@code HOME_VISTS}): the column is no indicator, so the whole file is rejected.
	 */
	private void misspeltHeader() {
		int index = this.context.index(HOME_VISITS);
		YearMonth period = this.context.period(10, 0).orElse(null);
		if (period == null || index < 0) {
			return;
		}
		List<String> townships = new ArrayList<>(
				this.context.townships().stream().filter((code) -> this.context.reporting(code, period) > 0).toList());
		Draws.shuffle(this.context.random(), townships);
		ShapePlan plan = this.context.plan();
		String township = townships.stream()
			.filter((code) -> plan.shape(period, code) == FileShape.WIDE_UTF8_BOM)
			.findFirst()
			.orElse(townships.isEmpty() ? null : townships.get(0));
		if (township == null) {
			return;
		}
		plan.force(period, township, FileShape.WIDE_UTF8_BOM);
		this.context.excludeTownship(township);
		String typo = HOME_VISITS.substring(0, HOME_VISITS.length() - 3)
				+ HOME_VISITS.substring(HOME_VISITS.length() - 2);
		this.context.headerOverrides().put(period + "/" + township, Map.of(HOME_VISITS, typo));
		this.context.add(new Plant(period, township, "", typo, Kind.ERROR, "V-INDICATOR", Where.HEADER,
				"宽表表头把 " + HOME_VISITS + " 拼错成 " + typo + "，整个文件被拒收",
				"Header " + HOME_VISITS + " misspelt as " + typo + " in a wide file: the whole file is rejected"));
	}

	/**
	 * Excel shows a 12-digit code in General format as {@code 4.30528E+11} and saves it
	 * so.
	 */
	private void excelDamagedCode() {
		this.context.period(8, 0)
			.flatMap((period) -> this.context.pick(period, (shape) -> shape == FileShape.WIDE_GB18030,
					FileShape.WIDE_GB18030, (month) -> true))
			.ifPresent((month) -> {
				String damaged = excelGeneral(month.village().code());
				month.plantVillageCode(damaged);
				this.context.add(Plant.of(month, "", Kind.ERROR, "V-VILLAGE", Where.ROW,
						"村代码被 Excel 改成科学计数法 " + damaged, "Village code damaged by Excel into " + damaged));
			});
	}

	private void requiredLeftEmpty() {
		int index = this.context.index(COMMUNITY_MEETINGS);
		if (index < 0 || !this.context.catalogue().get(index).required()) {
			return;
		}
		this.context.period(7, 0).flatMap((period) -> this.context.pick(period, (month) -> true)).ifPresent((month) -> {
			month.plant(index, "");
			this.context.add(Plant.of(month, COMMUNITY_MEETINGS, Kind.ERROR, "V-REQUIRED", Where.CELL,
					"必填指标“" + this.context.catalogue().get(index).nameZh() + "”留空",
					"Required value " + COMMUNITY_MEETINGS + " left empty"));
		});
	}

	/** Land handed back to its owners, entered as a negative transfer. */
	private void negativeValue() {
		String code = this.context.has(LAND_TRANSFER_MU) ? LAND_TRANSFER_MU : DISPUTES_MEDIATED;
		int index = this.context.index(code);
		if (index < 0) {
			return;
		}
		this.context.period(6, 0)
			.flatMap((period) -> this.context.pick(period, (month) -> !month.village().community()))
			.ifPresent((month) -> {
				BigDecimal value = month.number(index);
				String negative = "-" + ((value != null && value.signum() > 0) ? month.cell(index) : "6.5");
				month.plant(index, code.equals(LAND_TRANSFER_MU) ? negative : "-1");
				this.context.add(Plant.of(month, code, Kind.ERROR, "V-NUMBER", Where.CELL,
						"负数 " + month.cell(index) + "（把退还的土地记成负数）",
						"Negative value " + month.cell(index) + " (land handed back entered as negative)"));
			});
	}

	/**
	 * Home visits typed as {@code 三百} by a clerk who thinks in characters, in a village
	 * with about 300.
	 */
	private void chineseNumeral() {
		int index = this.context.index(HOME_VISITS);
		if (index < 0) {
			return;
		}
		this.context.period(5, 0)
			.flatMap((period) -> this.context.pickBest(period, (month) -> month.number(index) != null,
					Comparator.comparingInt((SampleReturn month) -> Math.abs(month.integer(index) - 300))
						.thenComparing((month) -> month.village().code())))
			.ifPresent((month) -> {
				month.plant(index, "三百");
				this.context.add(Plant.of(month, HOME_VISITS, Kind.ERROR, "V-NUMBER", Where.CELL, "数值写成汉字“三百”",
						"Value written in Chinese numerals (三百, three hundred)"));
			});
	}

	private void tooFewWeeklyMeetings() {
		int index = this.context.index(WEEKLY_CASE_MEETINGS);
		if (index < 0) {
			return;
		}
		this.context.period(4, 0).flatMap((period) -> this.context.pick(period, (month) -> true)).ifPresent((month) -> {
			month.setNumber(index, BigDecimal.valueOf(2));
			this.context.add(Plant.of(month, WEEKLY_CASE_MEETINGS, Kind.WARNING, "W-WEEKLY", Where.CELL,
					"民情碰头会只开了 2 次（应每周一次）", "Only 2 weekly case meetings (the branch must meet every week)"));
		});
	}

	/**
	 * More issues resolved and escalated than were raised. Put in a wide file, so that
	 * the line is the village's row whichever of the three columns the pipeline names.
	 */
	private void issuesDontAddUp() {
		int raised = this.context.index(ISSUES_RAISED);
		int resolved = this.context.index(ISSUES_RESOLVED_VILLAGE);
		int escalated = this.context.index(ISSUES_ESCALATED);
		if (raised < 0 || resolved < 0 || escalated < 0) {
			return;
		}
		this.context.period(2, 0)
			.flatMap((period) -> this.context.pick(period, FileShape::wide, FileShape.WIDE_GB18030,
					(month) -> month.integer(raised) >= 3))
			.ifPresent((month) -> {
				int up = Math.max(1, month.integer(escalated));
				int village = month.integer(raised) - up + 1 + this.context.random().nextInt(2);
				month.setNumber(escalated, BigDecimal.valueOf(up));
				month.setNumber(resolved, BigDecimal.valueOf(village));
				this.context.add(Plant.of(month, ISSUES_RESOLVED_VILLAGE, Kind.ERROR, "V-ISSUES", Where.CELL,
						"村级办结 " + village + " + 报乡镇 " + up + " > 收集 " + month.integer(raised),
						"Resolved " + village + " + escalated " + up + " > raised " + month.integer(raised)));
			});
	}

	/**
	 * Excel's General format for a large number: six significant digits,
	 * {@code 4.30528E+11}.
	 */
	static String excelGeneral(String code) {
		String formatted = String.format(Locale.ROOT, "%.5E", new BigDecimal(code));
		String mantissa = formatted.substring(0, formatted.indexOf('E'));
		String exponent = formatted.substring(formatted.indexOf('E') + 1);
		mantissa = mantissa.contains(".") ? mantissa.replaceAll("0+$", "").replaceAll("\\.$", "") : mantissa;
		int power = Integer.parseInt(exponent);
		return mantissa + "E" + ((power < 0) ? "-" : "+") + String.format(Locale.ROOT, "%02d", Math.abs(power));
	}

}
