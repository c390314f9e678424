package cn.xinning.villagereturns.ingest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import cn.xinning.villagereturns.support.ChildProgram;
import cn.xinning.villagereturns.support.SampleReturn;
import cn.xinning.villagereturns.support.TestRoot;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The watcher: files that arrive together go into one run once the inbox has settled, the
 * nightly run happens even with an empty inbox (and raises the flags of overdue returns),
 * and a process already working on the root makes it wait.
 */
@SpringBootTest
class WatchIntegrationTests {

	static final TestRoot root = TestRoot.create("watch");

	static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	/**
	 * The watcher's clock in these tests (its looks are given the time): far from the
	 * nightly 02:00, whatever the time the tests run at.
	 */
	static final ZonedDateTime NOON = ZonedDateTime.of(2026, 11, 4, 12, 0, 0, 0, SHANGHAI);

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry properties) {
		root.configure(properties);
		properties.add("village-returns.inbox.quiet-seconds", () -> "5");
	}

	@Autowired
	IngestService ingest;

	@Autowired
	cn.xinning.villagereturns.intake.RootFolders folders;

	@Autowired
	cn.xinning.villagereturns.VillageReturnsProperties properties;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	NightlyRuns nightlyRuns;

	/** A watcher of its own per test: it remembers when the next nightly run is due. */
	WatchService watch;

	@BeforeEach
	void reset() {
		this.watch = new WatchService(this.ingest, this.folders, this.properties, this.nightlyRuns);
		root.reset(this.jdbc);
		this.jdbc.update("delete from anomaly_flag");
		this.jdbc.update("delete from flag_evaluation");
		this.jdbc.update("delete from nightly_run");
	}

	@Test
	void filesArrivingTogetherGoIntoOneRunOnceTheInboxHasSettled() throws Exception {
		ZonedDateTime now = NOON;
		assertThat(this.watch.tick(now)).isEmpty();
		Path settled = root.drop("金石镇/湾坝村.csv", SampleReturn.of("430528100201", "2026-10").longFile());
		Files.setLastModifiedTime(settled, FileTime.from(now.toInstant().minusSeconds(60)));
		Path arriving = root.drop("金石镇/江园村.csv", SampleReturn.of("430528100202", "2026-10").longFile());
		Files.setLastModifiedTime(arriving, FileTime.from(now.toInstant().minusSeconds(2)));

		assertThat(this.watch.tick(now)).as("江园村.csv is still arriving").isEmpty();
		Files.setLastModifiedTime(arriving, FileTime.from(now.toInstant().minusSeconds(60)));
		Optional<WatchService.Outcome> run = this.watch.tick(now.plusSeconds(10));

		assertThat(run).hasValueSatisfying((outcome) -> {
			assertThat(outcome.reason()).isEqualTo(WatchService.Reason.FILES);
			assertThat(outcome.summary().files()).isEqualTo(2);
			assertThat(outcome.summary().returnsAccepted()).isEqualTo(2);
		});
		assertThat(this.watch.tick(now.plusSeconds(20))).isEmpty();
	}

	@Test
	void theNightlyRunHappensWithAnEmptyInboxAndRaisesOverdueReturns() throws Exception {
		root.drop("湾坝村.csv", SampleReturn.of("430528100201", "2026-10").longFile());
		ZonedDateTime evening = ZonedDateTime.of(2026, 11, 5, 20, 0, 0, 0, SHANGHAI);
		this.ingest.ingest(Optional.of(evening.toLocalDateTime()));
		assertThat(this.watch.tick(evening)).isEmpty();
		assertThat(this.watch.nextNightly()).isEqualTo(ZonedDateTime.of(2026, 11, 6, 2, 0, 0, 0, SHANGHAI));

		assertThat(this.watch.tick(evening.plusHours(5))).isEmpty();
		Optional<WatchService.Outcome> nightly = this.watch.tick(evening.plusHours(6));

		assertThat(nightly).hasValueSatisfying((outcome) -> {
			assertThat(outcome.reason()).isEqualTo(WatchService.Reason.NIGHTLY);
			assertThat(outcome.summary().files()).isZero();
			// 2026-10 was due 2026-11-05 23:59:59: the other 310 villages are overdue
			assertThat(outcome.summary().flagsRaised()).isEqualTo(310);
		});
		assertThat(this.watch.nextNightly()).isEqualTo(ZonedDateTime.of(2026, 11, 7, 2, 0, 0, 0, SHANGHAI));
	}

	@Test
	void aNightlyRunAnotherNodeHasTakenIsNotRunAgain() throws Exception {
		ZonedDateTime evening = ZonedDateTime.of(2026, 11, 5, 20, 0, 0, 0, SHANGHAI);
		WatchService otherNode = new WatchService(this.ingest, this.folders, this.properties, this.nightlyRuns);
		assertThat(this.watch.tick(evening)).isEmpty();
		assertThat(otherNode.tick(evening)).isEmpty();

		Optional<WatchService.Outcome> first = this.watch.tick(evening.plusHours(6));
		Optional<WatchService.Outcome> second = otherNode.tick(evening.plusHours(6).plusSeconds(10));

		assertThat(first)
			.hasValueSatisfying((outcome) -> assertThat(outcome.reason()).isEqualTo(WatchService.Reason.NIGHTLY));
		assertThat(second).isEmpty();
		assertThat(this.jdbc.queryForObject("select count(*) from ingest_run", Integer.class)).isEqualTo(1);
		ZonedDateTime tomorrow = ZonedDateTime.of(2026, 11, 7, 2, 0, 0, 0, SHANGHAI);
		assertThat(this.watch.nextNightly()).isEqualTo(tomorrow);
		assertThat(otherNode.nextNightly()).isEqualTo(tomorrow);
	}

	@Test
	void theWatchCommandTakesNewFilesWithinAMinuteAndStopsOnSigterm() throws Exception {
		Path watched = TestRoot.create("watch-child").path();
		ChildProgram child = ChildProgram.start(watched, "watch", "--root", watched.toString(),
				"--village-returns.watch.poll-seconds=1", "--village-returns.inbox.quiet-seconds=1",
				// no nightly run in the middle of the test, whenever it runs
				"--village-returns.watch.nightly-cron=0 0 2 29 2 *");
		child.awaitOutput("正在监视 watching", Duration.ofMinutes(1));
		Path file = watched.resolve("inbox/湾坝村.csv");
		Files.createDirectories(file.getParent());
		Files.writeString(file, SampleReturn.of("430528100201", "2026-10").longFile());
		Instant dropped = Instant.now();

		child.awaitOutput("运行 run #1 已完成 completed", Duration.ofMinutes(1));

		assertThat(Duration.between(dropped, Instant.now())).isLessThan(Duration.ofMinutes(1));
		try (var archived = Files.walk(watched.resolve("archive"))) {
			assertThat(archived.filter(Files::isRegularFile).map((p) -> p.getFileName().toString()).toList())
				.isEqualTo(List.of("湾坝村.csv"));
		}
		child.terminate();
		assertThat(child.waitFor(Duration.ofMinutes(1))).isZero();
		assertThat(child.output()).contains("已停止 stopped watching");
	}

}
