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

	/**
	 * Files hashed and recorded at a time: memory stays the same for ten files or a
	 * million.
	 */
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
		List<InboxScanner.InboxEntry> batch = new ArrayList<>(BATCH);
		int[] found = { 0 };
		InboxScanner.forEach(this.folders.inbox(), Instant.now(), this.quiet, (entry) -> {
			Path target = work.resolve(entry.relativePath());
			if (claim(entry, target, madeFolders, !fresh)) {
				moved[0]++;
				if (fresh) {
					batch.add(new InboxScanner.InboxEntry(target, entry.relativePath()));
					if (batch.size() == BATCH) {
						found[0] += register(batch);
					}
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
					batch.add(entry);
					if (batch.size() == BATCH) {
						found[0] += register(batch);
					}
				}
			});
		}
		found[0] += register(batch);
		this.inboxFiles.recordClaimed(this.runId, !registered.isEmpty());
		this.inboxFiles.recordContents(this.runId);
		contribution.incrementWriteCount(found[0]);
		log.info("Run {} claimed {} files ({} moved from the inbox now); {} left in the inbox", this.runId,
				found[0] + registered.size(), moved[0], leftTotal[0]);
		return RepeatStatus.FINISHED;
	}

	private static boolean isEmpty(Path folder) throws IOException {
		try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
			return !entries.iterator().hasNext();
		}
	}

	/**
	 * Hashes a batch of files (every processor takes a share) and records them; empties
	 * the batch.
	 */
	private int register(List<InboxScanner.InboxEntry> batch) {
		List<Registration> registrations = batch.parallelStream().map(ClaimFilesTasklet::registration).toList();
		this.inboxFiles.register(this.runId, registrations);
		batch.clear();
		return registrations.size();
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
