package cn.xinning.villagereturns.support;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Test-only (it lives in the test classes, so the packaged program never has it): when a
 * child process of a test is started with {@code --crash-test.pause-at=SQL-PREFIX}, the
 * n-th ({@code --crash-test.occurrence}, default 1) statement starting so prints
 * {@code CRASH-POINT <prefix>} and then waits ({@code --crash-test.pause-millis}, default
 * for ever) before it runs: the test kills the process there, or lets it go on after a
 * pause; with {@code --crash-test.resume-file=PATH} it waits until that file exists, so
 * that a test decides when it goes on, whatever the machine's speed. Statements are
 * chosen right after a file move or before a commit, where a crash hurts most.
 */
@AutoConfiguration
@ConditionalOnProperty("crash-test.pause-at")
public class CrashPointAutoConfiguration {

	public static final String MARK = "CRASH-POINT";

	@Bean
	static BeanPostProcessor crashPoint(Environment environment) {
		String prefix = environment.getRequiredProperty("crash-test.pause-at").toLowerCase(Locale.ROOT);
		int occurrence = environment.getProperty("crash-test.occurrence", Integer.class, 1);
		long pause = environment.getProperty("crash-test.pause-millis", Long.class, Long.MAX_VALUE);
		String resumeFile = environment.getProperty("crash-test.resume-file");
		AtomicInteger seen = new AtomicInteger();
		PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
		return StatementInterceptor.beforePrepare((connection, sql) -> {
			if (sql.toLowerCase(Locale.ROOT).startsWith(prefix) && seen.incrementAndGet() == occurrence) {
				out.println(MARK + " " + prefix + " #" + occurrence);
				if (resumeFile != null) {
					Path resume = Path.of(resumeFile);
					while (!Files.exists(resume)) {
						Thread.sleep(20);
					}
				}
				else {
					Thread.sleep(pause);
				}
			}
		});
	}

}
