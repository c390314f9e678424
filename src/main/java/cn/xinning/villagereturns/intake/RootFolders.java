package cn.xinning.villagereturns.intake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * Every file location derives from one root folder (spec section 8).
 *
 * <pre>
 * inbox/            clerks drop files here (subfolders allowed)
 * work/run-N/       files claimed by run N, until they are filed away
 * archive/DATE/     processed files, by business date received
 * rejected/         files with at least one rejected return, with NAME.errors.csv beside each
 * quarantine/       files the program failed on, with NAME.reason.txt for the administrator
 * db/               the embedded database
 * </pre>
 */
public record RootFolders(Path root) {

	public RootFolders {
		root = root.toAbsolutePath().normalize();
	}

	public Path inbox() {
		return this.root.resolve("inbox");
	}

	public Path work() {
		return this.root.resolve("work");
	}

	public Path workOf(long runId) {
		return work().resolve("run-" + runId);
	}

	public Path archive(LocalDate received) {
		return this.root.resolve("archive").resolve(received.toString());
	}

	public Path rejected() {
		return this.root.resolve("rejected");
	}

	/** Files the program failed on: for the administrator, not the clerk. */
	public Path quarantine() {
		return this.root.resolve("quarantine");
	}

	public void createAll() {
		try {
			Files.createDirectories(inbox());
			Files.createDirectories(work());
			Files.createDirectories(this.root.resolve("archive"));
			Files.createDirectories(rejected());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create the folders under " + this.root, ex);
		}
	}

	/** A path under the root, with forward slashes, as stored and shown. */
	public String relative(Path path) {
		return slashed(this.root.relativize(path.toAbsolutePath().normalize()));
	}

	/**
	 * A relative path with forward slashes between its names. Only the separators are
	 * replaced: a backslash inside a name (legal on Linux, and what a Windows path pasted
	 * as a name looks like: {@code ..\\..\\x.csv}) stays part of that name, so it can
	 * never climb out of a folder, and the name is filed away as it was written.
	 */
	public static String slashed(Path relative) {
		StringBuilder text = new StringBuilder();
		for (Path name : relative) {
			if (!text.isEmpty()) {
				text.append('/');
			}
			text.append(name);
		}
		return text.toString();
	}

}
