package cn.xinning.villagereturns.returns;

import java.util.List;

import cn.xinning.villagereturns.intake.TextDecoder;
import cn.xinning.villagereturns.ledger.LedgerFile;
import cn.xinning.villagereturns.ledger.LedgerFileReader;
import cn.xinning.villagereturns.validation.Problem;
import cn.xinning.villagereturns.validation.RuleCode;

/**
 * Reads a file's content and applies every rule: the same for a run and for a dry run.
 */
public final class FileValidator {

	private final ReturnFileReader reader;

	private final ReturnValidator validator;

	private final long maxBytes;

	private final LedgerFileReader ledgerReader;

	/** Reads returns only. */
	public FileValidator(ValidationContext context, long maxBytes) {
		this(context, maxBytes, null);
	}

	/**
	 * @param ledgerReader reads the files whose header is an issue ledger's (spec section
	 * 12), or null to read every file as returns
	 */
	public FileValidator(ValidationContext context, long maxBytes, LedgerFileReader ledgerReader) {
		this.reader = new ReturnFileReader(context.catalogue());
		this.validator = new ReturnValidator(context);
		this.maxBytes = maxBytes;
		this.ledgerReader = ledgerReader;
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
		TextDecoder.Result decoded = TextDecoder.decode(content.get());
		if (this.ledgerReader != null && decoded instanceof TextDecoder.Decoded text
				&& LedgerFileReader.isLedger(text.text())) {
			LedgerFile ledger = this.ledgerReader.read(text);
			ReadFile read = new ReadFile(ledger.encoding(), java.util.Optional.of(Layout.LEDGER), ledger.allProblems(),
					List.of());
			return new Result(read, List.of(), java.util.Optional.of(ledger));
		}
		ReadFile read = this.reader.read(decoded);
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
	 * @param read what was read, with file-level problems (for a ledger: every problem of
	 * the file and its rows)
	 * @param returns the returns after the rules
	 * @param ledger the issue ledger, when the file is one
	 */
	public record Result(ReadFile read, List<CheckedReturn> returns, java.util.Optional<LedgerFile> ledger) {

		public Result(ReadFile read, List<CheckedReturn> returns) {
			this(read, returns, java.util.Optional.empty());
		}

	}

	@FunctionalInterface
	public interface ContentSupplier {

		byte[] get() throws java.io.IOException;

	}

}
