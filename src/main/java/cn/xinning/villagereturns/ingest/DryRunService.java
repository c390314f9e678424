package cn.xinning.villagereturns.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import cn.xinning.villagereturns.VillageReturnsProperties;
import cn.xinning.villagereturns.intake.InboxScanner;
import cn.xinning.villagereturns.intake.RootFolders;
import cn.xinning.villagereturns.ledger.LedgerFile;
import cn.xinning.villagereturns.ledger.LedgerFileReader;
import cn.xinning.villagereturns.reference.ReferenceData;
import cn.xinning.villagereturns.returns.FileValidator;
import cn.xinning.villagereturns.returns.ValidationContext;
import cn.xinning.villagereturns.support.BusinessTime;
import cn.xinning.villagereturns.support.Sha256;
import cn.xinning.villagereturns.validation.Messages;
import cn.xinning.villagereturns.validation.Problem;

/**
 * {@code ingest --dry-run}: the full validation report of every ready inbox file, with
 * the same rules as a run, without moving a file or writing a row.
 */
@Service
public class DryRunService {

	private final ReferenceData referenceData;

	private final RootFolders folders;

	private final VillageReturnsProperties properties;

	private final Messages messages;

	private final JdbcClient jdbc;

	public DryRunService(ReferenceData referenceData, RootFolders folders, VillageReturnsProperties properties,
			Messages messages, JdbcClient jdbc) {
		this.referenceData = referenceData;
		this.folders = folders;
		this.properties = properties;
		this.messages = messages;
		this.jdbc = jdbc;
	}

	public DryRunReport dryRun(Optional<LocalDateTime> asOf) throws IOException {
		LocalDateTime businessTime = asOf.orElseGet(() -> BusinessTime.now(this.properties.timeZone()));
		FileValidator validator = validator(businessTime);
		List<DryRunReport.FileReport> files = new ArrayList<>();
		for (InboxScanner.InboxEntry entry : InboxScanner.ready(this.folders.inbox(), Instant.now(),
				Duration.ofSeconds(this.properties.inbox().quietSeconds()))) {
			files.add(check(entry.relativePath(), validator.validate(entry.path()), Sha256.of(entry.path()),
					this.properties.locale())
				.report());
		}
		return new DryRunReport(businessTime, files);
	}

	/**
	 * One file checked as a run would check it now (the console's upload), with its
	 * problems in the reader's language.
	 * @param name the file's name
	 * @param content its bytes
	 * @param locale the reader's language
	 */
	public FileCheck check(String name, byte[] content, Locale locale) throws IOException {
		LocalDateTime businessTime = BusinessTime.now(this.properties.timeZone());
		return check(name, validator(businessTime).validate(content.length, () -> content), Sha256.of(content), locale);
	}

	/**
	 * @param report what a run would do with the file
	 * @param villageCodes the village codes of its returns, as read
	 */
	public record FileCheck(DryRunReport.FileReport report, Set<String> villageCodes) {
	}

	private FileValidator validator(LocalDateTime businessTime) {
		ReferenceData.Snapshot reference = this.referenceData.current();
		return new FileValidator(new ValidationContext(reference.catalogue(), reference.registry(),
				java.time.YearMonth.from(businessTime), this.properties.reportingStart(), this.properties.rules()),
				this.properties.inbox().maxFileMegabytes() * 1024L * 1024L,
				new LedgerFileReader(reference.registry(), businessTime.toLocalDate()));
	}

	private FileCheck check(String path, FileValidator.Result result, String sha256, Locale locale) {
		List<Problem> problems = new ArrayList<>(result.problems());
		problems.sort(Comparator.comparingInt(Problem::line));
		int rejected = (int) result.returns()
			.stream()
			.filter((r) -> result.read().isRejectedWhole() || !r.isAccepted())
			.count();
		// a ledger counts its rows where a file of returns counts returns
		int total = result.ledger().map((l) -> l.rows().size()).orElse(result.returns().size());
		rejected = result.ledger().map(LedgerFile::rejectedRows).orElse(rejected);
		Set<String> villages = new TreeSet<>();
		result.returns().forEach((r) -> villages.add(r.villageCode()));
		result.ledger().ifPresent((l) -> l.rows().forEach((r) -> villages.add(r.villageCode())));
		return new FileCheck(new DryRunReport.FileReport(path, result.read().encoding(),
				result.read().layout().map(Enum::name).orElse(""), total, rejected, acceptedBefore(sha256),
				problems.stream().map((p) -> line(p, locale)).toList()), villages);
	}

	private DryRunReport.ProblemLine line(Problem problem, Locale locale) {
		return new DryRunReport.ProblemLine(problem.line(), problem.column(), problem.value(), problem.rule().code(),
				problem.severity().name(), this.messages.render(problem, locale));
	}

	private Optional<String> acceptedBefore(String sha256) {
		return this.jdbc
			.sql("select f.final_path from file_content c join inbox_file f on f.file_id = c.file_id"
					+ " where c.sha256 = ? and (exists (select 1 from submission s"
					+ " where s.file_id = f.file_id and s.state in ('CURRENT', 'SUPERSEDED')) or exists (select 1"
					+ " from ledger_row r where r.file_id = f.file_id and r.state in ('CURRENT', 'SUPERSEDED')))"
					+ " order by f.file_id")
			.param(sha256)
			.query(String.class)
			.list()
			.stream()
			.filter(java.util.Objects::nonNull)
			.findFirst();
	}

}
