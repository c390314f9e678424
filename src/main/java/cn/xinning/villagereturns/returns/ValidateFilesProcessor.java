package cn.xinning.villagereturns.returns;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.ItemProcessor;

import cn.xinning.villagereturns.intake.ClaimedFile;
import cn.xinning.villagereturns.validation.Problem;
import cn.xinning.villagereturns.validation.RuleCode;

/**
 * Reads and validates one claimed file from the run's work folder. A file the program
 * cannot handle is rejected with a message for the administrator instead of stopping
 * every run.
 */
public class ValidateFilesProcessor implements ItemProcessor<ClaimedFile, ValidatedFile> {

	private static final Logger log = LoggerFactory.getLogger(ValidateFilesProcessor.class);

	private final Path workFolder;

	private final FileValidator validator;

	public ValidateFilesProcessor(Path workFolder, FileValidator validator) {
		this.workFolder = workFolder;
		this.validator = validator;
	}

	@Override
	public ValidatedFile process(ClaimedFile file) throws Exception {
		Path path = this.workFolder.resolve(file.relativePath());
		try {
			FileValidator.Result result = this.validator.validate(Files.size(path), () -> Files.readAllBytes(path));
			return new ValidatedFile(file, result.read(), result.returns(), result.ledger());
		}
		catch (RuntimeException ex) {
			log.error("Cannot validate {}", path, ex);
			Problem problem = Problem.error(0, "", "", RuleCode.F_FORMAT, "file.internal", String.valueOf(ex));
			return new ValidatedFile(file, new ReadFile("", Optional.empty(), List.of(problem), List.of()), List.of());
		}
	}

}
