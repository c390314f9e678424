package cn.xinning.villagereturns.reporting;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/**
 * Sorts the rows of one group (one village, township or county in one period) by
 * indicator code before passing them on. The database sorts by the codes before it
 * (digits and dashes, ordered alike everywhere); indicator codes are sorted here, by code
 * point, because database collations disagree on where "_" goes.
 */
final class IndicatorOrder implements Consumer<List<String>> {

	private final int indicatorColumn;

	private final Consumer<List<String>> sink;

	private final List<List<String>> group = new ArrayList<>();

	IndicatorOrder(int indicatorColumn, Consumer<List<String>> sink) {
		this.indicatorColumn = indicatorColumn;
		this.sink = sink;
	}

	@Override
	public void accept(List<String> row) {
		if (!this.group.isEmpty() && !sameGroup(this.group.get(0), row)) {
			flush();
		}
		this.group.add(row);
	}

	void flush() {
		this.group.sort(Comparator.comparing((List<String> row) -> row.get(this.indicatorColumn)));
		this.group.forEach(this.sink);
		this.group.clear();
	}

	private boolean sameGroup(List<String> a, List<String> b) {
		return a.subList(0, this.indicatorColumn).equals(b.subList(0, this.indicatorColumn));
	}

}
