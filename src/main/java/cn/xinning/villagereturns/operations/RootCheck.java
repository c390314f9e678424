package cn.xinning.villagereturns.operations;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The root folder checked before Spring starts, so that a file given as {@code --root},
 * or a root the program cannot write to, is told in one line of what to do, not in an
 * embedded-database exception from deep inside the start.
 */
final class RootCheck {

	private RootCheck() {
	}

	/** What is wrong with the root, or empty when it is fine. */
	static Optional<String> problem(Path root, List<String> springArgs) {
		if (Files.exists(root) && !Files.isDirectory(root)) {
			return Optional.of("根目录 " + root + " 是一个文件，不是文件夹。请用 --root 指定一个文件夹（不存在时会自动创建）。/ The root " + root
					+ " is a file, not a folder. Give a folder with --root (it is created when missing).");
		}
		if (!usesEmbeddedDatabase(root, springArgs)) {
			// with a database server a read-only root can still show the history; a run
			// that must write says so itself
			return Optional.empty();
		}
		Path existing = root;
		while (existing != null && !Files.exists(existing)) {
			existing = existing.getParent();
		}
		if (existing != null && !Files.isWritable(existing)) {
			return Optional.of("根目录 " + root + " 不可写（只读或无权限），内置数据库和收件箱都在其中。请让运行程序的用户能写入该目录，或用 --root 指定另一个目录。/"
					+ " The root " + root + " cannot be written (read-only or no permission); the embedded database"
					+ " and the inbox live there. Let the program's user write to it, or give another folder with --root.");
		}
		if (Files.isDirectory(root.resolve("db")) && !Files.isWritable(root.resolve("db"))) {
			return Optional.of("数据库目录 " + root.resolve("db") + " 不可写。请让运行程序的用户能写入该目录。/ The database folder "
					+ root.resolve("db") + " cannot be written. Let the program's user write to it.");
		}
		return Optional.empty();
	}

	/** True unless a database URL is configured anywhere the program reads one from. */
	private static boolean usesEmbeddedDatabase(Path root, List<String> springArgs) {
		if (springArgs.stream().anyMatch((arg) -> arg.startsWith("--spring.datasource.url="))
				|| System.getenv("SPRING_DATASOURCE_URL") != null
				|| System.getProperty("spring.datasource.url") != null) {
			return false;
		}
		Path settings = root.resolve("village-returns.properties");
		try {
			return !Files.isReadable(settings) || !Files.readString(settings).contains("spring.datasource.url");
		}
		catch (IOException | RuntimeException ex) {
			return true;
		}
	}

}
