package cn.xinning.villagereturns.ingest;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import cn.xinning.villagereturns.support.SampleReturn;
import cn.xinning.villagereturns.support.TestRoot;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ingest --dry-run}: the report of every ready inbox file, with the same rules as
 * a run, in claim order; nothing is moved and no row is written. A file whose content was
 * accepted before is named as the duplicate it is.
 */
@SpringBootTest
class DryRunIntegrationTests {

	static final TestRoot root = TestRoot.create("dry-run");

	static final LocalDateTime AS_OF = LocalDateTime.of(2026, 11, 4, 10, 0);

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry properties) {
		root.configure(properties);
	}

	@Autowired
	DryRunService dryRun;

	@Autowired
	IngestService ingest;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeEach
	void reset() {
		root.reset(this.jdbc);
	}

	@Test
	void reportsEveryFileWithTheRunsRulesAndChangesNothing() throws Exception {
		root.drop("金石镇/湾坝村.csv", SampleReturn.of("430528100201", "2026-10").longFile());
		root.drop("江园村.csv", SampleReturn.of("430528100202", "2026-10").with("HOME_VISITS", "三百").longFile());
		root.drop("空.csv", "");
		root.drop(".hidden.csv", SampleReturn.of("430528100203", "2026-10").longFile());

		DryRunReport report = this.dryRun.dryRun(Optional.of(AS_OF));

		assertThat(report.asOf()).isEqualTo(AS_OF);
		assertThat(report.files()).extracting(DryRunReport.FileReport::path)
			.as("claim order: file name, then path; hidden files are not ready")
			.containsExactly("江园村.csv", "金石镇/湾坝村.csv", "空.csv");
		DryRunReport.FileReport bad = report.files().get(0);
		assertThat(List.of(bad.encoding(), bad.layout(), bad.returns(), bad.rejected())).containsExactly("UTF-8",
				"LONG", 1, 1);
		assertThat(bad.duplicateOf()).isEmpty();
		assertThat(bad.wouldBeRejected()).isTrue();
		assertThat(bad.problems()).hasSize(1);
		DryRunReport.ProblemLine problem = bad.problems().get(0);
		assertThat(List.of(problem.column(), problem.value(), problem.rule(), problem.severity()))
			.containsExactly("value", "三百", "V-NUMBER", "ERROR");
		int line = 2 + List.copyOf(SampleReturn.VALID.keySet()).indexOf("HOME_VISITS");
		assertThat(problem.line()).isEqualTo(line);
		assertThat(problem.message()).startsWith("第" + line + "行 数值“三百”不是数字（指标 上门走访人次(HOME_VISITS)）。");
		DryRunReport.FileReport good = report.files().get(1);
		assertThat(List.of(good.encoding(), good.layout(), good.returns(), good.rejected())).containsExactly("UTF-8",
				"LONG", 1, 0);
		assertThat(good.problems()).isEmpty();
		assertThat(good.wouldBeRejected()).isFalse();
		DryRunReport.FileReport empty = report.files().get(2);
		assertThat(List.of(empty.encoding(), empty.layout(), empty.returns(), empty.rejected())).containsExactly("", "",
				0, 0);
		assertThat(empty.problems()).extracting(DryRunReport.ProblemLine::rule, DryRunReport.ProblemLine::message)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("F-EMPTY", "文件是空的，没有任何内容。请确认保存的是填好的报表后重新放入收件箱。"));

		assertThat(root.files()).containsExactly("inbox/.hidden.csv", "inbox/江园村.csv", "inbox/空.csv",
				"inbox/金石镇/湾坝村.csv");
		assertThat(this.jdbc.queryForObject("select count(*) from ingest_run", Integer.class)).isZero();
		assertThat(this.jdbc.queryForObject("select count(*) from submission", Integer.class)).isZero();
	}

	@Test
	void aFileAcceptedBeforeIsReportedAsTheDuplicateItIs() throws Exception {
		String content = SampleReturn.of("430528100201", "2026-10").longFile();
		root.drop("湾坝村.csv", content);
		this.ingest.ingest(Optional.of(AS_OF));
		root.drop("再次/湾坝村.csv", content);

		DryRunReport report = this.dryRun.dryRun(Optional.of(AS_OF.plusHours(1)));

		assertThat(report.files()).hasSize(1);
		assertThat(report.files().get(0).path()).isEqualTo("再次/湾坝村.csv");
		assertThat(report.files().get(0).duplicateOf()).hasValue("archive/2026-11-04/湾坝村.csv");
		assertThat(report.files().get(0).returns()).isEqualTo(1);
		assertThat(report.files().get(0).rejected()).isZero();
	}

}
