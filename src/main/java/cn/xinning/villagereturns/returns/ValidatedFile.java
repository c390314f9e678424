package cn.xinning.villagereturns.returns;

import java.util.List;
import java.util.Optional;

import cn.xinning.villagereturns.intake.ClaimedFile;
import cn.xinning.villagereturns.ledger.LedgerFile;

/**
 * A claimed file after reading and validation.
 *
 * @param file the file
 * @param read what could be read from it, with its file-level problems
 * @param returns its returns after the return-level rules
 * @param ledger the issue ledger, when the file is one (then {@code returns} is empty)
 */
public record ValidatedFile(ClaimedFile file, ReadFile read, List<CheckedReturn> returns, Optional<LedgerFile> ledger) {

	public ValidatedFile {
		returns = List.copyOf(returns);
	}

	public ValidatedFile(ClaimedFile file, ReadFile read, List<CheckedReturn> returns) {
		this(file, read, returns, Optional.empty());
	}

}
