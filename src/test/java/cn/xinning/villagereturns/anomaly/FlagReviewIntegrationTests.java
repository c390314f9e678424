package cn.xinning.villagereturns.anomaly;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import cn.xinning.villagereturns.aggregation.RecomputeService;
import cn.xinning.villagereturns.anomaly.AnomalyService.Channel;
import cn.xinning.villagereturns.anomaly.AnomalyService.Filter;
import cn.xinning.villagereturns.anomaly.AnomalyService.Refusal;
import cn.xinning.villagereturns.anomaly.AnomalyService.Review;
import cn.xinning.villagereturns.anomaly.AnomalyService.ReviewRefusedException;
import cn.xinning.villagereturns.anomaly.AnomalyService.StoredFlag;
import cn.xinning.villagereturns.ingest.IngestService;
import cn.xinning.villagereturns.ingest.IngestSummary;
import cn.xinning.villagereturns.support.Numbers;
import cn.xinning.villagereturns.support.TestRoot;

import static cn.xinning.villagereturns.anomaly.SixVillages.JIA;
import static cn.xinning.villagereturns.anomaly.SixVillages.BING;
import static cn.xinning.villagereturns.anomaly.SixVillages.DING;
import static cn.xinning.villagereturns.anomaly.SixVillages.WU;
import static cn.xinning.villagereturns.anomaly.SixVillages.JI;
import static cn.xinning.villagereturns.anomaly.SixVillages.JANUARY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Reviews, their history, the flag list's filters and paging, and each flag's evidence,
 * over the township of {@link SixVillages} (six villages of 500 households, HOME_VISITS
 * cycling 400/410/420, 戊村 always 400) with January 2026 at 甲村 4120, 丙村 410, 丁村 900, 戊村
 * 430, 己村 420 and nothing from 乙村: five flags, played once for the class. The last test
 * corrects the data, so it runs last.
 */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FlagReviewIntegrationTests {

	static final TestRoot root = TestRoot.create("flag-review");

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry properties) {
		root.configure(properties, SixVillages.REGISTRY);
	}

	@Autowired
	IngestService ingest;

	@Autowired
	AnomalyService anomalies;

	@Autowired
	FlagEvidence evidence;

	@Autowired
	RecomputeService recompute;

	@Autowired
	JdbcTemplate jdbc;

	SixVillages township;

	@BeforeAll
	void aYearAndJanuary() throws Exception {
		this.township = new SixVillages(root, this.ingest, this.anomalies);
		root.reset(this.jdbc);
		this.township.playHistory();
		this.township.dropJanuary(Map.of(JIA, "4120", BING, "410", DING, "900", WU, "430", JI, "420"));
		IngestSummary january = this.township.run("2026-02-03T09:00");
		assertThat(january.flagsRaised()).isEqualTo(5);
	}

	@BeforeEach
	void unreviewed() {
		this.jdbc.update("update anomaly_flag set status = 'OPEN', review_note = null, reviewed_by = null,"
				+ " reviewed_at = null where status <> 'CLOSED'");
		this.jdbc.update("delete from anomaly_flag_review");
	}

	@Test
	@Order(1)
	void everyReviewIsKeptAsARowOfTheFlagsHistory() {
		StoredFlag flag = this.township.flag(JIA, "OUTLIER_HISTORY");
		this.anomalies.review(List.of(flag.id()), "confirmed", "  已电话核实  ", "clerk", Optional.empty(), Channel.CONSOLE);
		StoredFlag after = this.anomalies.review(flag.id(), "DISMISSED", "复核：系新增走访任务，数据属实", "县统计局 李明");

		assertThat(after.status()).isEqualTo("DISMISSED");
		assertThat(after.reviewNote()).isEqualTo("复核：系新增走访任务，数据属实");
		assertThat(after.reviewedBy()).isEqualTo("县统计局 李明");
		assertThat(this.anomalies.reviews(flag.id())).extracting(FlagReviewIntegrationTests::line)
			.containsExactly("OPEN→CONFIRMED 已电话核实 by clerk via CONSOLE",
					"CONFIRMED→DISMISSED 复核：系新增走访任务，数据属实 by 县统计局 李明 via CLI");
		assertThat(this.anomalies.reviews(this.township.flag(WU, "OUTLIER_HISTORY").id())).isEmpty();
	}

	@Test
	@Order(2)
	void aReviewWithoutANoteIsRefusedAndRecordsNothing() {
		StoredFlag flag = this.township.flag(JIA, "OUTLIER_HISTORY");
		for (String blank : new String[] { null, "", "   \n " }) {
			assertThatExceptionOfType(ReviewRefusedException.class)
				.isThrownBy(() -> this.anomalies.review(List.of(flag.id()), "DISMISSED", blank, "clerk",
						Optional.empty(), Channel.CONSOLE))
				.satisfies((ex) -> assertThat(ex.refusal()).isEqualTo(Refusal.NOTE_REQUIRED));
		}
		assertThatExceptionOfType(ReviewRefusedException.class)
			.isThrownBy(() -> this.anomalies.review(List.of(flag.id()), "CLOSED", "x", "clerk", Optional.empty(),
					Channel.CONSOLE))
			.satisfies((ex) -> assertThat(ex.refusal()).isEqualTo(Refusal.STATUS));
		assertThatExceptionOfType(ReviewRefusedException.class)
			.isThrownBy(() -> this.anomalies.review(List.of(flag.id()), "DISMISSED", "长".repeat(1001), "clerk",
					Optional.empty(), Channel.CONSOLE))
			.satisfies((ex) -> assertThat(ex.refusal()).isEqualTo(Refusal.NOTE_TOO_LONG));
		assertThat(this.anomalies.find(flag.id()).orElseThrow().status()).isEqualTo("OPEN");
		assertThat(this.jdbc.queryForObject("select count(*) from anomaly_flag_review", Integer.class)).isZero();
	}

	@Test
	@Order(3)
	void severalFlagsAreReviewedAtOnceWithOneNoteOrNotAtAll() {
		long history = this.township.flag(JIA, "OUTLIER_HISTORY").id();
		long peers = this.township.flag(DING, "OUTLIER_PEERS").id();
		long wu = this.township.flag(WU, "OUTLIER_HISTORY").id();

		List<StoredFlag> done = this.anomalies.review(List.of(peers, history, peers), "CONFIRMED", "乡镇已核实，确有异常",
				"clerk", Optional.empty(), Channel.CONSOLE);

		assertThat(done).extracting(StoredFlag::id).containsExactly(peers, history);
		assertThat(done).extracting(StoredFlag::status).containsExactly("CONFIRMED", "CONFIRMED");
		assertThat(this.jdbc.queryForList("select flag_id from anomaly_flag_review order by flag_id", Long.class))
			.containsExactly(history, peers);

		// one unknown flag: none of the others is reviewed
		assertThatExceptionOfType(ReviewRefusedException.class)
			.isThrownBy(() -> this.anomalies.review(List.of(wu, 999_999L), "DISMISSED", "x", "clerk", Optional.empty(),
					Channel.CONSOLE))
			.satisfies((ex) -> {
				assertThat(ex.refusal()).isEqualTo(Refusal.NOT_FOUND);
				assertThat(ex.flags()).containsExactly(999_999L);
			});
		assertThat(this.anomalies.find(wu).orElseThrow().status()).isEqualTo("OPEN");
		assertThatExceptionOfType(ReviewRefusedException.class).isThrownBy(
				() -> this.anomalies.review(List.of(), "DISMISSED", "x", "clerk", Optional.empty(), Channel.CONSOLE))
			.satisfies((ex) -> assertThat(ex.refusal()).isEqualTo(Refusal.NONE));
		assertThat(this.jdbc.queryForObject("select count(*) from anomaly_flag_review", Integer.class)).isEqualTo(2);
	}

	@Test
	@Order(4)
	void aClerkLimitedToATownshipReviewsOnlyItsFlags() {
		long history = this.township.flag(JIA, "OUTLIER_HISTORY").id();
		long wu = this.township.flag(WU, "OUTLIER_HISTORY").id();

		assertThatExceptionOfType(ReviewRefusedException.class)
			.isThrownBy(() -> this.anomalies.review(List.of(history, wu), "DISMISSED", "不是我乡镇的", "yidu",
					Optional.of("430528101"), Channel.CONSOLE))
			.satisfies((ex) -> {
				assertThat(ex.refusal()).isEqualTo(Refusal.TOWNSHIP);
				assertThat(ex.flags()).containsExactly(history, wu);
			});
		assertThat(this.jdbc.queryForObject("select count(*) from anomaly_flag_review", Integer.class)).isZero();

		List<StoredFlag> own = this.anomalies.review(List.of(wu), "DISMISSED", "新建村务公开栏，走访增加属实", "jinshi",
				Optional.of("430528100"), Channel.CONSOLE);
		assertThat(own).extracting(StoredFlag::status).containsExactly("DISMISSED");
	}

	@Test
	@Order(5)
	void theListFiltersAndPagesInSql() {
		// latest period first: January's five, then 丁村's missing returns of 2025-07 back
		// to 2025-01 (it started reporting in August)
		AnomalyService.Page all = this.anomalies.page(Filter.all(), 0, 50);
		assertThat(all.total()).isEqualTo(12);
		assertThat(all.flags()).extracting((f) -> f.period() + " " + f.orgCode() + " " + f.rule())
			.containsExactly("2026-01 " + JIA + " OUTLIER_HISTORY", "2026-01 " + JIA + " OUTLIER_PEERS",
					"2026-01 " + JIA + " W-VISITS", "2026-01 " + DING + " OUTLIER_PEERS",
					"2026-01 " + WU + " OUTLIER_HISTORY", "2025-07 " + DING + " MISSING_RETURN",
					"2025-06 " + DING + " MISSING_RETURN", "2025-05 " + DING + " MISSING_RETURN",
					"2025-04 " + DING + " MISSING_RETURN", "2025-03 " + DING + " MISSING_RETURN",
					"2025-02 " + DING + " MISSING_RETURN", "2025-01 " + DING + " MISSING_RETURN");
		AnomalyService.Page second = this.anomalies.page(Filter.all(), 2, 2);
		assertThat(second.total()).isEqualTo(12);
		assertThat(codes(second)).containsExactly(JIA + " W-VISITS", DING + " OUTLIER_PEERS");

		Filter history = new Filter(Optional.of("2026-01"), Optional.of("430528100"), Optional.of("OUTLIER_HISTORY"),
				Optional.of("HIGH"), Optional.of("OPEN"));
		AnomalyService.Page found = this.anomalies.page(history, 0, 50);
		assertThat(found.total()).isEqualTo(2);
		assertThat(codes(found)).containsExactly(JIA + " OUTLIER_HISTORY", WU + " OUTLIER_HISTORY");
		assertThat(found.flags().get(0).orgName()).isEqualTo("甲村");
		assertThat(found.flags().get(0).townshipName()).isEqualTo("金石镇");

		assertThat(this.anomalies
			.page(new Filter(Optional.empty(), Optional.of("430528101"), Optional.empty(), Optional.empty(),
					Optional.empty()), 0, 50)
			.total()).isZero();
		assertThat(this.anomalies
			.page(new Filter(Optional.of("2025-12"), Optional.empty(), Optional.empty(), Optional.empty(),
					Optional.empty()), 0, 50)
			.total()).isZero();
		this.anomalies.review(List.of(this.township.flag(WU, "OUTLIER_HISTORY").id()), "DISMISSED", "属实", "clerk",
				Optional.empty(), Channel.CONSOLE);
		assertThat(codes(this.anomalies.page(new Filter(Optional.empty(), Optional.empty(), Optional.empty(),
				Optional.empty(), Optional.of("DISMISSED")), 0, 50)))
			.containsExactly(WU + " OUTLIER_HISTORY");
	}

	@Test
	@Order(6)
	void theHistoryEvidenceGivesTheFlagsOwnMedianBandAndScore() {
		StoredFlag flag = this.township.flag(JIA, "OUTLIER_HISTORY");
		FlagEvidence.History history = this.evidence.history(JIA, "HOME_VISITS", JANUARY).orElseThrow();

		// 甲村 (i = 0) in 2025-m: 400 + ((m) % 3) × 10 → 410 420 400 410 420 400 ...
		assertThat(history.months()).extracting((m) -> m.period() + "=" + m.value().map(Numbers::format))
			.containsExactly("2025-01=Optional[410]", "2025-02=Optional[420]", "2025-03=Optional[400]",
					"2025-04=Optional[410]", "2025-05=Optional[420]", "2025-06=Optional[400]", "2025-07=Optional[410]",
					"2025-08=Optional[420]", "2025-09=Optional[400]", "2025-10=Optional[410]", "2025-11=Optional[420]",
					"2025-12=Optional[400]");
		assertThat(history.values()).isEqualTo(12);
		assertThat(history.median()).hasValueSatisfying((m) -> assertThat(m).isEqualByComparingTo("410"));
		assertThat(history.low()).isEqualTo(flag.expectedLow());
		assertThat(history.high()).isEqualTo(flag.expectedHigh());
		assertThat(history.low()).hasValueSatisfying((v) -> assertThat(v).isEqualByComparingTo("358.1097"));
		assertThat(history.score()).isEqualTo(flag.score()).isEqualTo("250.2395");
		assertThat(history.method()).contains(RobustSample.Method.MAD);

		FlagEvidence.History constant = this.evidence.history(WU, "HOME_VISITS", JANUARY).orElseThrow();
		assertThat(constant.score()).isEqualTo("inf");
		assertThat(constant.method()).contains(RobustSample.Method.CONSTANT);
		assertThat(constant.low()).isEqualTo(this.township.flag(WU, "OUTLIER_HISTORY").expectedLow());
	}

	@Test
	@Order(7)
	void thePeersEvidenceListsTheTownshipsReportingVillagesWithThisOneMarked() {
		StoredFlag flag = this.township.flag(JIA, "OUTLIER_PEERS");
		FlagEvidence.Peers peers = this.evidence.peers(JIA, "HOME_VISITS", JANUARY).orElseThrow();

		// rates 8.24 0.82 1.8 0.86 0.84 → median 0.86, MAD 0.04 (乙村 did not report)
		assertThat(peers.rows()).extracting((r) -> r.village() + " " + Numbers.format(r.value()) + " " + r.flagged())
			.containsExactly(JIA + " 4120 true", BING + " 410 false", DING + " 900 false", WU + " 430 false",
					JI + " 420 false");
		assertThat(peers.medianRate()).hasValueSatisfying((m) -> assertThat(m).isEqualByComparingTo("0.86"));
		assertThat(peers.rows().get(0).score()).isEqualTo(flag.score());
		BigDecimal households = BigDecimal.valueOf(500);
		assertThat(peers.lowRate().orElseThrow().multiply(households).setScale(4, java.math.RoundingMode.HALF_UP))
			.isEqualByComparingTo(flag.expectedLow().orElseThrow());
		assertThat(peers.highRate().orElseThrow().multiply(households).setScale(4, java.math.RoundingMode.HALF_UP))
			.isEqualByComparingTo(flag.expectedHigh().orElseThrow());
	}

	@Test
	@Order(8)
	void aReviewSurvivesARecomputeWhileTheFlagHoldsAndTheClosingIsRecorded() throws Exception {
		StoredFlag flag = this.township.flag(JIA, "OUTLIER_HISTORY");
		this.anomalies.review(List.of(flag.id()), "DISMISSED", "乡镇核实：本月集中走访", "clerk", Optional.empty(),
				Channel.CONSOLE);

		this.recompute.recompute(JANUARY);

		StoredFlag kept = this.anomalies.find(flag.id()).orElseThrow();
		assertThat(kept.status()).isEqualTo("DISMISSED");
		assertThat(kept.reviewNote()).isEqualTo("乡镇核实：本月集中走访");
		assertThat(kept.closure()).isEmpty();
		assertThat(this.anomalies.reviews(flag.id())).hasSize(1);

		// a correction by a run closes it, recording the run
		this.township.dropJanuary(Map.of(JIA, "415"));
		IngestSummary correction = this.township.run("2026-02-04T10:00");
		StoredFlag closed = this.anomalies.find(flag.id()).orElseThrow();
		assertThat(closed.status()).isEqualTo("CLOSED");
		assertThat(closed.closure()).hasValueSatisfying((c) -> {
			assertThat(c.by()).isEqualTo("RUN");
			assertThat(c.runId()).contains(correction.runId());
			assertThat(c.businessTime()).isEqualTo(LocalDateTime.parse("2026-02-04T10:00"));
			assertThat(c.recordedAt()).isPresent();
		});
		assertThatExceptionOfType(ReviewRefusedException.class)
			.isThrownBy(() -> this.anomalies.review(List.of(flag.id()), "CONFIRMED", "x", "clerk", Optional.empty(),
					Channel.CONSOLE))
			.satisfies((ex) -> assertThat(ex.refusal()).isEqualTo(Refusal.CLOSED));

		// a flag closed by a recompute says so: 丁村's peer flag, once its value is made
		// ordinary behind the program's back and the period recomputed
		StoredFlag ding = this.township.flag(DING, "OUTLIER_PEERS");
		// texts name their values by number (V78)
		String homeVisits = "#" + this.jdbc
			.queryForObject("select code_no from value_code where indicator_code = 'HOME_VISITS'", Integer.class);
		assertThat(this.jdbc.update(
				"update current_return set values_text = replace(values_text, ?, ?) where village_code = ? and period = '2026-01'",
				homeVisits + "=900.00", homeVisits + "=430.00", DING))
			.isEqualTo(1);
		assertThat(this.jdbc.queryForObject(
				"select values_text from current_return where village_code = ? and period = '2026-01'", String.class,
				DING))
			.contains(homeVisits + "=430.00")
			.doesNotContain("HOME_VISITS");
		this.recompute.recompute(JANUARY);
		assertThat(this.anomalies.find(ding.id()).orElseThrow().closure())
			.hasValueSatisfying((c) -> assertThat(c.by() + " " + c.runId()).isEqualTo("RECOMPUTE Optional.empty"));
	}

	private static String line(Review review) {
		return review.statusBefore() + "→" + review.statusAfter().orElse("?") + " " + review.note() + " by "
				+ review.reviewedBy() + " via " + review.channel();
	}

	private static List<String> codes(AnomalyService.Page page) {
		return page.flags().stream().map((f) -> f.orgCode() + " " + f.rule()).toList();
	}

}
