package cn.xinning.villagereturns.console;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import cn.xinning.villagereturns.operations.Cli;
import cn.xinning.villagereturns.support.TestRoot;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code users add|list|passwd|disable}: users in the database with BCrypt hashes, the
 * password from standard input, refusals in both languages with exit status 2.
 */
class UsersCommandIntegrationTests {

	final StringWriter out = new StringWriter();

	final StringWriter err = new StringWriter();

	@AfterAll
	static void forgetRoot() {
		System.clearProperty("village-returns.root");
	}

	@Test
	void addsListsChangesAndDisablesUsers() {
		TestRoot root = TestRoot.create("users");
		String dir = root.path().toString();

		assertThat(run("s3cret-pass\n", "users", "add", "zhang", "--root", dir, "--role", "CLERK", "--township",
				"430528100", "--password-stdin", "--must-change"))
			.isZero();
		assertThat(run("short\n", "users", "add", "li", "--root", dir, "--role", "VIEWER", "--password-stdin"))
			.isEqualTo(2);
		assertThat(this.err.toString())
			.contains("密码至少要 8 个字符，并且不能和用户名相同。 / A password has at least 8 characters and is not the user name.");
		assertThat(run("another-pass\n", "users", "add", "wang", "--root", dir, "--role", "VIEWER", "--township",
				"430528100", "--password-stdin"))
			.isEqualTo(2);
		assertThat(this.err.toString()).contains("只有填报员（CLERK）可以限定乡镇。");
		assertThat(run("another-pass\n", "users", "add", "../x", "--root", dir, "--role", "VIEWER", "--password-stdin"))
			.isEqualTo(2);
		assertThat(run("another-pass\n", "users", "add", "zhao", "--root", dir, "--role", "CLERK", "--township",
				"999999999", "--password-stdin"))
			.isEqualTo(2);
		assertThat(this.err.toString()).contains("村名册里没有乡镇代码 999999999");
		assertThat(run("", "users", "passwd", "zhang", "--root", dir, "--password-stdin")).isEqualTo(2);
		assertThat(run("new-pass-123\n", "users", "passwd", "zhang", "--root", dir, "--password-stdin")).isZero();
		assertThat(run("", "users", "disable", "zhang", "--root", dir)).isZero();

		this.out.getBuffer().setLength(0);
		assertThat(run("", "users", "list", "--root", dir)).isZero();
		assertThat(this.out.toString()).containsPattern("zhang +CLERK +430528100 +disabled");
		assertThat(this.out.toString()).doesNotContain("s3cret", "new-pass-123");
	}

	private int run(String stdin, String... args) {
		InputStream previous = System.in;
		System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
		try {
			return Cli.run(args, new PrintWriter(this.out, true), new PrintWriter(this.err, true));
		}
		finally {
			System.setIn(previous);
		}
	}

}
