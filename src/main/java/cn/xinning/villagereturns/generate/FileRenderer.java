package cn.xinning.villagereturns.generate;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Writes returns into the bytes of one file of a given shape, with the small untidiness
 * real files have and spec section 3 says must be read: full-width digits, thousands
 * separators, stray spaces, blank lines and rows of empty cells left by Excel.
 */
final class FileRenderer {

	private static final List<String> LONG_HEADER = List.of("village_code", "period", "indicator_code", "value",
			"note");

	private static final List<String> UNICODE_TEXT_HEADER = List.of("村代码", "村名", "报告期", "指标代码", "指标名称", "数值", "备注");

	private final SampleCatalogue catalogue;

	FileRenderer(SampleCatalogue catalogue) {
		this.catalogue = catalogue;
	}

	/**
	 * @param headerOverrides header text by indicator code, for a planted misspelt column
	 * @param quirks the file's own random stream for its untidiness
	 */
	RenderedFile render(String path, FileShape shape, YearMonth period, String townshipCode, List<SampleReturn> returns,
			Map<String, String> headerOverrides, SplittableRandom quirks) {
		TextFile file = new TextFile(shape);
		Map<String, Integer> lines = new TreeMap<>();
		if (shape.wide()) {
			renderWide(file, shape, period, returns, headerOverrides, lines, quirks);
		}
		else {
			renderLong(file, shape, period, returns, lines, quirks);
		}
		return new RenderedFile(path, shape, period, townshipCode, file.encode(), lines, List.copyOf(returns));
	}

	private void renderLong(TextFile file, FileShape shape, YearMonth period, List<SampleReturn> returns,
			Map<String, Integer> lines, SplittableRandom quirks) {
		boolean unicodeText = shape == FileShape.LONG_UTF16_TAB;
		List<String> header = unicodeText ? UNICODE_TEXT_HEADER : LONG_HEADER;
		file.row(header);
		for (SampleReturn month : returns) {
			if (unicodeText && file.lineCount() > 1 && Draws.chance(quirks, 0.08)) {
				file.blank();
			}
			String village = month.village().code();
			for (int i = 0; i < this.catalogue.size(); i++) {
				SampleIndicator indicator = this.catalogue.get(i);
				String value = spell(shape, month, i, quirks);
				List<String> cells = unicodeText
						? List.of(month.villageCodeText(), month.village().name(), shape.period(period),
								indicator.code(), indicator.nameZh(), value, month.note(i))
						: List.of(month.villageCodeText(), shape.period(period), indicator.code(), value,
								month.note(i));
				int line = file.row(cells);
				lines.put(RenderedFile.key(village, indicator.code()), line);
				lines.putIfAbsent(RenderedFile.key(village, ""), line);
			}
		}
		if (Draws.chance(quirks, unicodeText ? 0.4 : 0.05)) {
			file.emptyRow(header.size());
		}
	}

	private void renderWide(TextFile file, FileShape shape, YearMonth period, List<SampleReturn> returns,
			Map<String, String> headerOverrides, Map<String, Integer> lines, SplittableRandom quirks) {
		boolean chinese = shape == FileShape.WIDE_GB18030;
		List<String> header = new ArrayList<>(
				chinese ? List.of("村代码", "村名", "报告期") : List.of("village_code", "period"));
		for (SampleIndicator indicator : this.catalogue.indicators()) {
			header.add(headerOverrides.getOrDefault(indicator.code(), chinese ? indicator.nameZh() : indicator.code()));
		}
		file.row(header);
		for (SampleReturn month : returns) {
			if (file.lineCount() > 1 && Draws.chance(quirks, 0.03)) {
				file.emptyRow(header.size());
			}
			List<String> cells = new ArrayList<>();
			cells.add(month.villageCodeText());
			if (chinese) {
				cells.add(month.village().name());
			}
			cells.add(shape.period(period));
			for (int i = 0; i < this.catalogue.size(); i++) {
				cells.add(spell(shape, month, i, quirks));
			}
			int line = file.row(cells);
			String village = month.village().code();
			lines.put(RenderedFile.key(village, ""), line);
			for (SampleIndicator indicator : this.catalogue.indicators()) {
				lines.put(RenderedFile.key(village, indicator.code()), line);
			}
		}
		if (Draws.chance(quirks, 0.3)) {
			for (int i = 1 + quirks.nextInt(3); i > 0; i--) {
				file.emptyRow(header.size());
			}
		}
	}

	/**
	 * How a number is typed in this kind of file; missing tokens and planted text stay as
	 * they are.
	 */
	private static String spell(FileShape shape, SampleReturn month, int index, SplittableRandom quirks) {
		String cell = month.cell(index);
		if (!month.isNumber(index)) {
			return cell;
		}
		return switch (shape) {
			case WIDE_UTF8_BOM -> thousands(cell);
			case LONG_UTF16_TAB -> Draws.chance(quirks, 0.03) ? fullWidth(cell) : cell;
			case LONG_VILLAGE_UTF8 -> Draws.chance(quirks, 0.01) ? cell + " " : cell;
			case WIDE_GB18030 -> cell;
		};
	}

	/**
	 * {@code 1090} becomes {@code 1,090} (Excel's number format with separators, quoted
	 * in CSV).
	 */
	static String thousands(String number) {
		int dot = number.indexOf('.');
		String whole = (dot < 0) ? number : number.substring(0, dot);
		if (whole.length() <= 3) {
			return number;
		}
		StringBuilder grouped = new StringBuilder();
		for (int i = 0; i < whole.length(); i++) {
			if (i > 0 && (whole.length() - i) % 3 == 0) {
				grouped.append(',');
			}
			grouped.append(whole.charAt(i));
		}
		return grouped + ((dot < 0) ? "" : number.substring(dot));
	}

	/**
	 * {@code 412} typed with a Chinese input method in full-width mode: {@code ４１２},
	 * {@code ３５．５}.
	 */
	static String fullWidth(String number) {
		StringBuilder wide = new StringBuilder();
		for (char c : number.toCharArray()) {
			wide.append((c >= '0' && c <= '9') ? (char) ('０' + (c - '0')) : (c == '.') ? '．' : c);
		}
		return wide.toString();
	}

}
