package cn.xinning.villagereturns.operations;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import cn.xinning.villagereturns.support.ChildProgram;
import cn.xinning.villagereturns.support.Sha256;
import cn.xinning.villagereturns.support.TestRoot;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole hostile corpus in one inbox, through the real program in a child JVM with a
 * heap of 256 MiB: byte flips, truncation, NUL bytes, a 100 kB line, a 60 MB file of 1.7
 * million rows repeating one value (made here, never committed), a 10 MB wide file of
 * 200,000 returns, formula cells and hostile names, beside clean returns of the sample
 * county. The run completes, and every file ends in exactly one place.
 */
class HostileCorpusIntegrationTests {

	private static final String AS_OF = "2026-11-04T10:00";

	private static final Path SAMPLE = Path.of("sample-data/2026-10");

	private static final String LONG_HEADER = "village_code,period,indicator_code,value\n";

	private static final int POISON_ROWS = 1_700_000;

	private static final List<String> HOSTILE_NAMES = List.of("sub\\..\\..\\evil.csv", "$(touch pwned).csv", "-rf.csv",
			"a\tb;c'd\".csv", "村".repeat(80) + ".csv");

	@Test
	void aSmallHeapTakesTheWholeCorpusAndFilesEveryFileInExactlyOnePlace() throws Exception {
		Path root = TestRoot.create("hostile").path();
		Path inbox = Files.createDirectories(root.resolve("inbox"));
		Map<String, Integer> expected = new HashMap<>();
		List<Path> clean = cleanSamples();
		for (Path sample : clean) {
			drop(inbox.resolve(sample.getFileName().toString()), Files.readAllBytes(sample), expected);
		}
		byte[] wide = Files.readAllBytes(clean.get(0));
		Random random = new Random(20261104);
		for (int i = 1; i <= 5; i++) {
			byte[] flipped = wide.clone();
			for (int flip = 0; flip < 8; flip++) {
				flipped[random.nextInt(flipped.length)] ^= (byte) (1 << random.nextInt(8));
			}
			drop(inbox.resolve("flipped-" + i + ".csv"), flipped, expected);
		}
		drop(inbox.resolve("truncated.csv"), Arrays.copyOf(wide, wide.length / 2 + 7), expected);
		byte[] nul = wide.clone();
		nul[nul.length / 3] = 0;
		nul[nul.length / 2] = 0;
		drop(inbox.resolve("nul-bytes.csv"), nul, expected);
		drop(inbox.resolve("long-line.csv"),
				(LONG_HEADER + "430528101001,2026-10,HOME_VISITS," + "9".repeat(100_000) + "\n")
					.getBytes(StandardCharsets.UTF_8),
				expected);
		drop(inbox.resolve("formulas.csv"),
				(LONG_HEADER + "430528101001,2026-10,HOME_VISITS,=1+2\n"
						+ "430528101001,2026-10,=HYPERLINK(\"http://example.com\",\"x\"),5\n"
						+ "@SUM(A1),2026-10,PAIRED_HOUSEHOLDS,+7\n" + "430528101001,-2026-10,PAIRED_CADRES,-1+3\n")
					.getBytes(StandardCharsets.UTF_8),
				expected);
		byte[] village = Files.readAllBytes(clean.get(1));
		for (String name : HOSTILE_NAMES) {
			drop(inbox.resolve(name), village, expected);
		}
		// what a run must leave in the inbox, and name
		drop(inbox.resolve("..\\..\\evil.csv"), village, expected);
		drop(inbox.resolve("~$一渡水镇_2026-10.csv"), village, expected);
		drop(inbox.resolve("download.csv.part"), village, expected);
		Path writing = inbox.resolve("still-writing.csv");
		drop(writing, village, expected);
		// modified "now" for as long as the test runs: inside the quiet period whatever
		// the machine's speed
		Files.setLastModifiedTime(writing, FileTime.from(Instant.now().plusSeconds(86_400)));
		Files.createSymbolicLink(inbox.resolve("link.csv"), root.resolve("elsewhere.csv"));
		Files.write(root.resolve("elsewhere.csv"), village);
		assertThat(new ProcessBuilder("mkfifo", inbox.resolve("fifo.csv").toString()).start().waitFor()).isZero();
		Path poison = inbox.resolve("poison-60mb.csv");
		writeRepeated(poison, LONG_HEADER, "430528101001,2026-10,HOME_VISITS,5\r\n", POISON_ROWS);
		expect(poison, expected);
		Path manyReturns = inbox.resolve("many-returns-wide.csv");
		writeRepeated(manyReturns, "village_code,period,HOME_VISITS\n", "430528101001,2026-10,5\n", 200_000);
		expect(manyReturns, expected);
		assertThat(Files.size(poison)).isGreaterThan(60_000_000L);

		ChildProgram.Result run = ChildProgram.run("256m", root, "ingest", "--root", root.toString(), "--as-of", AS_OF);

		assertThat(run.status()).as(run.output()).isZero();
		assertThat(run.output()).contains("已完成 completed");
		assertThat(filedAway(root)).as("every file in exactly one place").isEqualTo(expected);
		try (Stream<Path> left = Files.list(root.resolve("inbox"))) {
			assertThat(left.map((path) -> path.getFileName().toString())).containsExactlyInAnyOrder("..\\..\\evil.csv",
					"~$一渡水镇_2026-10.csv", "download.csv.part", "still-writing.csv", "link.csv", "fifo.csv");
		}
		assertThat(run.output()).contains("留在收件箱的文件 left in the inbox：6 个（本次未处理）：",
				"  ..\\..\\evil.csv：隐藏文件（名称以点开头），如需处理请改名 hidden",
				"  download.csv.part：下载或复制未完成的临时文件（.tmp、.part、.crdownload），完成后请改名 temporary",
				"  fifo.csv：不是普通文件（管道、套接字或设备） not a file", "  link.csv：符号链接，请把文件本身复制到收件箱 symlink",
				"  still-writing.csv：刚被修改，可能仍在写入，下次运行会处理 being written",
				"  ~$一渡水镇_2026-10.csv：Office 锁文件（~$），请关闭该工作簿 Office lock");
		assertThat(ChildProgram.run(root, "executions", "show", "1", "--root", root.toString()).output())
			.contains("留在收件箱的文件 left in the inbox：6 个（本次未处理）：");
		assertThat(root.resolve("work")).isEmptyDirectory();
		// the same content as a village's file, taken after it: duplicates, archived
		// under
		// the names as written (a backslash is part of a name, never a way out of a
		// folder)
		for (String name : HOSTILE_NAMES) {
			assertThat(root.resolve("archive/2026-11-04").resolve(name)).isRegularFile();
		}
		assertThat(root.getParent().resolve("evil.csv")).doesNotExist();

		List<String> poisonErrors = Files.readAllLines(root.resolve("rejected/poison-60mb.csv.errors.csv"));
		// rows kept: one per indicator of the catalogue (20) plus 20; the first is a
		// value,
		// the 39 after it are duplicates; the other 16 required indicators are absent;
		// one
		// row says how many were not checked
		assertThat(poisonErrors).hasSize(1 + 39 + 16 + 1);
		assertThat(poisonErrors).filteredOn((line) -> line.contains(",V-DUPLICATE,")).hasSize(40);
		assertThat(poisonErrors).filteredOn((line) -> line.contains(",V-REQUIRED,")).hasSize(16);
		assertThat(poisonErrors).anyMatch((line) -> line.startsWith("2,,,V-DUPLICATE,ERROR,")
				&& line.contains("1700000 行数据") && line.contains("其中 1699960 行未逐行检查"));
		List<String> manyErrors = Files.readAllLines(root.resolve("rejected/many-returns-wide.csv.errors.csv"));
		// refused whole at the 5001st return, with the 16 required columns it lacks
		assertThat(manyErrors).hasSize(1 + 1 + 16);
		assertThat(manyErrors.get(1)).contains(",,,F-FORMAT,ERROR,文件中的报表（村和报告期的组合）超过 5000 份");
		assertThat(manyErrors).filteredOn((line) -> line.contains(",V-REQUIRED,")).hasSize(16);
	}

