package cn.xinning.villagereturns.generate;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * A file of the sample, with where each return and value landed in it.
 *
 * @param path path under the output folder, with forward slashes
 * ({@code 2026-10/金石镇/...})
 * @param shape its kind
 * @param period the period of its returns
 * @param townshipCode the township it comes from
 * @param bytes its content
 * @param lines line numbers by {@link #key(String, String)}; an empty indicator names the
 * first line of a village's return (its row in a wide file)
 * @param returns the returns written in it, in file order
 */
record RenderedFile(String path, FileShape shape, YearMonth period, String townshipCode, byte[] bytes,
		Map<String, Integer> lines, List<SampleReturn> returns) {

	static String key(String villageCode, String indicatorCode) {
		return villageCode + "|" + indicatorCode;
	}

	/**
	 * The line of a value, or of the village's return when the indicator is empty;
	 * {@code null} when absent.
	 */
	Integer line(String villageCode, String indicatorCode) {
		return this.lines.get(key(villageCode, indicatorCode));
	}

	String folder() {
		int slash = this.path.lastIndexOf('/');
		return (slash < 0) ? "" : this.path.substring(0, slash + 1);
	}

	String fileName() {
		return this.path.substring(this.path.lastIndexOf('/') + 1);
	}

	String stem() {
		String name = fileName();
		int dot = name.lastIndexOf('.');
		return (dot < 0) ? name : name.substring(0, dot);
	}

	String extension() {
		String name = fileName();
		int dot = name.lastIndexOf('.');
		return (dot < 0) ? "" : name.substring(dot);
	}

	/**
	 * The same bytes under another name in the same folder (a clerk sending a file
	 * twice).
	 */
	RenderedFile renamed(String fileName) {
		return new RenderedFile(folder() + fileName, this.shape, this.period, this.townshipCode, this.bytes, this.lines,
				this.returns);
	}

}
