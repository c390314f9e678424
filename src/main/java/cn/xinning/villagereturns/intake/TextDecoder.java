package cn.xinning.villagereturns.intake;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

	/** Bytes read at a time when a file is checked. */
	private static final int BLOCK = 64 * 1024;

	/** Bytes looked at for a signature, a byte-order mark or UTF-16 without one. */
	private static final int HEAD = 4096;

	private static final Set<String> REFUSED_WHEN_DETECTED = Set.of("BIG5", "EUC-TW", "SHIFT_JIS", "EUC-JP",
			"ISO-2022-JP", "EUC-KR", "ISO-2022-KR", "ISO-2022-CN");

	private TextDecoder() {
	}

	public sealed interface Result permits Decoded, DecodedFile, Undecodable, Found {

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
		try {
			Result result = classify(Content.of(bytes));
			if (result instanceof Found found) {
				String text = new String(bytes, found.offset(), bytes.length - found.offset(), found.charset());
				return new Decoded(text.startsWith("\uFEFF") ? text.substring(1) : text, found.encoding());
			}
			return result;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The text of a file too large to hold as one string, with the same rules as
	 * {@link #decode(byte[])}: it is checked in pieces, and decoded again each time it is
	 * read.
	 *
	 * @param file the file
	 * @param charset its encoding
	 * @param offset bytes of byte-order mark to skip
	 * @param encoding the name reported to clerks and stored with the file
	 */
	public record DecodedFile(Path file, Charset charset, int offset, String encoding) implements Result {

		/** The text, without byte-order mark. */
		public Reader open() throws IOException {
			InputStream in = Files.newInputStream(this.file);
			in.skipNBytes(this.offset);
			PushbackReader reader = new PushbackReader(new BufferedReader(new InputStreamReader(in,
					this.charset.newDecoder()
						.onMalformedInput(CodingErrorAction.REPORT)
						.onUnmappableCharacter(CodingErrorAction.REPORT)),
					BLOCK));
			int first = reader.read();
			if (first >= 0 && first != '\uFEFF') {
				reader.unread(first);
			}
			return reader;
		}

	}

	/**
	 * A file of ordinary size is read whole into a string ({@link Decoded}); a larger one
	 * is only checked, and read as a stream when used ({@link DecodedFile}), so that the
	 * memory a file takes does not grow with it.
	 */
	public static Result decode(Path file, long heldBytes) throws IOException {
		long size = Files.size(file);
		if (size <= heldBytes) {
			return decode(Files.readAllBytes(file));
		}
		Result result = classify(Content.of(file, size));
		if (result instanceof Found found) {
			return new DecodedFile(file, found.charset(), found.offset(), found.encoding());
		}
		return result;
	}

	/** What {@link #classify} found: text in this encoding. */
	private record Found(Charset charset, int offset, String encoding) implements Result {
	}

	/** The bytes of a file or an array, read a block at a time. */
	private interface Content {

		long size();

		InputStream open() throws IOException;

		static Content of(byte[] bytes) {
			return new Held(bytes);
		}

		static Content of(Path file, long size) {
			return new Content() {

				@Override
				public long size() {
					return size;
				}

				@Override
				public InputStream open() throws IOException {
					return Files.newInputStream(file);
				}

			};
		}

		default byte[] head(int count) throws IOException {
			try (InputStream in = open()) {
				return in.readNBytes(count);
			}
		}

	}

	/**
	 * Content already in memory (nearly every file): checked where it lies, without the
	 * blocks a file is read in. A province's 50,000 small files each allocated a quarter
	 * of a megabyte of buffers to be checked.
	 */
	private record Held(byte[] bytes) implements Content {

		@Override
		public long size() {
			return this.bytes.length;
		}

		@Override
		public InputStream open() {
			return new ByteArrayInputStream(this.bytes);
		}

		@Override
		public byte[] head(int count) {
			// only read, never changed
			return (this.bytes.length <= count) ? this.bytes : java.util.Arrays.copyOf(this.bytes, count);
		}

	}

	private static Result classify(Content content) throws IOException {
		if (content.size() == 0) {
			return new Undecodable(Reason.EMPTY, "");
		}
		byte[] head = content.head(HEAD);
		if (startsWith(head, 0x50, 0x4B, 0x03, 0x04)) {
			return new Undecodable(Reason.EXCEL_WORKBOOK, "xlsx");
		}
		if (startsWith(head, 0xD0, 0xCF, 0x11, 0xE0)) {
			return new Undecodable(Reason.EXCEL_97, "xls");
		}
		ByteOrderMark bom = byteOrderMark(head);
		if (bom != null) {
			Charset charset = Charset.forName(bom.getCharsetName());
			return decodesStrictly(content, bom.length(), charset, true)
					? new Found(charset, bom.length(), bom.getCharsetName() + " BOM")
					: new Undecodable(Reason.UNKNOWN_ENCODING, bom.getCharsetName());
		}
		Charset utf16 = utf16WithoutBom(head);
		if (utf16 != null) {
			return decodesStrictly(content, 0, utf16, true) ? new Found(utf16, 0, utf16.name())
					: new Undecodable(Reason.UNKNOWN_ENCODING, utf16.name());
		}
		if (hasControlBytes(content)) {
			return new Undecodable(Reason.BINARY, "");
		}
		// without NUL bytes, neither UTF-8 nor GB18030 can decode to a NUL character
		if (decodesStrictly(content, 0, StandardCharsets.UTF_8, false)) {
			return new Found(StandardCharsets.UTF_8, 0, "UTF-8");
		}
		String detected = detect(content);
		if (detected != null && REFUSED_WHEN_DETECTED.contains(detected)) {
			return new Undecodable(Reason.UNKNOWN_ENCODING, detected);
		}
		return decodesStrictly(content, 0, GB18030, false) ? new Found(GB18030, 0, "GB18030") : new Undecodable(
				Reason.UNKNOWN_ENCODING, (detected == null || CHINESE_MAINLAND.contains(detected)) ? "" : detected);
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
		try {
			return decodesStrictly(Content.of(bytes), 0, charset, false);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Whether the content after {@code offset} decodes with no malformed or unmappable
	 * input, a block at a time; with {@code noNul}, also without a NUL character (a
	 * binary file with a byte-order mark in front).
	 */
	private static boolean decodesStrictly(Content content, int offset, Charset charset, boolean noNul)
			throws IOException {
		var decoder = charset.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		if (content instanceof Held held) {
			return decodesStrictly(held.bytes(), offset, decoder, noNul);
		}
		ByteBuffer in = ByteBuffer.allocate(BLOCK);
		java.nio.CharBuffer out = java.nio.CharBuffer.allocate(BLOCK);
		try (InputStream stream = content.open()) {
			stream.skipNBytes(offset);
			boolean end = false;
			while (true) {
				int n = stream.read(in.array(), in.position(), in.remaining());
				if (n < 0) {
					end = true;
				}
				else {
					in.position(in.position() + n);
				}
				in.flip();
				java.nio.charset.CoderResult result = decoder.decode(in, out, end);
				while (result.isOverflow()) {
					if (noNul && hasNul(out)) {
						return false;
					}
					out.clear();
					result = decoder.decode(in, out, end);
				}
				if (result.isError()) {
					return false;
				}
				in.compact();
				if (end) {
					result = decoder.flush(out);
					return !result.isError() && !(noNul && hasNul(out));
				}
			}
		}
	}

	/** The same check on bytes in memory, in one pass. */
	private static boolean decodesStrictly(byte[] bytes, int offset, java.nio.charset.CharsetDecoder decoder,
			boolean noNul) {
		ByteBuffer in = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
		java.nio.CharBuffer out = java.nio.CharBuffer
			.allocate(Math.min(BLOCK, (int) (bytes.length * (double) decoder.maxCharsPerByte()) + 16));
		java.nio.charset.CoderResult result = decoder.decode(in, out, true);
		while (result.isOverflow()) {
			if (noNul && hasNul(out)) {
				return false;
			}
			out.clear();
			result = decoder.decode(in, out, true);
		}
		if (result.isError()) {
			return false;
		}
		result = decoder.flush(out);
		return !result.isError() && !(noNul && hasNul(out));
	}

	private static boolean hasNul(java.nio.CharBuffer out) {
		for (int i = 0; i < out.position(); i++) {
			if (out.get(i) == 0) {
				return true;
			}
		}
		return false;
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

	/** A NUL byte, or control bytes in more than one byte in a hundred. */
	private static boolean hasControlBytes(Content content) throws IOException {
		long control = 0;
		if (content instanceof Held held) {
			for (byte b : held.bytes()) {
				int c = b & 0xFF;
				if (c == 0) {
					return true;
				}
				if (c < 0x20 && c != '\t' && c != '\r' && c != '\n' && c != '\f' && c != 0x1A) {
					control++;
				}
			}
			return control * 100 > content.size();
		}
		byte[] block = new byte[BLOCK];
		try (InputStream in = content.open()) {
			int n;
			while ((n = in.read(block)) > 0) {
				for (int i = 0; i < n; i++) {
					int c = block[i] & 0xFF;
					if (c == 0) {
						return true;
					}
					if (c < 0x20 && c != '\t' && c != '\r' && c != '\n' && c != '\f' && c != 0x1A) {
						control++;
					}
				}
			}
		}
		return control * 100 > content.size();
	}

	private static String detect(Content content) throws IOException {
		UniversalDetector detector = new UniversalDetector(null);
		byte[] block = new byte[BLOCK];
		try (InputStream in = content.open()) {
			int n;
			while ((n = in.read(block)) > 0 && !detector.isDone()) {
				detector.handleData(block, 0, n);
			}
		}
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
