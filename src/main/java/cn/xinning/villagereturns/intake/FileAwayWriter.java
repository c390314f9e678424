package cn.xinning.villagereturns.intake;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import cn.xinning.villagereturns.support.BulkLoader;
import cn.xinning.villagereturns.support.ExcelCsv;
import cn.xinning.villagereturns.support.Sha256;

/**
 * Files each processed file away, so that it ends in exactly one place:
 * {@code archive/DATE/} when every return was accepted, {@code rejected/} with
 * {@code NAME.errors.csv} beside it when at least one was not, {@code quarantine/} with
 * {@code NAME.reason.txt} when the program failed on it. Subfolders of the inbox are
 * kept; a name already taken gets " (2)".
 *
 * <p>
 * The move happens before the chunk commits. After a crash the restarted step finds the
 * file gone from the work folder and looks for it, by content, where it was being moved.
 */
public class FileAwayWriter implements ItemWriter<ClaimedFile> {

	/** The columns of an errors file (spec section 8). */
	public static final String[] ERRORS_HEADER = { "line", "column", "value", "rule", "severity", "message" };

	private static final int MAX_NAME_TRIES = 1000;

	private final JdbcTemplate jdbc;

	private final RootFolders roots;

	private final LocalDate receivedDate;

	private final boolean english;

	private final FiledNames names;

	private final BulkLoader bulk;

	/**
	 * Folders known to exist: creating an existing folder again costs a failed system
	 * call and an exception, for each of a province's 50,000 files.
	 */
	private final Set<Path> madeFolders = ConcurrentHashMap.newKeySet();

	public FileAwayWriter(JdbcTemplate jdbc, BulkLoader bulk, RootFolders folders, LocalDate receivedDate,
			boolean english, FiledNames names) {
		this.jdbc = jdbc;
		this.bulk = bulk;
		this.names = names;
		this.roots = folders;
		this.receivedDate = receivedDate;
		this.english = english;
	}

	/**
	 * A row of an errors file.
	 *
	 * @param line line, 0 when none
	 * @param column column
	 * @param value cell
	 * @param rule rule code
	 * @param severity ERROR or WARNING
	 * @param message the message in the configured language
	 * @param order insertion order, to keep problems of one line in the order found
	 */
	public record ErrorRow(int line, String column, String value, String rule, String severity, String message,
			long order) {

		public boolean isError() {
			return "ERROR".equals(this.severity);
		}

	}

	private record Filed(long fileId, String outcome, String finalPath) {
	}

	@Override
	public void write(Chunk<? extends ClaimedFile> chunk) throws IOException {
		Set<Long> ids = chunk.getItems().stream().map(ClaimedFile::fileId).collect(Collectors.toSet());
		Map<Long, List<ErrorRow>> problems = problems(ids);
		Map<Long, String> setAside = setAside(ids);
		// partitions file away in parallel, in any process: the names are taken in the
		// database before the moves
		Map<Long, Path> targets = destinations(chunk.getItems(), problems, setAside);
		List<Filed> filed = new ArrayList<>();
		for (ClaimedFile file : chunk) {
			List<ErrorRow> rows = problems.getOrDefault(file.fileId(), List.of());
			String reason = setAside.get(file.fileId());
			boolean rejected = isRejected(rows);
			String outcome = (reason != null) ? "QUARANTINED" : rejected ? "REJECTED" : "ARCHIVED";
			Path source = source(file);
			Path target = targets.get(file.fileId());
			if (target == null) {
				// set aside because it vanished from the work folder: nothing to move,
				// and
				// no restart may trip on it
				filed.add(new Filed(file.fileId(), outcome, null));
				continue;
			}
			if (reason != null) {
				writeReason(target.resolveSibling(target.getFileName() + ".reason.txt"), file, reason);
			}
			else if (rejected) {
				writeErrors(target.resolveSibling(target.getFileName() + ".errors.csv"), rows);
			}
			if (Files.exists(source)) {
				move(source, target);
			}
			filed.add(new Filed(file.fileId(), outcome, this.roots.relative(target)));
		}
		// each file's own final path: one update from a scratch table, not one per file
		this.bulk.update(this.jdbc, "inbox_file", "scratch_filed_file", "file_id", "state = 'FILED'",
				List.of("outcome", "final_path"), filed, (f, cells) -> {
					cells[0] = f.fileId();
					cells[1] = f.outcome();
					cells[2] = f.finalPath();
				});
	}

