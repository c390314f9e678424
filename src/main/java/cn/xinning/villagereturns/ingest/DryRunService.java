package cn.xinning.villagereturns.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import cn.xinning.villagereturns.VillageReturnsProperties;
import cn.xinning.villagereturns.intake.InboxScanner;
import cn.xinning.villagereturns.intake.RootFolders;
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
		ReferenceData.Snapshot reference = this.referenceData.current();
		FileValidator validator = new FileValidator(new ValidationContext(reference.catalogue(), reference.registry(),
				java.time.YearMonth.from(businessTime), this.properties.reportingStart(), this.properties.rules()),
				this.properties.inbox().maxFileMegabytes() * 1024L * 1024L);
		List<DryRunReport.FileReport> files = new ArrayList<>();
		for (InboxScanner.InboxEntry entry : InboxScanner.ready(this.folders.inbox(), Instant.now(),
				Duration.ofSeconds(this.properties.inbox().quietSeconds()))) {
			FileValidator.Result result = validator.validate(entry.path());
			List<Problem> problems = new ArrayList<>(result.problems());
			problems.sort(Comparator.comparingInt(Problem::line));
			int rejected = (int) result.returns()
				.stream()
				.filter((r) -> result.read().isRejectedWhole() || !r.isAccepted())
				.count();
			files.add(new DryRunReport.FileReport(entry.relativePath(), result.read().encoding(),
					result.read().layout().map(Enum::name).orElse(""), result.returns().size(), rejected,
					acceptedBefore(Sha256.of(entry.path())), problems.stream().map(this::line).toList()));
		}
		return new DryRunReport(businessTime, files);
	}

	private DryRunReport.ProblemLine line(Problem problem) {
		return new DryRunReport.ProblemLine(problem.line(), problem.column(), problem.value(), problem.rule().code(),
				problem.severity().name(), this.messages.render(problem, this.properties.locale()));
	}

	private Optional<String> acceptedBefore(String sha256) {
		return this.jdbc
			.sql("select f.final_path from inbox_file f where f.sha256 = ? and exists (select 1 from submission s"
					+ " where s.file_id = f.file_id and s.state in ('CURRENT', 'SUPERSEDED')) order by f.file_id")
			.param(sha256)
			.query(String.class)
			.list()
			.stream()
			.filter(java.util.Objects::nonNull)
			.findFirst();
	}

}
