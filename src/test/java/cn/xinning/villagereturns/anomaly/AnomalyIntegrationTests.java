package cn.xinning.villagereturns.anomaly;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import cn.xinning.villagereturns.anomaly.AnomalyService.StoredFlag;
import cn.xinning.villagereturns.ingest.IngestService;
import cn.xinning.villagereturns.ingest.IngestSummary;
import cn.xinning.villagereturns.reporting.AnomaliesTable;
import cn.xinning.villagereturns.support.PeriodRange;
import cn.xinning.villagereturns.support.SampleReturn;
import cn.xinning.villagereturns.support.TestRoot;

import static cn.xinning.villagereturns.anomaly.SixVillages.JIA;
import static cn.xinning.villagereturns.anomaly.SixVillages.YI;
import static cn.xinning.villagereturns.anomaly.SixVillages.BING;
import static cn.xinning.villagereturns.anomaly.SixVillages.DING;
import static cn.xinning.villagereturns.anomaly.SixVillages.WU;
import static cn.xinning.villagereturns.anomaly.SixVillages.JI;
import static cn.xinning.villagereturns.anomaly.SixVillages.JANUARY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Flags over a township of six villages (甲 乙 丙 丁 戊 己, 500 households each) with a year of
 * history, each month ingested on the 3rd of the next: HOME_VISITS cycle 400/410/420
 * (median 410, MAD 10), except 戊村 which is always 400; 丁村 starts reporting in August. In
 * January 2026 甲村 reports 4120, 丁村 900, 戊村 430, and 乙村 nothing. COMMUNITY_MEETINGS
 * alternate 3 and 4, so that no return is a copy of the month before.
 */
@SpringBootTest
class AnomalyIntegrationTests {

