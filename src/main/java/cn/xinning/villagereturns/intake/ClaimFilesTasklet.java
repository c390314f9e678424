package cn.xinning.villagereturns.intake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import cn.xinning.villagereturns.intake.InboxFiles.Registration;
import cn.xinning.villagereturns.support.Sha256;

/**
 * Claims the ready inbox files for a run: each is moved into the run's own work folder
 * (an atomic rename, so two runs can never both take a file), then registered in
 * {@code inbox_file}. If the process dies between the two, the restarted step registers
 * what is already in the work folder.
 */
public class ClaimFilesTasklet implements Tasklet {

	private static final Logger log = LoggerFactory.getLogger(ClaimFilesTasklet.class);

	private final long runId;

	private final RootFolders folders;

	private final InboxFiles inboxFiles;

	private final Duration quiet;

	private final InboxLeftovers leftovers;

	/** Files hashed and recorded at a time. */
	private static final int BATCH = 1000;

	public ClaimFilesTasklet(long runId, RootFolders folders, InboxFiles inboxFiles, Duration quiet,
			InboxLeftovers leftovers) {
		this.leftovers = leftovers;
		this.runId = runId;
		this.folders = folders;
		this.inboxFiles = inboxFiles;
		this.quiet = quiet;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws IOException {
		Path work = this.folders.workOf(this.runId);
		Files.createDirectories(work);
		// a restarted claim must not register twice what it registered before it died
		Set<String> registered = this.inboxFiles.registeredPaths(this.runId);
		// A first attempt, with nothing in the work folder yet, registers each file as it
		// moves it: what it moved is all the folder will hold. Walking the folder again
		// for them took a province's claim a fifth of its time. Any other attempt (the
		// last one died between a move and its registration) walks it after the moves.
		boolean fresh = registered.isEmpty() && isEmpty(work);
		this.inboxFiles.prepareClaim(this.runId);
		int[] moved = { 0 };
		Set<Path> madeFolders = new HashSet<>();
		madeFolders.add(work);
		List<InboxScanner.Leftover> left = new ArrayList<>();
		int[] leftTotal = { 0 };
		Registrar registrar = new Registrar();
		InboxScanner.forEach(this.folders.inbox(), Instant.now(), this.quiet, (entry) -> {
			Path target = work.resolve(entry.relativePath());
			if (claim(entry, target, madeFolders, !fresh)) {
				moved[0]++;
				if (fresh) {
					registrar.add(new InboxScanner.InboxEntry(target, entry.relativePath()));
				}
			}
		}, (leftover) -> {
			if (leftTotal[0]++ < InboxLeftovers.KEPT) {
				left.add(leftover);
			}
		});
		this.leftovers.record(this.runId, left, leftTotal[0]);
		if (!fresh) {
			InboxScanner.forEachReady(work, Instant.now(), Duration.ZERO, (entry) -> {
				if (!registered.contains(entry.relativePath())) {
					registrar.add(entry);
				}
			});
		}
		int found = registrar.finish();
		this.inboxFiles.recordClaimed(this.runId, !registered.isEmpty());
		this.inboxFiles.recordContents(this.runId);
		contribution.incrementWriteCount(found);
		log.info("Run {} claimed {} files ({} moved from the inbox now); {} left in the inbox", this.runId,
				found + registered.size(), moved[0], leftTotal[0]);
		return RepeatStatus.FINISHED;
	}

	private static boolean isEmpty(Path folder) throws IOException {
		try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
			return !entries.iterator().hasNext();
		}
	}

	/**
	 * Records the files found, a batch at a time; memory stays the same for ten files or
	 * a million. A batch is hashed (every processor takes a share) while the walk goes on
	 * to fill the next one: hashing on the walk's thread left a processor idle while the
	 * claim moved files, and moving them left one idle while it hashed. The records are
	 * written on the walk's thread, in the step's transaction.
	 */
	private final class Registrar {

		private final List<InboxScanner.InboxEntry> batch = new ArrayList<>(BATCH);

		private CompletableFuture<List<Registration>> hashing = CompletableFuture.completedFuture(List.of());

		private int recorded;

		void add(InboxScanner.InboxEntry entry) {
			this.batch.add(entry);
			if (this.batch.size() == BATCH) {
				hashNext();
			}
		}

		/** Records every file added; returns how many. */
		int finish() {
			hashNext();
			recordHashed();
			return this.recorded;
		}

		private void hashNext() {
			List<InboxScanner.InboxEntry> files = List.copyOf(this.batch);
			this.batch.clear();
			recordHashed();
			this.hashing = files.isEmpty() ? CompletableFuture.completedFuture(List.of()) : CompletableFuture
				.supplyAsync(() -> files.parallelStream().map(ClaimFilesTasklet::registration).toList());
		}

		private void recordHashed() {
			List<Registration> hashed;
			try {
				hashed = this.hashing.join();
			}
			catch (CompletionException ex) {
				throw (ex.getCause() instanceof RuntimeException cause) ? cause : ex;
			}
			if (!hashed.isEmpty()) {
				ClaimFilesTasklet.this.inboxFiles.register(ClaimFilesTasklet.this.runId, hashed);
				this.recorded += hashed.size();
			}
		}

	}

	private static Registration registration(InboxScanner.InboxEntry entry) {
		try {
			return new Registration(entry.relativePath(), entry.fileName(), Files.size(entry.path()),
					Sha256.of(entry.path()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the claimed file " + entry.path(), ex);
		}
	}

	/**
	 * False when another run took the file first, or a file of that name is already
	 * claimed ({@code mayExist}: the work folder held files before this claim began).
	 */
	private boolean claim(InboxScanner.InboxEntry entry, Path target, Set<Path> madeFolders, boolean mayExist) {
		// a rename replaces what it moves onto: a work folder that was empty when the
		// claim began holds nothing but what it moved, each under its own name
		if (mayExist && Files.exists(target)) {
			// a restarted run already holds a file of that name: leave this one for the
			// next run
			return false;
		}
		try {
			// making an existing folder again costs a failed system call and an
			// exception, for each of a province's 50,000 files
			if (madeFolders.add(target.getParent())) {
				Files.createDirectories(target.getParent());
			}
			Files.move(entry.path(), target, StandardCopyOption.ATOMIC_MOVE);
			return true;
		}
		catch (NoSuchFileException | FileAlreadyExistsException ex) {
			return false;
		}
		catch (AtomicMoveNotSupportedException ex) {
			throw new IllegalStateException("The inbox and the work folder must be on the same file system: "
					+ this.folders.inbox() + ", " + target, ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot claim " + entry.path(), ex);
		}
	}

}
