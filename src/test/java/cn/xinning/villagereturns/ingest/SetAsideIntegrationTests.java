package cn.xinning.villagereturns.ingest;

import java.nio.file.Files;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import cn.xinning.villagereturns.reference.ReferenceData;
import cn.xinning.villagereturns.reference.VillageRegistry;
import cn.xinning.villagereturns.support.SampleReturn;
import cn.xinning.villagereturns.support.TestRoot;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A file the program fails on (here: the registry throws for one village, as a bug would)
 * is set aside in quarantine/ with the reason for the administrator; the clerk gets no
 * errors file, the other files of the run are taken, and the run completes.
 */
@SpringBootTest
class SetAsideIntegrationTests {

	static final TestRoot root = TestRoot.create("set-aside");

	static final String BROKEN_VILLAGE = "430528100202";

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry properties) {
		root.configure(properties);
	}

	@MockitoSpyBean
	ReferenceData referenceData;

	@Autowired
	IngestService ingest;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aFileTheProgramFailsOnIsQuarantinedAndTheRunGoesOn() throws Exception {
		Mockito.doAnswer((invocation) -> {
			ReferenceData.Snapshot real = (ReferenceData.Snapshot) invocation.callRealMethod();
			VillageRegistry registry = Mockito.spy(real.registry());
			Mockito.doThrow(new IllegalStateException("planted failure")).when(registry).isKnown(BROKEN_VILLAGE);
			return new ReferenceData.Snapshot(real.catalogue(), registry, real.catalogueSha(), real.registrySha(),
					real.catalogueSource(), real.registrySource());
		}).when(this.referenceData).recent();
		root.drop("湾坝村.csv", SampleReturn.of("430528100201", "2026-10").longFile());
		root.drop("金石镇/江园村.csv", SampleReturn.of(BROKEN_VILLAGE, "2026-10").longFile());

		IngestSummary summary = this.ingest.ingest(Optional.of(LocalDateTime.of(2026, 11, 4, 10, 0)));

		assertThat(summary.status()).isEqualTo("COMPLETED");
		assertThat(List.of(summary.files(), summary.archived(), summary.rejected(), summary.returnsAccepted()))
			.containsExactly(2, 1, 0, 1);
		assertThat(summary.quarantinedFiles()).containsExactly(
				new IngestSummary.QuarantinedFile("quarantine/金石镇/江园村.csv", "IllegalStateException: planted failure"));
		assertThat(root.files()).containsExactly("archive/2026-11-04/湾坝村.csv", "quarantine/金石镇/江园村.csv",
				"quarantine/金石镇/江园村.csv.reason.txt");
		assertThat(Files.readString(root.path().resolve("quarantine/金石镇/江园村.csv.reason.txt")))
			.startsWith("程序处理此文件时出错，已将其隔离（第 1 次运行）。这不是填报人的格式错误")
			.contains("IllegalStateException: planted failure");
		assertThat(this.jdbc.queryForObject("select count(*) from problem", Integer.class)).as("nothing for the clerk")
			.isZero();
		assertThat(this.jdbc.queryForObject("select outcome from inbox_file where file_name = '江园村.csv'", String.class))
			.isEqualTo("QUARANTINED");
	}

}
