package cn.xinning.villagereturns.returns;

import java.util.List;

/**
 * A return as read from a file, before any rule is applied: the cells that make it up and
 * where they are.
 *
 * @param line the line of its first row
 * @param village the village code cell
 * @param period the period cell
 * @param villageName the village name as written, or empty
 * @param values its value cells, in file order
 * @param surplusRows value rows beyond those kept: a return with more rows than the
 * catalogue has indicators is rejected whatever they hold, so they are only counted
 */
public record ReturnDraft(int line, Cell village, Cell period, String villageName, List<ValueCell> values,
		int surplusRows) {

	public ReturnDraft(int line, Cell village, Cell period, String villageName, List<ValueCell> values) {
		this(line, village, period, villageName, values, 0);
	}

	/**
	 * A cell and where it is.
	 *
	 * @param line line of its row
	 * @param column header of its column as written
	 * @param raw the text as written
	 */
	public record Cell(int line, String column, String raw) {
	}

	/**
	 * One value of the return.
	 *
	 * @param indicator the indicator cell (long layout) or the column header (wide
	 * layout)
	 * @param value the value cell
	 * @param note the note of the row (long layout), or empty
	 */
	public record ValueCell(Cell indicator, Cell value, String note) {
	}

}
