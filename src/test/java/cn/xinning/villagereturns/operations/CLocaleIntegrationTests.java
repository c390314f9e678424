package cn.xinning.villagereturns.operations;

import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.xinning.villagereturns.support.ChildProgram;
import cn.xinning.villagereturns.support.SampleReturn;
import cn.xinning.villagereturns.support.TestRoot;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The program started the way cron and systemd start it, under the C locale, where the
 * JVM cannot represent a Chinese file name: it starts itself again under C.UTF-8 and
 * files the clerk's file under its own name.
 */
class CLocaleIntegrationTests {

	static final Map<String, String> C_LOCALE = Map.of("LANG", "C", "LC_ALL", "C", "LC_CTYPE", "",
			FileNameEncoding.RELAUNCHED, "");

	@Test
	void aChineseFileNameIsClaimedAndArchivedUnderTheCLocale() {
		TestRoot root = TestRoot.create("c-locale-湾坝");
		root.drop("金石镇/湾坝村.csv", SampleReturn.of("430528100201", "2026-10").longFile());

		ChildProgram.Result result = ChildProgram.run(root.path(), C_LOCALE, "ingest", "--root", root.path().toString(),
				"--as-of", "2026-11-04T10:00");

		assertThat(result.status()).as(result.output()).isZero();
		assertThat(result.output()).contains("报表 returns：接收 accepted 1，拒收 rejected 0，重复 duplicate 0");
		assertThat(root.files()).contains("archive/2026-11-04/金石镇/湾坝村.csv").noneMatch((f) -> f.startsWith("inbox/"));
	}

	@Test
	void withoutAUtf8LocaleTheProgramRefusesClearlyAndTakesNoFile() {
		TestRoot root = TestRoot.create("c-locale-refused");
		root.drop("湾坝村.csv", SampleReturn.of("430528100201", "2026-10").longFile());
		// as if C.UTF-8 did not exist: the program was started again and still has no
		// UTF-8
		Map<String, String> environment = new java.util.HashMap<>(C_LOCALE);
		environment.put(FileNameEncoding.RELAUNCHED, "ANSI_X3.4-1968");

		ChildProgram.Result result = ChildProgram.run(root.path(), environment, "ingest", "--root",
				root.path().toString());

		assertThat(result.status()).isEqualTo(2);
		assertThat(result.output()).isEqualTo(FileNameEncoding.refusal("ANSI_X3.4-1968") + "\n");
		assertThat(root.files()).containsExactly("inbox/湾坝村.csv");
	}

}
