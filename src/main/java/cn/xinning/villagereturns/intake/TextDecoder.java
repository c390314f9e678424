package cn.xinning.villagereturns.intake;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.apache.commons.io.ByteOrderMark;
import org.apache.commons.io.input.BOMInputStream;
import org.mozilla.universalchardet.UniversalDetector;

/**
 * Turns the bytes of a clerk's file into text without ever guessing silently wrong.
 *
 * <p>
 * A byte-order mark decides (UTF-8, or Excel's "Unicode text", which is UTF-16). Without
 * one, the text must decode strictly (no replacement characters) as UTF-8, or else as
 * GB18030, the superset of GBK that Excel on a Chinese Windows writes. GB18030 accepts
 * most byte soup, so juniversalchardet is asked as well: when it recognises another Asian
 * encoding the file is refused with that name, rather than read as mojibake.
 */
public final class TextDecoder {

	static final Charset GB18030 = Charset.forName("GB18030");

	private static final Set<String> CHINESE_MAINLAND = Set.of("GB18030", "GBK", "GB2312", "HZ-GB-2312", "UTF-8");

	private static final Set<String> REFUSED_WHEN_DETECTED = Set.of("BIG5", "EUC-TW", "SHIFT_JIS", "EUC-JP",
			"ISO-2022-JP", "EUC-KR", "ISO-2022-KR", "ISO-2022-CN");

	private TextDecoder() {
	}

	public sealed interface Result permits Decoded, Undecodable {

	}

	/**
	 * @param text the content, without byte-order mark
	 * @param encoding the name reported to clerks and stored with the file
	 */
	public record Decoded(String text, String encoding) implements Result {

	}

	/**
	 * @param reason why the content cannot be read as text
	 * @param detail the detected format or encoding, or an empty string
	 */
	public record Undecodable(Reason reason, String detail) implements Result {

	}

	public enum Reason {

		/** No bytes at all. */
		EMPTY,
		/** An Excel workbook (.xlsx, a ZIP archive). */
		EXCEL_WORKBOOK,
		/** An old Excel workbook (.xls, an OLE2 compound file). */
		EXCEL_97,
		/** NUL or other control bytes: not a text file. */
		BINARY,
		/**
		 * Text, but in no encoding this county uses (the detail names what it looks
		 * like).
		 */
		UNKNOWN_ENCODING

	}

	public static Result decode(byte[] bytes) {
		if (bytes.length == 0) {
			return new Undecodable(Reason.EMPTY, "");
		}
		if (startsWith(bytes, 0x50, 0x4B, 0x03, 0x04)) {
			return new Undecodable(Reason.EXCEL_WORKBOOK, "xlsx");
		}
		if (startsWith(bytes, 0xD0, 0xCF, 0x11, 0xE0)) {
			return new Undecodable(Reason.EXCEL_97, "xls");
		}
		ByteOrderMark bom = byteOrderMark(bytes);
		if (bom != null) {
			Charset charset = Charset.forName(bom.getCharsetName());
			byte[] body = Arrays.copyOfRange(bytes, bom.length(), bytes.length);
			return strict(body, charset).<Result>map((text) -> checked(text, bom.getCharsetName() + " BOM"))
				.orElse(new Undecodable(Reason.UNKNOWN_ENCODING, bom.getCharsetName()));
		}
		Charset utf16 = utf16WithoutBom(bytes);
		if (utf16 != null) {
			return strict(bytes, utf16).<Result>map((text) -> checked(text, utf16.name()))
				.orElse(new Undecodable(Reason.UNKNOWN_ENCODING, utf16.name()));
		}
		if (hasControlBytes(bytes)) {
			return new Undecodable(Reason.BINARY, "");
		}
		var utf8 = strict(bytes, StandardCharsets.UTF_8);
		if (utf8.isPresent()) {
			return checked(utf8.get(), "UTF-8");
		}
		String detected = detect(bytes);
		if (detected != null && REFUSED_WHEN_DETECTED.contains(detected)) {
			return new Undecodable(Reason.UNKNOWN_ENCODING, detected);
		}
		return strict(bytes, GB18030).<Result>map((text) -> checked(text, "GB18030"))
			.orElse(new Undecodable(Reason.UNKNOWN_ENCODING,
					(detected == null || CHINESE_MAINLAND.contains(detected)) ? "" : detected));
	}

