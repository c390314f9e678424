package cn.xinning.villagereturns.anomaly;

import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.xinning.villagereturns.anomaly.AnomalyService.StoredFlag;
import cn.xinning.villagereturns.ingest.IngestService;
import cn.xinning.villagereturns.ingest.IngestSummary;
import cn.xinning.villagereturns.support.SampleReturn;
import cn.xinning.villagereturns.support.TestRoot;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The township the flag tests play (registry {@code fixtures/anomaly/villages.csv}): six
 * villages 甲 乙 丙 丁 戊 己 of 500 households, each month's returns ingested on the 3rd of the
 * next. In the history (2025) HOME_VISITS cycle 400/410/420 (median 410, MAD 10), except
 * 戊村, always 400; 丁村 reports from August. COMMUNITY_MEETINGS alternate 3 and 4, so that
 * no return is a copy of the month before.
 */
final class SixVillages {

	static final String JIA = "430528100201";

	static final String YI = "430528100202";

	static final String BING = "430528100203";

	static final String DING = "430528100204";

	static final String WU = "430528100205";

	static final String JI = "430528100206";

	static final List<String> VILLAGES = List.of(JIA, YI, BING, DING, WU, JI);

	static final YearMonth JANUARY = YearMonth.of(2026, 1);

	static final String REGISTRY = "classpath:fixtures/anomaly/villages.csv";

	private final TestRoot root;

	private final IngestService ingest;

	private final AnomalyService anomalies;

	SixVillages(TestRoot root, IngestService ingest, AnomalyService anomalies) {
		this.root = root;
		this.ingest = ingest;
		this.anomalies = anomalies;
	}

	/** Ingests the twelve months of 2025, each on the 3rd of the next; none rejected. */
	void playHistory() throws Exception {
		for (int month = 1; month <= 12; month++) {
			YearMonth period = YearMonth.of(2025, month);
			for (int i = 0; i < VILLAGES.size(); i++) {
				String village = VILLAGES.get(i);
				if (village.equals(DING) && month < 8) {
					continue;
				}
				String visits = village.equals(WU) ? "400" : String.valueOf(400 + ((month + i) % 3) * 10);
				drop(period, village, visits);
			}
			IngestSummary summary = run(period.plusMonths(1).atDay(3) + "T09:00");
			assertThat(summary.returnsRejected()).isZero();
		}
	}

	/** January 2026's returns of the villages named, with their HOME_VISITS. */
	void dropJanuary(Map<String, String> visits) {
		visits.forEach((village, value) -> drop(JANUARY, village, value));
	}

	/** A return of the village for the period, under a file name of its own. */
	void drop(YearMonth period, String village, String visits) {
		this.root.drop(period + "/" + village + "-" + System.nanoTime() + ".csv",
				SampleReturn.of(village, period.toString())
					.with("PAIRED_HOUSEHOLDS", "450")
					.with("PAIRED_CADRES", "30")
					.with("HOME_VISITS", visits)
					.with("COMMUNITY_MEETINGS", String.valueOf(3 + period.getMonthValue() % 2))
					.longFile());
	}

	/** Ingests what is in the inbox as of {@code asOf}; the run completes. */
	IngestSummary run(String asOf) throws Exception {
		IngestSummary summary = this.ingest.ingest(Optional.of(LocalDateTime.parse(asOf)));
		assertThat(summary.status()).isEqualTo("COMPLETED");
		return summary;
	}

	/** The village's latest January flag of the rule. */
	StoredFlag flag(String village, String rule) {
		List<StoredFlag> flags = this.anomalies.list(Optional.of(JANUARY.toString()), Optional.empty())
			.stream()
			.filter((f) -> f.orgCode().equals(village) && f.rule().equals(rule))
			.toList();
		return flags.get(flags.size() - 1);
	}

}
