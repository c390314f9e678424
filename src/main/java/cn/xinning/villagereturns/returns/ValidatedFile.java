package cn.xinning.villagereturns.returns;

import java.util.List;

import cn.xinning.villagereturns.intake.ClaimedFile;

/**
 * A claimed file after reading and validation.
 *
 * @param file the file
 * @param read what could be read from it, with its file-level problems
 * @param returns its returns after the return-level rules
 */
public record ValidatedFile(ClaimedFile file, ReadFile read, List<CheckedReturn> returns) {

	public ValidatedFile {
		returns = List.copyOf(returns);
	}

}
