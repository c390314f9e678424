package cn.xinning.villagereturns.intake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Finds the inbox files that are ready: not hidden, not an Office lock file
 * ({@code ~$*}), not a download or copy in progress ({@code *.tmp}, {@code *.part},
 * {@code *.crdownload}), and not modified within the quiet period (it may still be being
 * written).
 */
public final class InboxScanner {

	private static final Set<String> IN_PROGRESS_SUFFIXES = Set.of(".tmp", ".part", ".crdownload");

	private static final Set<String> SYSTEM_FILES = Set.of("thumbs.db", "desktop.ini");

	private InboxScanner() {
	}

	/**
	 * A file ready to be claimed.
	 *
	 * @param path where it is
	 * @param relativePath its path under the folder scanned, with forward slashes
	 */
	public record InboxEntry(Path path, String relativePath) {

		public String fileName() {
			return this.path.getFileName().toString();
		}

	}

	/**
	 * The order in which returns of one run are taken: file name, then path (spec section
	 * 5).
	 */
	public static final Comparator<InboxEntry> ORDER = Comparator.comparing(InboxEntry::fileName)
		.thenComparing(InboxEntry::relativePath);

	/**
	 * Every ready file under {@code folder}, in claim order; {@code quiet} zero takes
	 * files of any age.
	 */
	public static List<InboxEntry> ready(Path folder, Instant now, Duration quiet) {
		List<InboxEntry> entries = new ArrayList<>();
		forEachReady(folder, now, quiet, entries::add);
		entries.sort(ORDER);
		return entries;
	}

	/** Why a file was left in the inbox. */
	public enum LeftReason {

		/** Modified within the quiet period: it may still be being written. */
		BEING_WRITTEN,
		/**
		 * A hidden file or folder (its name starts with a dot, or it is marked hidden).
		 */
		HIDDEN,
		/**
		 * A download or copy in progress: {@code *.tmp}, {@code *.part},
		 * {@code *.crdownload}.
		 */
		TEMPORARY,
		/** An Office lock file, {@code ~$*}: the workbook is open somewhere. */
		OFFICE_LOCK,
		/** {@code Thumbs.db}, {@code desktop.ini}: written by Windows, not by a clerk. */
		SYSTEM_FILE,
		/**
		 * A symbolic link: only files dropped into the inbox are taken, not links to
		 * others.
		 */
		SYMLINK,
		/** A FIFO, socket or device: not a file with content. */
		NOT_A_FILE

	}

	/**
	 * A file (or hidden folder) the scan did not take, and why.
	 *
	 * @param relativePath its path under the folder scanned, with forward slashes
	 * @param reason why it was left
	 */
	public record Leftover(String relativePath, LeftReason reason) {
	}

	/**
	 * Every ready file under {@code folder}, in no particular order, without holding them
	 * all.
	 */
	public static void forEachReady(Path folder, Instant now, Duration quiet, Consumer<InboxEntry> action) {
		forEach(folder, now, quiet, action, (leftover) -> {
		});
	}

	/**
	 * Every file under {@code folder}: the ready ones to {@code action}, every other one
	 * (and each hidden folder, whose content is not looked at) to {@code left}, so that
	 * no file is ever ignored silently.
	 */
	public static void forEach(Path folder, Instant now, Duration quiet, Consumer<InboxEntry> action,
			Consumer<Leftover> left) {
		if (!Files.isDirectory(folder)) {
			return;
		}
		try {
			Files.walkFileTree(folder, new SimpleFileVisitor<>() {

				@Override
				public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
					if (!dir.equals(folder) && (dir.getFileName().toString().startsWith(".") || Files.isHidden(dir))) {
						left.accept(new Leftover(RootFolders.slashed(folder.relativize(dir)) + "/", LeftReason.HIDDEN));
						return FileVisitResult.SKIP_SUBTREE;
					}
					return FileVisitResult.CONTINUE;
				}

				@Override
				public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
					String relative = RootFolders.slashed(folder.relativize(file));
					LeftReason reason = reasonToLeave(file, attrs, now.minus(quiet));
					if (reason == null) {
						action.accept(new InboxEntry(file, relative));
					}
					else {
						left.accept(new Leftover(relative, reason));
					}
					return FileVisitResult.CONTINUE;
				}

				@Override
				public FileVisitResult visitFileFailed(Path file, IOException ex) {
					// A file that disappears while we look (another run claimed it) is
					// simply not ours.
					if (ex instanceof NoSuchFileException) {
						return FileVisitResult.CONTINUE;
					}
					throw new UncheckedIOException(ex);
				}

			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the inbox " + folder, ex);
		}
	}

	/**
	 * Whether a file of this name is never taken from the inbox (hidden, an Office lock,
	 * a system or temporary file): the console refuses to upload one.
	 */
	public static boolean isIgnored(String fileName) {
		return reasonToLeave(fileName) != null;
	}

	/** What the name alone says: null when it may be taken. */
	private static LeftReason reasonToLeave(String name) {
		String lower = name.toLowerCase(Locale.ROOT);
		if (name.startsWith(".")) {
			return LeftReason.HIDDEN;
		}
		if (name.startsWith("~$")) {
			return LeftReason.OFFICE_LOCK;
		}
		if (SYSTEM_FILES.contains(lower)) {
			return LeftReason.SYSTEM_FILE;
		}
		if (IN_PROGRESS_SUFFIXES.stream().anyMatch(lower::endsWith)) {
			return LeftReason.TEMPORARY;
		}
		return null;
	}

	/** Null when the file is ready to be taken. */
	static LeftReason reasonToLeave(Path file, BasicFileAttributes attrs, Instant quietSince) throws IOException {
		String name = file.getFileName().toString();
		String lower = name.toLowerCase(Locale.ROOT);
		if (attrs.isSymbolicLink()) {
			return LeftReason.SYMLINK;
		}
		if (!attrs.isRegularFile()) {
			return LeftReason.NOT_A_FILE;
		}
		LeftReason byName = reasonToLeave(name);
		if (byName != null) {
			return byName;
		}
		if (Files.isHidden(file)) {
			return LeftReason.HIDDEN;
		}
		if (attrs.lastModifiedTime().toInstant().isAfter(quietSince)) {
			return LeftReason.BEING_WRITTEN;
		}
		return null;
	}

}