	private void move(Path source, Path target) throws IOException {
		createFolder(target.getParent());
		try {
			Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (NoSuchFileException ex) {
			if (!Files.exists(source)) {
				throw ex;
			}
			// the folder was removed since it was made (by hand): make it again
			this.madeFolders.remove(target.getParent());
			createFolder(target.getParent());
			Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
		}
	}

	private void createFolder(Path folder) throws IOException {
		if (!this.madeFolders.contains(folder)) {
			Files.createDirectories(folder);
			this.madeFolders.add(folder);
		}
	}

	private static boolean isRejected(List<ErrorRow> rows) {
		return rows.stream().anyMatch(ErrorRow::isError);
	}

	private Path source(ClaimedFile file) {
		return this.roots.workOf(file.runId()).resolve(file.relativePath());
	}

	private Path folder(ClaimedFile file, Map<Long, List<ErrorRow>> problems, Map<Long, String> setAside) {
		boolean rejected = isRejected(problems.getOrDefault(file.fileId(), List.of()));
		return (setAside.containsKey(file.fileId()) ? this.roots.quarantine()
				: rejected ? this.roots.rejected() : this.roots.archive(this.receivedDate))
			.resolve(file.relativePath())
			.getParent();
	}

	/**
	 * Where each file goes: the name it took before (a restarted chunk finds it), else a
	 * free name in its folder, taken for it (the chunk's names in one batch; a name
	 * another partition took meanwhile is tried again with the next variant); or, when
	 * the file was moved before names were recorded, where it went.
	 */
	private Map<Long, Path> destinations(List<? extends ClaimedFile> files, Map<Long, List<ErrorRow>> problems,
			Map<Long, String> setAside) throws IOException {
		Map<Long, Path> targets = new HashMap<>();
		this.names.of(files.stream().map(ClaimedFile::fileId).toList())
			.forEach((id, path) -> targets.put(id, this.roots.root().resolve(path)));
		List<ClaimedFile> pending = new ArrayList<>();
		for (ClaimedFile file : files) {
			if (!targets.containsKey(file.fileId())) {
				if (Files.exists(source(file))) {
					pending.add(file);
				}
				else if (!setAside.containsKey(file.fileId())) {
					targets.put(file.fileId(), movedBefore(source(file), folder(file, problems, setAside), file));
				}
				else {
					// a set-aside file may have vanished: then it has no target
					whereMoved(source(file), folder(file, problems, setAside), file)
						.ifPresent((path) -> targets.put(file.fileId(), path));
				}
			}
		}
		Map<Long, Integer> nextTry = new HashMap<>();
		while (!pending.isEmpty()) {
			Map<Long, String> wanted = new HashMap<>();
			Set<String> proposed = new java.util.HashSet<>();
			for (ClaimedFile file : pending) {
				String name = source(file).getFileName().toString();
				Path folder = folder(file, problems, setAside);
				int i = nextTry.getOrDefault(file.fileId(), 1);
				Path candidate;
				do {
					if (i > MAX_NAME_TRIES) {
						throw new IOException("No free name for " + name + " in " + folder);
					}
					candidate = folder.resolve(variant(name, i++));
				}
				while (Files.exists(candidate) || !proposed.add(this.roots.relative(candidate)));
				nextTry.put(file.fileId(), i);
				wanted.put(file.fileId(), this.roots.relative(candidate));
			}
			Set<Long> got = this.names.takeAll(wanted);
			got.forEach((id) -> targets.put(id, this.roots.root().resolve(wanted.get(id))));
			pending.removeIf((file) -> got.contains(file.fileId()));
		}
		return targets;
	}

	/** A file moved before names were recorded, found where it went by its content. */
	private static Path movedBefore(Path source, Path folder, ClaimedFile file) throws IOException {
		String name = source.getFileName().toString();
		for (int i = 1; i <= MAX_NAME_TRIES; i++) {
			Path candidate = folder.resolve(variant(name, i));
			if (!Files.exists(candidate)) {
				break;
			}
			if (Sha256.of(candidate).equals(file.sha256())) {
				return candidate;
			}
		}
		throw new IOException("The claimed file " + source + " is neither in the work folder nor in " + folder);
	}

	/** Where a file moved before went, or empty when it is nowhere to be found. */
	private static java.util.Optional<Path> whereMoved(Path source, Path folder, ClaimedFile file) {
		try {
			return java.util.Optional.of(movedBefore(source, folder, file));
		}
		catch (IOException ex) {
			return java.util.Optional.empty();
		}
	}

	/** {@code x.csv}, {@code x (2).csv}, {@code x (3).csv}... as Windows names copies. */
	static String variant(String name, int n) {
		if (n == 1) {
			return name;
		}
		int dot = name.lastIndexOf('.');
		return (dot > 0) ? name.substring(0, dot) + " (" + n + ")" + name.substring(dot) : name + " (" + n + ")";
	}

	private void writeErrors(Path errorsFile, List<ErrorRow> rows) throws IOException {
		createFolder(errorsFile.getParent());
		Path partial = errorsFile.resolveSibling(errorsFile.getFileName() + ".part");
		try (OutputStream out = Files.newOutputStream(partial); ExcelCsv csv = new ExcelCsv(out)) {
			csv.header(ERRORS_HEADER);
			for (ErrorRow row : rows) {
				csv.number((row.line() > 0) ? String.valueOf(row.line()) : "")
					.text(row.column())
					.text(row.value())
					.text(row.rule())
					.text(row.severity())
					.text(row.message())
					.end();
			}
		}
		Files.move(partial, errorsFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
	}

	/**
	 * For the administrator, in both languages: what failed, and where the details are.
	 * The clerk's file is not at fault as far as anyone knows, so it gets no errors file.
	 */
	private void writeReason(Path reasonFile, ClaimedFile file, String reason) throws IOException {
		createFolder(reasonFile.getParent());
		String text = "程序处理此文件时出错，已将其隔离（第 " + file.runId() + " 次运行）。这不是填报人的格式错误：请管理员查看日志 logs/，"
				+ "修复后把文件放回 inbox/ 重新处理。\r\n" + "The program failed on this file and set it aside (run " + file.runId()
				+ "). It is not the clerk's"
				+ " format error: the administrator should read the log in logs/, and once fixed drop the file into"
				+ " inbox/ again.\r\n\r\n" + reason + "\r\n";
		Path partial = reasonFile.resolveSibling(reasonFile.getFileName() + ".part");
		Files.writeString(partial, text, java.nio.charset.StandardCharsets.UTF_8);
		Files.move(partial, reasonFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
	}

	private Map<Long, String> setAside(Set<Long> fileIds) {
		Map<Long, String> reasons = new HashMap<>();
		new NamedParameterJdbcTemplate(this.jdbc)
			.query("select file_id, set_aside_reason from inbox_file where file_id in (:files)"
					+ " and set_aside_reason is not null", Map.of("files", fileIds), (rs) -> {
						reasons.put(rs.getLong(1), rs.getString(2));
					});
		return reasons;
	}

	private Map<Long, List<ErrorRow>> problems(Set<Long> fileIds) {
		Map<Long, List<ErrorRow>> problems = new HashMap<>();
		new NamedParameterJdbcTemplate(this.jdbc)
			.query("select problem_id, file_id, line_no, column_name, cell_value, rule_code, severity, message_zh,"
					+ " message_en from problem where file_id in (:files)", Map.of("files", fileIds), (rs) -> {
						problems.computeIfAbsent(rs.getLong("file_id"), (id) -> new ArrayList<>())
							.add(new ErrorRow(rs.getInt("line_no"), nonNull(rs.getString("column_name")),
									nonNull(rs.getString("cell_value")), rs.getString("rule_code"),
									rs.getString("severity"), rs.getString(this.english ? "message_en" : "message_zh"),
									rs.getLong("problem_id")));
					});
		problems.values()
			.forEach((rows) -> rows.sort(Comparator.comparingInt(ErrorRow::line).thenComparingLong(ErrorRow::order)));
		return problems;
	}

	private static String nonNull(String text) {
		return (text != null) ? text : "";
	}

}
