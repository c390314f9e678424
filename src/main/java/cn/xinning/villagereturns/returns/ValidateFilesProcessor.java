package cn.xinning.villagereturns.returns;

import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.ItemProcessor;

import cn.xinning.villagereturns.intake.ClaimedFile;

/**
 * Reads and validates one claimed file from the run's work folder. A file the program
 * fails on (a bug, or a file that still exhausts memory) is set aside for the
 * administrator instead of failing the run, and every restart of it, for ever: the other
 * files of the run go on.
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
			return new ValidatedFile(file, this.validator.validate(path));
		}
		catch (Exception | OutOfMemoryError | StackOverflowError ex) {
			// what this file allocated is garbage once the stack unwinds: the run goes on
			log.error("Run {}: cannot validate {}; it is set aside in quarantine/", file.runId(), path, ex);
			return ValidatedFile.setAside(file, ex.getClass().getSimpleName() + ": " + ex.getMessage());
		}
	}

}
