package cn.xinning.villagereturns.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import cn.xinning.villagereturns.intake.TextDecoder.Decoded;
import cn.xinning.villagereturns.intake.TextDecoder.Reason;
import cn.xinning.villagereturns.intake.TextDecoder.Undecodable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** {@link TextDecoder#decode}: the encoding is detected, never guessed silently wrong. */
class TextDecoderTests {

	private static final Charset GBK = Charset.forName("GBK");

	private static final Charset GB18030 = Charset.forName("GB18030");

	private static final String CHINESE = "村代码,村名,报告期,上门走访人次\r\n430528101201,水堰村,2026年10月,412\r\n"
			+ "430528100201,湾坝村,2026年10月,350\r\n";

	@Test
	void utf8WithoutByteOrderMark() {
		assertThat(TextDecoder.decode(CHINESE.getBytes(StandardCharsets.UTF_8)))
			.isEqualTo(new Decoded(CHINESE, "UTF-8"));
	}

	@Test
	void utf8ChineseIsNotReadAsGb18030() {
		byte[] bytes = "村名\n水堰村\n".getBytes(StandardCharsets.UTF_8);
		assertThat(new String(bytes, GB18030)).isNotEqualTo("村名\n水堰村\n");
		assertThat(TextDecoder.decode(bytes)).isEqualTo(new Decoded("村名\n水堰村\n", "UTF-8"));
	}

	@Test
	void utf8FixtureWithChineseHeadersIsUtf8() {
		byte[] bytes = fixture("quirks/wide-name-zh-headers.csv");
		assertThat(TextDecoder.decode(bytes))
			.isEqualTo(new Decoded(new String(bytes, StandardCharsets.UTF_8), "UTF-8"));
	}

	@Test
	void utf8ByteOrderMarkIsRemoved() {
		byte[] bytes = concat(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF },
				CHINESE.getBytes(StandardCharsets.UTF_8));
		assertThat(TextDecoder.decode(bytes)).isEqualTo(new Decoded(CHINESE, "UTF-8 BOM"));
	}

	@Test
	void gbkBytesThatAreNotUtf8AreDecodedAsGb18030Exactly() {
		byte[] bytes = CHINESE.getBytes(GBK);
		assertThatExceptionOfType(CharacterCodingException.class)
			.isThrownBy(() -> StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)));
		assertThat(TextDecoder.decode(bytes)).isEqualTo(new Decoded(CHINESE, "GB18030"));
	}

	@Test
	void shortGbkFileWithAsciiHeaderIsDecodedAsGb18030Exactly() {
		String text = "village_code,village_name,period\r\n430528101201,水堰村,2026-10\r\n";
		assertThat(TextDecoder.decode(text.getBytes(GBK))).isEqualTo(new Decoded(text, "GB18030"));
	}

	@Test
	void gb18030FixtureIsDecodedWithoutMojibake() {
		byte[] bytes = fixture("quirks/gb18030-wide-chinese-headers.csv");
		TextDecoder.Result result = TextDecoder.decode(bytes);
		assertThat(result).isEqualTo(new Decoded(new String(bytes, GB18030), "GB18030"));
		String text = ((Decoded) result).text();
		assertThat(text).startsWith("村代码,村名,报告期,结对联系农户数,联户党员干部数,")
			.contains("\r\n430528101201,水堰村,2026-10,210,52,")
			.contains("\r\n430528100201,湾坝村,2026-10,170,40,")
			.doesNotContain("\uFFFD");
	}

	@Test
	void utf16LittleEndianWithByteOrderMark() {
		String text = "village_code\tvillage_name\r\n430528101201\t水堰村\r\n";
		byte[] bytes = concat(new byte[] { (byte) 0xFF, (byte) 0xFE }, text.getBytes(StandardCharsets.UTF_16LE));
		assertThat(TextDecoder.decode(bytes)).isEqualTo(new Decoded(text, "UTF-16LE BOM"));
	}

	@Test
	void utf16BigEndianWithByteOrderMark() {
		String text = "village_code\tvillage_name\r\n430528101201\t水堰村\r\n";
		byte[] bytes = concat(new byte[] { (byte) 0xFE, (byte) 0xFF }, text.getBytes(StandardCharsets.UTF_16BE));
		assertThat(TextDecoder.decode(bytes)).isEqualTo(new Decoded(text, "UTF-16BE BOM"));
	}

	@Test
	void utf16LittleEndianWithoutByteOrderMark() {
		String text = "village_code\tperiod\r\n430528101201\t2026-10\r\n";
		assertThat(TextDecoder.decode(text.getBytes(StandardCharsets.UTF_16LE)))
			.isEqualTo(new Decoded(text, "UTF-16LE"));
	}

	@Test
	void utf16FixtureOfExcelUnicodeText() {
		byte[] bytes = fixture("quirks/utf16le-bom-tab.txt");
		String expected = new String(Arrays.copyOfRange(bytes, 2, bytes.length), StandardCharsets.UTF_16LE);
		assertThat(TextDecoder.decode(bytes)).isEqualTo(new Decoded(expected, "UTF-16LE BOM"));
		assertThat(expected).startsWith("village_code\tvillage_name\tperiod\tPAIRED_HOUSEHOLDS\t")
			.contains("\r\n430528101201\t水堰村\t2026-10\t210\t");
	}

	@Test
	void nothingAtAll() {
		assertThat(TextDecoder.decode(new byte[0])).isEqualTo(new Undecodable(Reason.EMPTY, ""));
	}

	@Test
	void excelWorkbooks() {
		assertThat(TextDecoder.decode(fixture("rules/f-xlsx.xlsx")))
			.isEqualTo(new Undecodable(Reason.EXCEL_WORKBOOK, "xlsx"));
		assertThat(TextDecoder.decode(fixture("rules/f-xls.xls"))).isEqualTo(new Undecodable(Reason.EXCEL_97, "xls"));
	}

	@Test
	void binaryContent() {
		assertThat(TextDecoder.decode(fixture("rules/f-binary.png"))).isEqualTo(new Undecodable(Reason.BINARY, ""));
		assertThat(TextDecoder.decode("village_code\u0000,period\n".getBytes(StandardCharsets.UTF_8)))
			.isEqualTo(new Undecodable(Reason.BINARY, ""));
	}

	@Test
	void bytesThatAreNeitherUtf8NorGb18030AreRefused() {
		byte[] bytes = { 'a', ',', 'b', '\n', '1', ',', (byte) 0xFF, (byte) 0xFE, (byte) 0xFF, '\n' };
		assertThat(TextDecoder.decode(bytes)).isEqualTo(new Undecodable(Reason.UNKNOWN_ENCODING, "WINDOWS-1252"));
	}

	@Test
	void japaneseShiftJisIsRefusedByName() {
		String text = "村コード,村名,期間\r\n430528101201,テスト村です,2026-10\r\n" + "これは日本語のテキストです。ひらがなとカタカナを含みます。\r\n";
		assertThat(TextDecoder.decode(text.getBytes(Charset.forName("Shift_JIS"))))
			.isEqualTo(new Undecodable(Reason.UNKNOWN_ENCODING, "SHIFT_JIS"));
	}

	@Test
	void traditionalChineseBig5IsRefusedByName() {
		String text = "村代碼,村名,報告期\r\n430528101201,水堰村,2026-10\r\n臺灣繁體中文的測試資料，這是一個較長的句子。\r\n";
		assertThat(TextDecoder.decode(text.getBytes(Charset.forName("Big5"))))
			.isEqualTo(new Undecodable(Reason.UNKNOWN_ENCODING, "BIG5"));
	}

	static byte[] fixture(String path) {
		try (InputStream in = TextDecoderTests.class.getResourceAsStream("/fixtures/" + path)) {
			assertThat(in).as("fixture %s", path).isNotNull();
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static byte[] concat(byte[] first, byte[] second) {
		byte[] all = Arrays.copyOf(first, first.length + second.length);
		System.arraycopy(second, 0, all, first.length, second.length);
		return all;
	}

}
