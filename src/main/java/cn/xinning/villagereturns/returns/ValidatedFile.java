package cn.xinning.villagereturns.returns;

import java.util.List;
import java.util.Optional;

import cn.xinning.villagereturns.intake.ClaimedFile;
import cn.xinning.villagereturns.ledger.LedgerFile;
import cn.xinning.villagereturns.validation.Problem;

/**
 * A claimed file after reading and validation.
 *
 * @param file the file
 * @param read what could be read from it, with its file-level problems
 * @param returns its returns after the return-level rules
 * @param omitted closing rows for problems of its returns that were too many to keep
 * @param setAside why the program could not process the file (an internal error, for the
 * administrator: the file goes to {@code quarantine/}, not to the clerk as a format
 * error), or empty
 * @param ledger the issue ledger, when the file is one (then {@code returns} is empty)
 */
public record ValidatedFile(ClaimedFile file, ReadFile read, List<CheckedReturn> returns, List<Problem> omitted,
		Optional<String> setAside, Optional<LedgerFile> ledger) {

	public ValidatedFile {
		returns = List.copyOf(returns);
		omitted = List.copyOf(omitted);
	}

	/**
	 * What a chunk holds until it is written: the values of a rejected return are
	 * dropped, as they are never stored.
	 */
	public ValidatedFile(ClaimedFile file, FileValidator.Result result) {
		this(file, result.read(), result.returns()
			.stream()
			.map((r) -> (!result.read().isRejectedWhole() && r.isAccepted()) ? r : r.compacted(r.problems(), false))
			.toList(), result.omitted(), Optional.empty(), result.ledger());
	}

	/** A file the program failed on: nothing of it is stored but the reason. */
	public static ValidatedFile setAside(ClaimedFile file, String reason) {
		return new ValidatedFile(file, new ReadFile("", Optional.empty(), List.of(), List.of()), List.of(), List.of(),
				Optional.of(reason), Optional.empty());
	}

	public ValidatedFile(ClaimedFile file, ReadFile read, List<CheckedReturn> returns) {
		this(file, read, returns, List.of(), Optional.empty(), Optional.empty());
	}

}
