package cn.xinning.villagereturns.generate;

import java.util.ArrayList;
import java.util.List;

/**
 * The lines of one file being written, counted as a clerk counts them in a text editor
 * (the header is line 1, blank lines count), so that planted problems can name their
 * line.
 */
final class TextFile {

	private final FileShape shape;

	private final List<String> lines = new ArrayList<>();

	TextFile(FileShape shape) {
		this.shape = shape;
	}

	/** Adds a row of cells, quoted per RFC 4180 where needed; returns its line number. */
	int row(List<String> cells) {
		StringBuilder line = new StringBuilder();
		for (int i = 0; i < cells.size(); i++) {
			if (i > 0) {
				line.append(this.shape.delimiter());
			}
			line.append(quoted(cells.get(i)));
		}
		return raw(line.toString());
	}

	/**
	 * A row of empty cells, as Excel writes an empty but formatted sheet row
	 * ({@code ,,,,}).
	 */
	int emptyRow(int columns) {
		return raw(String.valueOf(this.shape.delimiter()).repeat(Math.max(0, columns - 1)));
	}

	/** A line with nothing on it. */
	int blank() {
		return raw("");
	}

	int lineCount() {
		return this.lines.size();
	}

	private int raw(String line) {
		this.lines.add(line);
		return this.lines.size();
	}

	private String quoted(String cell) {
		if (cell.indexOf(this.shape.delimiter()) < 0 && cell.indexOf('"') < 0 && cell.indexOf('\n') < 0
				&& cell.indexOf('\r') < 0) {
			return cell;
		}
		return '"' + cell.replace("\"", "\"\"") + '"';
	}

	/**
	 * The bytes as the shape's tool saves them: its encoding, byte-order mark and line
	 * endings.
	 */
	byte[] encode() {
		StringBuilder text = new StringBuilder();
		if (this.shape.byteOrderMark()) {
			text.append('\uFEFF');
		}
		for (String line : this.lines) {
			text.append(line).append(this.shape.lineEnding());
		}
		return text.toString().getBytes(this.shape.charset());
	}

}