	static final TestRoot root = TestRoot.create("anomaly");

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry properties) {
		root.configure(properties, SixVillages.REGISTRY);
	}

	@Autowired
	IngestService ingest;

	@Autowired
	AnomalyService anomalies;

	@Autowired
	AnomaliesTable anomaliesTable;

	@Autowired
	JdbcTemplate jdbc;

	SixVillages township;

	@BeforeEach
	void reset() {
		this.township = new SixVillages(root, this.ingest, this.anomalies);
		root.reset(this.jdbc);
		this.jdbc.update("delete from anomaly_flag");
		this.jdbc.update("delete from flag_evaluation");
	}

	@Test
	void flagsCarryTheirEvidenceFollowCorrectionsAndKeepTheirReview() throws Exception {
		this.township.playHistory();
		this.township.dropJanuary(Map.of(JIA, "4120", BING, "410", DING, "900", WU, "430", JI, "420"));
		IngestSummary january = this.township.run("2026-02-03T09:00");

		// 甲村: 0.6745 × (4120 − 410) / 10 = 250.2395; range 410 ± 3.5 × 10 / 0.6745 = 410
		// ± 51.8903
		// 戊村: history always 400, MAD and mean AD 0 → +inf; range [400, 400]
		// peers: rates 8.24 0.82 1.8 0.86 0.84 → median 0.86, MAD 0.04: 甲村 and 丁村 are out
		assertThat(january.flagsRaised()).isEqualTo(5);
		assertThat(open(JANUARY)).containsExactly(JIA + " HOME_VISITS OUTLIER_HISTORY HIGH OPEN",
				JIA + " HOME_VISITS OUTLIER_PEERS MEDIUM OPEN", JIA + " HOME_VISITS W-VISITS LOW OPEN",
				DING + " HOME_VISITS OUTLIER_PEERS MEDIUM OPEN", WU + " HOME_VISITS OUTLIER_HISTORY HIGH OPEN");
		StoredFlag history = this.township.flag(JIA, "OUTLIER_HISTORY");
		assertThat(history.observed()).hasValueSatisfying((v) -> assertThat(v).isEqualByComparingTo("4120"));
		assertThat(history.expectedLow()).hasValueSatisfying((v) -> assertThat(v).isEqualByComparingTo("358.1097"));
		assertThat(history.expectedHigh()).hasValueSatisfying((v) -> assertThat(v).isEqualByComparingTo("461.8903"));
		assertThat(history.score()).isEqualTo("250.2395");
		assertThat(history.messageZh()).isEqualTo("上门走访人次 4120，近12个月中位数 410，偏离 250.2 个稳健标准差。请核实。");
		assertThat(this.township.flag(WU, "OUTLIER_HISTORY").score()).isEqualTo("inf");

		this.anomalies.review(history.id(), "CONFIRMED", "已电话核实，系录入多打一位", "县统计局 李明");
		this.township.dropJanuary(Map.of(JIA, "2000"));
		this.township.run("2026-02-07T10:00");

		StoredFlag stillOut = this.township.flag(JIA, "OUTLIER_HISTORY");
		assertThat(stillOut.id()).isEqualTo(history.id());
		assertThat(stillOut.status()).isEqualTo("CONFIRMED");
		assertThat(stillOut.reviewNote()).isEqualTo("已电话核实，系录入多打一位");
		assertThat(stillOut.observed()).hasValueSatisfying((v) -> assertThat(v).isEqualByComparingTo("2000"));

		this.township.dropJanuary(Map.of(JIA, "415"));
		this.township.run("2026-02-08T10:00");

		StoredFlag closed = this.township.flag(JIA, "OUTLIER_HISTORY");
		assertThat(closed.status()).isEqualTo("CLOSED");
		assertThat(closed.reviewedBy()).isEqualTo("县统计局 李明");
		// 乙村 never reported January: overdue since the 7 February run
		assertThat(open(JANUARY)).containsExactly(YI + "  MISSING_RETURN HIGH OPEN",
				DING + " HOME_VISITS OUTLIER_PEERS MEDIUM OPEN", WU + " HOME_VISITS OUTLIER_HISTORY HIGH OPEN");
		assertThatIllegalArgumentException().isThrownBy(() -> this.anomalies.review(closed.id(), "DISMISSED", "x", "y"))
			.withMessageContaining("CLOSED");
	}

	@Test
	void aMissingReturnIsFlaggedAfterTheDueDateAndClosedWhenItArrivesLate() throws Exception {
		this.township.playHistory();
		this.township.dropJanuary(Map.of(JIA, "410", BING, "410", DING, "410", WU, "400", JI, "420"));
		this.township.run("2026-02-05T23:59:59");
		assertThat(open(JANUARY)).isEmpty();

		IngestSummary nightly = this.township.run("2026-02-06T02:00");

		assertThat(nightly.files()).isZero();
		assertThat(nightly.flagsRaised()).isEqualTo(1);
		assertThat(open(JANUARY)).containsExactly(YI + "  MISSING_RETURN HIGH OPEN");
		assertThat(this.township.flag(YI, "MISSING_RETURN").messageZh())
			.isEqualTo("乙村 尚未报送 2026-01 月报（截止时间 2026-02-05 23:59:59）。请督促报送。");

		this.township.dropJanuary(Map.of(YI, "400"));
		this.township.run("2026-02-06T15:30");

		assertThat(open(JANUARY)).containsExactly(YI + "  LATE_RETURN LOW OPEN");
		assertThat(this.anomalies.list(Optional.of("2026-01"), Optional.of("CLOSED"))).extracting(StoredFlag::rule)
			.containsExactly("MISSING_RETURN");
	}

	@Test
	void aLateReturnForAnEarlierMonthReEvaluatesTheMonthsWhoseHistoryItJoins() throws Exception {
		this.township.playHistory();
		this.township.dropJanuary(Map.of(JIA, "410", YI, "400", BING, "410", DING, "600", WU, "400", JI, "420"));
		this.township.run("2026-02-03T09:00");
		// 丁村 has five months of history (August to December): too few to judge its 600
		assertThat(open(JANUARY)).containsExactly(DING + " HOME_VISITS OUTLIER_PEERS MEDIUM OPEN");

		root.drop("补报/" + DING + "_2025-07.csv",
				SampleReturn.of(DING, "2025-07")
					.with("PAIRED_HOUSEHOLDS", "450")
					.with("PAIRED_CADRES", "30")
					.with("HOME_VISITS", "410")
					.longFile());
		IngestSummary late = this.township.run("2026-02-09T10:00");

		assertThat(late.periods()).containsExactly("2025-07");
		assertThat(open(JANUARY)).containsExactly(DING + " HOME_VISITS OUTLIER_HISTORY HIGH OPEN",
				DING + " HOME_VISITS OUTLIER_PEERS MEDIUM OPEN");
		assertThat(open(YearMonth.of(2025, 7))).containsExactly(DING + "  LATE_RETURN LOW OPEN");
	}

	@Test
	void theExportListsEveryFlagWithItsEvidenceAndStatus() throws Exception {
		this.township.playHistory();
		this.township.dropJanuary(Map.of(JIA, "4120", YI, "400", BING, "410", DING, "410", WU, "430", JI, "420"));
		this.township.run("2026-02-03T09:00");
		this.anomalies.review(this.township.flag(WU, "OUTLIER_HISTORY").id(), "DISMISSED", "新建村务公开栏，走访增加属实", "乡镇 王芳");

		// peers: rates 8.24 0.8 0.82 0.82 0.86 0.84 → median 0.83, MAD 0.02, spread 0.02
		// / 0.6745;
		// 甲村 (8.24 − 0.83) / spread = 249.9023; range 500 × (0.83 ± 5 × spread) = 415 ±
		// 74.129
		List<String> rows = new java.util.ArrayList<>();
		this.anomaliesTable.rows(PeriodRange.parse("2026-01"), (row) -> rows.add(String.join("|", row)));

		assertThat(rows).containsExactly(
				"2026-01|VILLAGE|430528100201|HOME_VISITS|OUTLIER_HISTORY|HIGH|4120|358.1097|461.8903|250.2395|OPEN|上门走访人次 4120，近12个月中位数 410，偏离 250.2 个稳健标准差。请核实。",
				"2026-01|VILLAGE|430528100201|HOME_VISITS|OUTLIER_PEERS|MEDIUM|4120|340.871|489.129|249.9023|OPEN|上门走访人次 4120（每户 8.24），本乡镇 6 个报送村的每户中位数 0.83，偏离 249.9 个稳健标准差。请核实。",
				"2026-01|VILLAGE|430528100201|HOME_VISITS|W-VISITS|LOW|4120||1350||OPEN|上门走访人次 4120 超过结对联系农户数 450 的 3 倍。请核实。",
				"2026-01|VILLAGE|430528100205|HOME_VISITS|OUTLIER_HISTORY|HIGH|430|400|400|inf|DISMISSED|上门走访人次 430，近12个月一直是 400，本月突然不同。请核实。");
	}

	/**
	 * 2025-01 to 2025-12, each month ingested on the 3rd of the next (before its due
	 * date).
	 */

	/**
	 * Flags of the period that are not CLOSED: "village indicator rule severity status".
	 */
	private List<String> open(YearMonth period) {
		return this.anomalies.list(Optional.of(period.toString()), Optional.empty())
			.stream()
			.filter((f) -> !f.status().equals("CLOSED"))
			.map((f) -> f.orgCode() + " " + f.indicator() + " " + f.rule() + " " + f.severity() + " " + f.status())
			.toList();
	}

	static String read(Path file) throws Exception {
		return Files.readString(file, StandardCharsets.UTF_8);
	}

}
