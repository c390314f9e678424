package cn.xinning.villagereturns.console.upload;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;

import cn.xinning.villagereturns.VillageReturnsProperties;
import cn.xinning.villagereturns.console.audit.Audit;
import cn.xinning.villagereturns.ingest.DryRunService;
import cn.xinning.villagereturns.intake.RootFolders;
import cn.xinning.villagereturns.support.BusinessTime;
import cn.xinning.villagereturns.support.Sha256;

/**
 * A clerk's upload: checked at once with the dry run's validation (the rules of a run,
 * nothing stored), kept aside until the clerk submits it, then moved into the inbox under
 * {@code console/YYYY-MM/N-NAME} (N the upload's number: it cannot collide) and recorded
 * with who uploaded it. The watcher (or the next run) takes it from there.
 */
@Service
public class UploadService {

	private final DryRunService dryRun;

	private final Uploads uploads;

	private final Audit audit;

	private final RootFolders folders;

	private final VillageReturnsProperties properties;

	public UploadService(DryRunService dryRun, Uploads uploads, Audit audit, RootFolders folders,
			VillageReturnsProperties properties) {
		this.dryRun = dryRun;
		this.uploads = uploads;
		this.audit = audit;
		this.folders = folders;
		this.properties = properties;
	}

	/**
	 * A checked file waiting for the clerk's submit.
	 *
	 * @param token its key in the clerk's session
	 * @param name the file's name
	 * @param size bytes
	 * @param sha256 content hash
	 * @param check what a run would do with it
	 * @param refusal why it may not be submitted (a message key and arguments), if so
	 */
	public record Staged(String token, String name, long size, String sha256, DryRunService.FileCheck check,
			Optional<Refusal> refusal) {
	}

	/**
	 * @param key message key
	 * @param arguments its arguments
	 */
	public record Refusal(String key, List<String> arguments) {
	}

	public long maxBytes() {
		return this.properties.inbox().maxFileMegabytes() * 1024L * 1024L;
	}

	/**
	 * Refuses a bad name or an oversize file at once (nothing kept); else checks the
	 * content and keeps it aside.
	 * @param township a CLERK's township: a file with a return of another township may
	 * not be submitted
	 */
	public Staged check(String name, long size, java.io.InputStream content, Optional<String> township, Locale locale)
			throws IOException {
		Optional<String> nameProblem = UploadName.problem(name);
		if (nameProblem.isPresent()) {
			return new Staged("", String.valueOf(name), size, "", null,
					Optional.of(new Refusal(nameProblem.get(), List.of(String.valueOf(name)))));
		}
		if (size > maxBytes()) {
			return new Staged("", name, size, "", null, Optional.of(new Refusal("console.upload.tooLarge",
					List.of(String.valueOf(size), String.valueOf(this.properties.inbox().maxFileMegabytes())))));
		}
		byte[] bytes = content.readNBytes((int) Math.min(size, maxBytes()) + 1);
		if (bytes.length > maxBytes()) {
			return new Staged("", name, bytes.length, "", null, Optional.of(new Refusal("console.upload.tooLarge", List
				.of(String.valueOf(bytes.length), String.valueOf(this.properties.inbox().maxFileMegabytes())))));
		}
		DryRunService.FileCheck check = this.dryRun.check(name, bytes, locale);
		Optional<Refusal> refusal = Optional.empty();
		if (township.isPresent()) {
			List<String> others = check.villageCodes()
				.stream()
				.filter((code) -> !code.startsWith(township.get()))
				.toList();
			if (!others.isEmpty()) {
				refusal = Optional.of(new Refusal("console.upload.otherTownship",
						List.of(township.get(), String.join("、", others.subList(0, Math.min(10, others.size()))))));
			}
		}
		String token = UUID.randomUUID().toString();
		Path staged = staging().resolve(token);
		Files.createDirectories(staged.getParent());
		Files.write(staged, bytes);
		return new Staged(token, name, bytes.length, Sha256.of(bytes), check, refusal);
	}

	/**
	 * Moves a checked file into the inbox and records who uploaded it.
	 * @return the upload's number
	 */
	public long submit(Staged staged, String username, String remote) throws IOException {
		if (staged.refusal().isPresent() || staged.token().isEmpty()) {
			throw new IllegalArgumentException("refused upload " + staged.name());
		}
		Path source = staging().resolve(staged.token());
		if (!Files.isRegularFile(source)) {
			throw new IllegalArgumentException("no staged upload " + staged.token());
		}
		LocalDateTime now = BusinessTime.now(this.properties.timeZone());
		long id = this.uploads.create(username, staged.name(), staged.size(), staged.sha256(), now,
				"pending/" + staged.token());
		String stored = "console/" + now.toLocalDate().toString().substring(0, 7) + "/" + id + "-" + staged.name();
		Path target = this.folders.inbox().resolve(stored).normalize();
		if (!target.startsWith(this.folders.inbox())) {
			// cannot happen with a checked name; refuse rather than write outside
			this.uploads.delete(id);
			throw new IllegalArgumentException("upload name escapes the inbox: " + staged.name());
		}
		try {
			this.uploads.setStoredPath(id, stored);
			Files.createDirectories(target.getParent());
			// fails rather than replace: no upload can overwrite another file
			Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
			// complete once moved: ready for the next look, not "still being written"
			Files.setLastModifiedTime(target,
					FileTime.from(Instant.now().minusSeconds(this.properties.inbox().quietSeconds() + 1L)));
		}
		catch (IOException | RuntimeException ex) {
			this.uploads.delete(id);
			throw ex;
		}
		this.audit.record(username, Audit.Action.UPLOAD,
				stored + " (" + staged.size() + " bytes, sha256 " + staged.sha256().substring(0, 12) + ")", remote);
		return id;
	}

	private Path staging() {
		return this.folders.work().resolve("uploads");
	}

}
