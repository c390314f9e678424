package cn.xinning.villagereturns.generate;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;

import cn.xinning.villagereturns.ledger.IssueCategory;
import cn.xinning.villagereturns.ledger.IssueLadder;
import cn.xinning.villagereturns.ledger.IssueStatus;

/**
 * Writes the sample county's issue ledgers (spec section 12) beside its returns, under
 * {@code ledgers/YYYY-MM/}: one file per township and month, holding the issues raised in
 * the month and the later states of earlier issues that changed since the last file, each
 * as it stood on the day the month's returns are taken in (the 3rd of the next month; the
 * 4th for the last month, as {@code bin/demo} plays it). A few issues a village a month:
 * most resolved in the village, some reported to the township and the county, some of
 * them late, some left open until they go stale. Half the townships write Chinese headers
 * and labels in GB18030, the others English codes in UTF-8 with a byte-order mark; with
 * problems on, a few rows carry a clerk's mistake. Its own random stream: the returns do
 * not change.
 */
final class LedgerSamples {

	static final String FOLDER = "ledgers";

	private static final long SALT = 0x1ED6E5L;

	private static final String HEADER_ZH = "问题编号,村代码,收集日期,问题类别,问题摘要,办理状态,报乡镇日期,报县日期,办结日期";

	private static final String HEADER_EN = "issue_no,village_code,raised_on,category,summary,status,"
			+ "escalated_township_on,escalated_county_on,resolved_on";

	private static final Map<IssueCategory, List<String>> SUMMARIES = Map.of(IssueCategory.POLICY,
			List.of("医保缴费政策咨询", "养老保险待遇咨询", "耕地地力补贴咨询"), IssueCategory.AGRI_TECH, List.of("脐橙黄龙病防治", "水稻病虫害", "生猪养殖技术"),
			IssueCategory.DISPUTE, List.of("宅基地边界纠纷", "山林权属纠纷", "邻里用水纠纷"), IssueCategory.INFRASTRUCTURE,
			List.of("机耕道损毁", "饮水管道漏水", "路灯不亮"), IssueCategory.LIVELIHOOD, List.of("低保申请", "危房改造申请", "孤寡老人照料"),
			IssueCategory.OTHER, List.of("垃圾清运不及时", "广场舞噪音", "其他诉求"));

	private LedgerSamples() {
	}

	/** An issue's whole life: the dates its events happen (null: never). */
	private record Issue(String village, String issueNo, LocalDate raised, IssueCategory category, String summary,
			LocalDate township, LocalDate county, LocalDate resolved, IssueStatus finalStatus) {

		/**
		 * Its state on a day, as a ledger row would write it; null before it is raised.
		 */
		List<Object> stateOn(LocalDate day) {
			if (this.raised.isAfter(day)) {
				return null;
			}
			LocalDate t = on(this.township, day);
			LocalDate c = on(this.county, day);
			LocalDate r = on(this.resolved, day);
			IssueStatus status;
			if (r != null) {
				status = this.finalStatus;
			}
			else if (c != null) {
				status = IssueStatus.ESCALATED_COUNTY;
			}
			else if (t != null) {
				status = IssueStatus.ESCALATED_TOWNSHIP;
			}
			else {
				status = IssueStatus.OPEN;
			}
			return java.util.Arrays.asList(status, t, c, r);
		}

		private static LocalDate on(LocalDate date, LocalDate day) {
			return (date != null && !date.isAfter(day)) ? date : null;
		}

	}

	static void write(List<SampleVillage> villages, GeneratorSettings settings, Path out) throws IOException {
		Path folder = out.resolve(FOLDER);
		if (Files.exists(folder)) {
			try (Stream<Path> tree = Files.walk(folder)) {
				for (Path each : tree.sorted(Comparator.reverseOrder()).toList()) {
					Files.delete(each);
				}
			}
		}
		Random random = new Random(settings.seed() ^ SALT);
		List<YearMonth> periods = settings.periods();
		Map<String, List<Issue>> byTownship = new TreeMap<>();
		Map<String, String> townshipNames = new TreeMap<>();
		for (SampleVillage village : villages) {
			townshipNames.put(village.townshipCode(), village.townshipName());
			for (YearMonth period : periods) {
				if (village.validIn(period)) {
					byTownship.computeIfAbsent(village.townshipCode(), (t) -> new ArrayList<>())
						.addAll(issues(village, period, random));
				}
			}
		}
		int townshipIndex = 0;
		for (Map.Entry<String, List<Issue>> township : byTownship.entrySet()) {
			boolean chinese = (townshipIndex++ % 2) == 0;
			Map<List<String>, List<Object>> sent = new LinkedHashMap<>();
			for (int p = 0; p < periods.size(); p++) {
				YearMonth period = periods.get(p);
				LocalDate cutoff = period.plusMonths(1).atDay((p == periods.size() - 1) ? 4 : 3);
				List<String> rows = new ArrayList<>();
				for (Issue issue : township.getValue()) {
					List<Object> state = issue.stateOn(cutoff);
					List<String> key = List.of(issue.village(), issue.issueNo());
					if (state == null || state.equals(sent.get(key))
							|| YearMonth.from(issue.raised()).isAfter(period)) {
						continue;
					}
					sent.put(key, state);
					rows.add(row(issue, state, chinese, settings.problems() ? random : null));
				}
				if (rows.isEmpty()) {
					continue;
				}
				String name = townshipNames.get(township.getKey()) + "_" + period + "_问题清单.csv";
				Path target = folder.resolve(period.toString()).resolve(name);
				Files.createDirectories(target.getParent());
				String text = (chinese ? HEADER_ZH : HEADER_EN) + "\r\n" + String.join("\r\n", rows) + "\r\n";
				Charset charset = chinese ? Charset.forName("GB18030") : StandardCharsets.UTF_8;
				Files.write(target, ((chinese ? "" : "\uFEFF") + text).getBytes(charset));
			}
		}
	}

