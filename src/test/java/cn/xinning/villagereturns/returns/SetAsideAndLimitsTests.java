package cn.xinning.villagereturns.returns;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.xinning.villagereturns.intake.ClaimedFile;
import cn.xinning.villagereturns.returns.ReturnFileReader.ReadLimits;
import cn.xinning.villagereturns.validation.Problem;
import cn.xinning.villagereturns.validation.RuleCode;
import cn.xinning.villagereturns.validation.Severity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What bounds the memory of one file (returns per file, rows per return, problems kept)
 * and what happens to a file the program fails on: it is set aside with the reason, never
 * given to the clerk as a format error, and the run goes on.
 */
class SetAsideAndLimitsTests {

	private static final String HEADER = "village_code,period,indicator_code,value\n";

	@TempDir
	Path work;

	@Test
	void aFileTheProgramFailsOnIsSetAsideWithTheReasonAndNoProblemForTheClerk() throws Exception {
		Files.writeString(this.work.resolve("湾坝村.csv"), HEADER + "430528100201,2026-10,HOME_VISITS,5\n");
		ValidationContext context = Reference.context();
		// no registry: checking the village fails inside the program, as a bug would
		ValidationContext broken = new ValidationContext(context.catalogue(), null, context.businessMonth(),
				context.reportingStart(), context.rules());
		ValidateFilesProcessor processor = new ValidateFilesProcessor(this.work, new FileValidator(broken, 1 << 20));

		ValidatedFile file = processor.process(new ClaimedFile(7, 3, 1, "湾坝村.csv", "湾坝村.csv", "0".repeat(64)));

		assertThat(file.setAside())
			.hasValueSatisfying((reason) -> assertThat(reason).startsWith("NullPointerException"));
		assertThat(file.read().fileProblems()).isEmpty();
		assertThat(file.returns()).isEmpty();
		assertThat(file.omitted()).isEmpty();
	}

	@Test
	void aFileMissingFromTheWorkFolderIsSetAsideToo() throws Exception {
		ValidateFilesProcessor processor = new ValidateFilesProcessor(this.work,
				new FileValidator(Reference.context(), 1 << 20));

		ValidatedFile file = processor.process(new ClaimedFile(7, 3, 1, "gone.csv", "gone.csv", "0".repeat(64)));

		assertThat(file.setAside())
			.hasValueSatisfying((reason) -> assertThat(reason).startsWith("NoSuchFileException"));
	}

	@Test
	void problemsBeyondTheLimitAreCountedInOneClosingRowPerRule() throws Exception {
		StringBuilder text = new StringBuilder(HEADER);
		for (int i = 0; i < 8; i++) {
			// unknown village: one V-VILLAGE per return, and the required indicators
			text.append("4305281002").append(String.format("%02d", 90 + i)).append(",2026-10,HOME_VISITS,5\n");
		}
		byte[] content = text.toString().getBytes(StandardCharsets.UTF_8);
		FileValidator validator = new FileValidator(Reference.context(), 1 << 20, ReadLimits.DEFAULT, 5);

		FileValidator.Result result = validator.validate(content.length, () -> content);

		assertThat(result.returns()).hasSize(8);
		assertThat(result.returns()).allMatch((r) -> !r.isAccepted());
		assertThat(result.returns().stream().mapToInt((r) -> r.problems().size()).sum()).isEqualTo(5);
		// the counts stay whole: each return keeps its number of errors
		long errors = result.returns().get(0).errorCount();
		assertThat(result.returns()).allMatch((r) -> r.errorCount() == errors);
		List<Problem> omitted = result.omitted();
		assertThat(omitted).extracting(Problem::rule, Problem::severity, Problem::messageKey)
			.contains(org.assertj.core.groups.Tuple.tuple(RuleCode.V_VILLAGE, Severity.ERROR, "file.moreProblems"));
		long keptAndOmitted = 5
				+ omitted.stream().mapToLong((p) -> Long.parseLong((String) p.arguments().get(0))).sum();
		assertThat(keptAndOmitted).isEqualTo(8 * errors);
		Problem villages = omitted.stream().filter((p) -> p.rule() == RuleCode.V_VILLAGE).findFirst().orElseThrow();
		assertThat(villages.arguments()).containsExactly("7", "V-VILLAGE",
				String.valueOf(FileValidator.PROBLEMS_PER_FILE));
		assertThat(villages.line()).as("the first one left out").isEqualTo(3);
	}

	@Test
	void aFileWithMoreReturnsThanAFileMayHaveIsRefusedWhole() throws Exception {
		StringBuilder text = new StringBuilder(HEADER);
		for (int i = 0; i < 4; i++) {
			text.append("43052810020").append(i + 1).append(",2026-10,HOME_VISITS,5\n");
		}
		byte[] content = text.toString().getBytes(StandardCharsets.UTF_8);
		FileValidator validator = new FileValidator(Reference.context(), 1 << 20, new ReadLimits(3, 20), 1000);

		FileValidator.Result result = validator.validate(content.length, () -> content);

		assertThat(result.read().isRejectedWhole()).isTrue();
		assertThat(result.returns()).isEmpty();
		assertThat(result.read().fileProblems()).extracting(Problem::rule, Problem::messageKey)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(RuleCode.F_FORMAT, "file.tooManyReturns"));
		assertThat(result.read().layout()).isEqualTo(Optional.of(Layout.LONG));
	}

}