	/**
	 * The encoding of a large text file (a province's registry) without building its
	 * text: a byte-order mark, else strict UTF-8, else strict GB18030, checked in small
	 * pieces.
	 *
	 * @param charset the encoding
	 * @param offset bytes of byte-order mark to skip
	 */
	public record Encoding(Charset charset, int offset) {
	}

	public static java.util.Optional<Encoding> encodingOf(byte[] bytes) {
		ByteOrderMark bom = byteOrderMark(bytes);
		if (bom != null) {
			return java.util.Optional.of(new Encoding(Charset.forName(bom.getCharsetName()), bom.length()));
		}
		for (Charset charset : List.of(StandardCharsets.UTF_8, GB18030)) {
			if (decodesStrictly(bytes, charset)) {
				return java.util.Optional.of(new Encoding(charset, 0));
			}
		}
		return java.util.Optional.empty();
	}

	private static boolean decodesStrictly(byte[] bytes, Charset charset) {
		var decoder = charset.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		ByteBuffer in = ByteBuffer.wrap(bytes);
		java.nio.CharBuffer out = java.nio.CharBuffer.allocate(8192);
		while (true) {
			java.nio.charset.CoderResult result = decoder.decode(in, out, true);
			if (result.isError()) {
				return false;
			}
			out.clear();
			if (result.isUnderflow()) {
				return !decoder.flush(out).isError();
			}
		}
	}

	private static Result checked(String text, String encoding) {
		String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
		if (body.chars().anyMatch((c) -> c == 0)) {
			return new Undecodable(Reason.BINARY, "");
		}
		return new Decoded(body, encoding);
	}

	private static ByteOrderMark byteOrderMark(byte[] bytes) {
		try (BOMInputStream in = BOMInputStream.builder()
			.setInputStream(new ByteArrayInputStream(bytes, 0, Math.min(bytes.length, 8)))
			.setByteOrderMarks(ByteOrderMark.UTF_32LE, ByteOrderMark.UTF_32BE, ByteOrderMark.UTF_8,
					ByteOrderMark.UTF_16LE, ByteOrderMark.UTF_16BE)
			.get()) {
			return in.getBOM();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** UTF-16 saved without a mark shows as a NUL in every other byte of ASCII text. */
	private static Charset utf16WithoutBom(byte[] bytes) {
		int sample = Math.min(bytes.length, 4096) & ~1;
		if (sample < 4) {
			return null;
		}
		int evenZero = 0;
		int oddZero = 0;
		for (int i = 0; i < sample; i += 2) {
			if (bytes[i] == 0) {
				evenZero++;
			}
			if (bytes[i + 1] == 0) {
				oddZero++;
			}
		}
		int pairs = sample / 2;
		if (oddZero * 10 >= pairs * 3 && evenZero * 10 < pairs) {
			return StandardCharsets.UTF_16LE;
		}
		if (evenZero * 10 >= pairs * 3 && oddZero * 10 < pairs) {
			return StandardCharsets.UTF_16BE;
		}
		return null;
	}

	private static boolean hasControlBytes(byte[] bytes) {
		int control = 0;
		for (byte b : bytes) {
			int c = b & 0xFF;
			if (c == 0) {
				return true;
			}
			if (c < 0x20 && c != '\t' && c != '\r' && c != '\n' && c != '\f' && c != 0x1A) {
				control++;
			}
		}
		return control * 100 > bytes.length;
	}

	private static java.util.Optional<String> strict(byte[] bytes, Charset charset) {
		try {
			return java.util.Optional.of(charset.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString());
		}
		catch (CharacterCodingException ex) {
			return java.util.Optional.empty();
		}
	}

	private static String detect(byte[] bytes) {
		UniversalDetector detector = new UniversalDetector(null);
		detector.handleData(bytes, 0, bytes.length);
		detector.dataEnd();
		return detector.getDetectedCharset();
	}

	private static boolean startsWith(byte[] bytes, int... prefix) {
		if (bytes.length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if ((bytes[i] & 0xFF) != prefix[i]) {
				return false;
			}
		}
		return true;
	}

}