	/** 0 to 3 issues, a little under two on average. */
	private static List<Issue> issues(SampleVillage village, YearMonth period, Random random) {
		double u = random.nextDouble();
		int count = (u < 0.25) ? 0 : (u < 0.6) ? 1 : (u < 0.88) ? 2 : 3;
		List<Issue> issues = new ArrayList<>();
		for (int i = 1; i <= count; i++) {
			LocalDate raised = period.atDay(1 + random.nextInt(period.lengthOfMonth()));
			IssueCategory category = IssueCategory.values()[random.nextInt(IssueCategory.values().length)];
			List<String> texts = SUMMARIES.get(category);
			String summary = texts.get(random.nextInt(texts.size()));
			String issueNo = period + "-" + String.format("%03d", i);
			double fate = random.nextDouble();
			if (fate < 0.62) {
				issues.add(new Issue(village.code(), issueNo, raised, category, summary, null, null,
						raised.plusDays(1 + random.nextInt(12)), IssueStatus.RESOLVED_VILLAGE));
				continue;
			}
			if (fate < 0.70) {
				// left open: half are resolved in the end, long after they went stale
				LocalDate resolved = random.nextBoolean() ? raised.plusDays(35 + random.nextInt(40)) : null;
				issues.add(new Issue(village.code(), issueNo, raised, category, summary, null, null, resolved,
						IssueStatus.RESOLVED_VILLAGE));
				continue;
			}
			LocalDate townshipDeadline = IssueLadder.townshipDeadline(raised);
			LocalDate township = (random.nextDouble() < 0.2) ? townshipDeadline.plusDays(1 + random.nextInt(8))
					: between(raised, townshipDeadline, random);
			double next = random.nextDouble();
			if (next < 0.65) {
				issues.add(new Issue(village.code(), issueNo, raised, category, summary, township, null,
						township.plusDays(3 + random.nextInt(18)), IssueStatus.RESOLVED_TOWNSHIP));
			}
			else if (next < 0.9) {
				LocalDate countyDeadline = IssueLadder.countyDeadline(township);
				LocalDate county = (random.nextDouble() < 0.25) ? countyDeadline.plusDays(1 + random.nextInt(6))
						: between(township, countyDeadline, random);
				LocalDate resolved = (random.nextDouble() < 0.7) ? county.plusDays(5 + random.nextInt(21)) : null;
				issues.add(new Issue(village.code(), issueNo, raised, category, summary, township, county, resolved,
						IssueStatus.RESOLVED_COUNTY));
			}
			else {
				issues.add(new Issue(village.code(), issueNo, raised, category, summary, township, null, null,
						IssueStatus.RESOLVED_TOWNSHIP));
			}
		}
		return issues;
	}

	private static LocalDate between(LocalDate from, LocalDate to, Random random) {
		long days = ChronoUnit.DAYS.between(from, to);
		return from.plusDays((days <= 0) ? 0 : 1 + random.nextInt((int) days));
	}

	/**
	 * A ledger row; with {@code mistakes}, one row in about two hundred carries a clerk's
	 * mistake (the row is refused and the errors file says why).
	 */
	private static String row(Issue issue, List<Object> state, boolean chinese, Random mistakes) {
		IssueStatus status = (IssueStatus) state.get(0);
		List<String> cells = new ArrayList<>(List.of(issue.issueNo(), issue.village(), date(issue.raised(), chinese),
				chinese ? issue.category().label() : issue.category().name(), issue.summary(),
				chinese ? status.label() : status.name(), date((LocalDate) state.get(1), chinese),
				date((LocalDate) state.get(2), chinese), date((LocalDate) state.get(3), chinese)));
		if (mistakes != null && mistakes.nextInt(200) == 0) {
			switch (mistakes.nextInt(4)) {
				// L-CATEGORY: a category of the clerk's own
				case 0 -> cells.set(3, "纠纷");
				// L-DATE: the year left out
				case 1 -> cells.set(2, issue.raised().getMonthValue() + "月" + issue.raised().getDayOfMonth() + "日");
				// L-STATUS: reported to the township, the date not filled in
				case 2 -> {
					cells.set(5, chinese ? IssueStatus.ESCALATED_TOWNSHIP.label() : "ESCALATED_TOWNSHIP");
					cells.set(6, "");
					cells.set(7, "");
					cells.set(8, "");
				}
				// L-REQUIRED: no issue number
				default -> cells.set(0, "");
			}
		}
		return String.join(",", cells);
	}

	/** Chinese townships write 2026年10月8日 or 2026/10/8, the others 2026-10-08. */
	private static String date(LocalDate date, boolean chinese) {
		if (date == null) {
			return "";
		}
		if (!chinese) {
			return date.toString();
		}
		return (date.getDayOfMonth() % 2 == 0)
				? date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日"
				: date.getYear() + "/" + date.getMonthValue() + "/" + date.getDayOfMonth();
	}

}
