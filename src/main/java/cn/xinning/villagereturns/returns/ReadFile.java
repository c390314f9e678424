package cn.xinning.villagereturns.returns;

import java.util.List;
import java.util.Optional;

import cn.xinning.villagereturns.validation.Problem;

/**
 * What could be read from one file.
 *
 * @param encoding the encoding the text was decoded with, or empty when it could not be
 * @param layout the layout recognised from the header, if one was
 * @param fileProblems problems of the whole file; any ERROR among them rejects every
 * return
 * @param drafts the returns found (there may be some even when the file is rejected
 * whole, so that they are counted)
 */
public record ReadFile(String encoding, Optional<Layout> layout, List<Problem> fileProblems, List<ReturnDraft> drafts) {

	public ReadFile {
		fileProblems = List.copyOf(fileProblems);
		drafts = List.copyOf(drafts);
	}

	public boolean isRejectedWhole() {
		return this.fileProblems.stream().anyMatch(Problem::isError);
	}

}
