package cn.xinning.villagereturns.returns;

import java.util.List;

import cn.xinning.villagereturns.validation.Problem;
import cn.xinning.villagereturns.validation.RuleCode;

/**
 * Reads a file's content and applies every rule: the same for a run and for a dry run.
 */
public final class FileValidator {

	private final ReturnFileReader reader;

	private final ReturnValidator validator;

	private final long maxBytes;

	public FileValidator(ValidationContext context, long maxBytes) {
		this.reader = new ReturnFileReader(context.catalogue());
		this.validator = new ReturnValidator(context);
		this.maxBytes = maxBytes;
	}

	/**
	 * @param size the file's size: a file over the limit is refused without reading it
	 * @param content supplies the content when it is to be read
	 */
	public Result validate(long size, ContentSupplier content) throws java.io.IOException {
		if (size > this.maxBytes) {
			Problem tooLarge = Problem.error(0, "", "", RuleCode.F_BINARY, "file.tooLarge", String.valueOf(size),
					String.valueOf(this.maxBytes));
			return new Result(new ReadFile("", java.util.Optional.empty(), List.of(tooLarge), List.of()), List.of());
		}
		ReadFile read = this.reader.read(content.get());
		java.util.Set<String> absentColumns = read.fileProblems()
			.stream()
			.filter((p) -> p.rule() == RuleCode.V_REQUIRED)
			.map(Problem::column)
			.collect(java.util.stream.Collectors.toSet());
		List<CheckedReturn> returns = read.drafts()
			.stream()
			.map((d) -> this.validator.check(d, absentColumns))
			.toList();
		return new Result(read, returns);
	}

	/**
	 * @param read what was read, with file-level problems
	 * @param returns the returns after the rules
	 */
	public record Result(ReadFile read, List<CheckedReturn> returns) {
	}

	@FunctionalInterface
	public interface ContentSupplier {

		byte[] get() throws java.io.IOException;

	}

}