	/** The sample's first wide township file and one village's file. */
	private static List<Path> cleanSamples() throws IOException {
		List<Path> samples = new ArrayList<>();
		samples.add(SAMPLE.resolve("一渡水镇_2026-10.csv"));
		samples.add(SAMPLE.resolve("上坳村2026年10月月报.csv"));
		samples.add(SAMPLE.resolve("北桥村_2026-10.csv"));
		for (Path sample : samples) {
			assertThat(sample).isRegularFile();
		}
		return samples;
	}

	private static void drop(Path file, byte[] content, Map<String, Integer> expected) throws IOException {
		Files.write(file, content);
		expect(file, expected);
	}

	/** Old enough not to look half-written; counted by content. */
	private static void expect(Path file, Map<String, Integer> expected) throws IOException {
		Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(3600)));
		expected.merge(Sha256.of(file), 1, Integer::sum);
	}

	private static void writeRepeated(Path file, String header, String row, int rows) throws IOException {
		byte[] bytes = row.getBytes(StandardCharsets.UTF_8);
		try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
			out.write(header.getBytes(StandardCharsets.UTF_8));
			for (int i = 0; i < rows; i++) {
				out.write(bytes);
			}
		}
	}

	/**
	 * The input files wherever they are now, counted by content: archive, rejected,
	 * quarantine, inbox, work.
	 */
	private static Map<String, Integer> filedAway(Path root) throws IOException {
		Map<String, Integer> found = new HashMap<>();
		for (String folder : List.of("archive", "rejected", "quarantine", "inbox", "work")) {
			Path base = root.resolve(folder);
			if (!Files.isDirectory(base)) {
				continue;
			}
			try (Stream<Path> paths = Files.walk(base)) {
				for (Path path : paths.filter((p) -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).toList()) {
					String name = path.getFileName().toString();
					if (!name.endsWith(".errors.csv") && !name.endsWith(".reason.txt")) {
						found.merge(Sha256.of(path), 1, Integer::sum);
					}
				}
			}
		}
		return found;
	}

}
