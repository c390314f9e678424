package cn.xinning.villagereturns.generate;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;

/**
 * The four kinds of file the county's clerks actually send (spec section 3 says all must
 * be read). Each is what a real tool writes: a village's own export, Excel "CSV" on a
 * Chinese Windows, Excel "CSV UTF-8", and Excel "Unicode text".
 */
enum FileShape {

	/**
	 * (a) One file per village, long layout, UTF-8 without BOM, LF, period
	 * {@code 2026-10}.
	 */
	LONG_VILLAGE_UTF8('a', StandardCharsets.UTF_8, false, "\n", ',', "逐村长表，UTF-8 无 BOM，LF，报告期 2026-10",
			"long layout per village, UTF-8 without BOM, LF, period 2026-10"),

	/**
	 * (b) One file per township, wide, GB18030, CRLF, Chinese headers, period
	 * {@code 2026年10月}.
	 */
	WIDE_GB18030('b', Charset.forName("GB18030"), false, "\r\n", ',',
			"乡镇宽表，GB18030（中文 Windows 上 Excel 另存的 CSV），CRLF，中文表头，报告期 2026年10月",
			"wide layout per township, GB18030 (Excel CSV on a Chinese Windows), CRLF, Chinese headers, period 2026年10月"),

	/**
	 * (c) One file per township, wide, UTF-8 with BOM, codes as headers, period
	 * {@code 202610}.
	 */
	WIDE_UTF8_BOM('c', StandardCharsets.UTF_8, true, "\r\n", ',',
			"乡镇宽表，UTF-8 带 BOM（Excel “CSV UTF-8”），CRLF，指标代码作表头，报告期 202610，千位分隔符 \"1,090\"",
			"wide layout per township, UTF-8 with BOM (Excel \"CSV UTF-8\"), CRLF, codes as headers, period 202610, "
					+ "thousands separators \"1,090\""),

	/**
	 * (d) One file per township, long, Excel "Unicode text": UTF-16LE with BOM, tabs,
	 * CRLF, period {@code 2026/10}.
	 */
	LONG_UTF16_TAB('d', StandardCharsets.UTF_16LE, true, "\r\n", '\t',
			"乡镇长表，Excel “Unicode 文本”（UTF-16LE 带 BOM，制表符分隔），CRLF，报告期 2026/10，偶有全角数字、空行",
			"long layout per township, Excel \"Unicode text\" (UTF-16LE with BOM, tab-separated), CRLF, period 2026/10, "
					+ "some full-width digits and blank lines");

	private final char letter;

	private final Charset charset;

	private final boolean byteOrderMark;

	private final String lineEnding;

	private final char delimiter;

	private final String zh;

	private final String en;

	FileShape(char letter, Charset charset, boolean byteOrderMark, String lineEnding, char delimiter, String zh,
			String en) {
		this.letter = letter;
		this.charset = charset;
		this.byteOrderMark = byteOrderMark;
		this.lineEnding = lineEnding;
		this.delimiter = delimiter;
		this.zh = zh;
		this.en = en;
	}

	char letter() {
		return this.letter;
	}

	Charset charset() {
		return this.charset;
	}

	boolean byteOrderMark() {
		return this.byteOrderMark;
	}

	String lineEnding() {
		return this.lineEnding;
	}

	char delimiter() {
		return this.delimiter;
	}

	String zh() {
		return this.zh;
	}

	String en() {
		return this.en;
	}

	boolean wide() {
		return this == WIDE_GB18030 || this == WIDE_UTF8_BOM;
	}

	boolean perVillage() {
		return this == LONG_VILLAGE_UTF8;
	}

	/** The period as this kind of file spells it. */
	String period(YearMonth period) {
		return switch (this) {
			case LONG_VILLAGE_UTF8 -> period.toString();
			case WIDE_GB18030 -> period.getYear() + "年" + period.getMonthValue() + "月";
			case WIDE_UTF8_BOM -> String.format("%d%02d", period.getYear(), period.getMonthValue());
			case LONG_UTF16_TAB -> String.format("%d/%02d", period.getYear(), period.getMonthValue());
		};
	}

}
