package cn.xinning.villagereturns.ledger;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.xinning.villagereturns.intake.CsvTable;
import cn.xinning.villagereturns.intake.CsvTable.MalformedCsvException;
import cn.xinning.villagereturns.intake.CsvTable.Row;
import cn.xinning.villagereturns.intake.TextDecoder.Decoded;
import cn.xinning.villagereturns.reference.Village;
import cn.xinning.villagereturns.reference.VillageRegistry;
import cn.xinning.villagereturns.returns.VillageCodes;
import cn.xinning.villagereturns.support.Text;
import cn.xinning.villagereturns.validation.Problem;
import cn.xinning.villagereturns.validation.RuleCode;

/**
 * Reads an issue ledger (spec section 12) and applies its row rules: V-VILLAGE,
 * L-REQUIRED, L-CATEGORY, L-STATUS-VALUE, L-DATE, L-ORDER and L-STATUS. A problem names
 * the line and the column as the clerk wrote them. Decoding and CSV reading are the
 * returns' own ({@code TextDecoder}, {@code CsvTable}), so a ledger is read in every
 * encoding and shape a return is.
 */
public final class LedgerFileReader {

	private final VillageRegistry registry;

	private final LocalDate businessDate;

	/**
	 * @param registry the village registry
	 * @param businessDate the run's business date: no date may be after it
	 */
	public LedgerFileReader(VillageRegistry registry, LocalDate businessDate) {
		this.registry = registry;
		this.businessDate = businessDate;
	}

	/**
	 * Whether the text's header is a ledger's: it has the issue number column, or both
	 * the date collected and the status (no return has either). Looks at the first
	 * non-blank line only, so that a return is not parsed twice.
	 */
	public static boolean isLedger(String text) {
		String line = firstNonBlankLine(text);
		char delimiter = (line.indexOf('\t') >= 0 && line.indexOf(',') < 0) ? '\t' : ',';
		boolean issueNo = false;
		boolean raisedOn = false;
		boolean status = false;
		for (String cell : line.split(String.valueOf(delimiter), -1)) {
			Optional<LedgerColumn> column = LedgerColumn.of(cell.replace("\"", ""));
			issueNo |= column.filter((c) -> c == LedgerColumn.ISSUE_NO).isPresent();
			raisedOn |= column.filter((c) -> c == LedgerColumn.RAISED_ON).isPresent();
			status |= column.filter((c) -> c == LedgerColumn.STATUS).isPresent();
		}
		return issueNo || (raisedOn && status);
	}

	private static String firstNonBlankLine(String text) {
		int start = 0;
		while (start < text.length()) {
			int end = start;
			while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
				end++;
			}
			String line = text.substring(start, end);
			if (!Text.stripAll(line.replace(",", "").replace("\t", "")).isEmpty()) {
				return line;
			}
			start = end + 1;
		}
		return "";
	}

	public LedgerFile read(Decoded decoded) {
		CsvTable table;
		try {
			table = CsvTable.parse(decoded.text());
		}
		catch (MalformedCsvException ex) {
			return new LedgerFile(decoded.encoding(),
					List.of(Problem.error(ex.line(), "", "", RuleCode.F_FORMAT, "file.format")), List.of());
		}
		Row headerRow = table.header();
		Map<LedgerColumn, Integer> columns = new EnumMap<>(LedgerColumn.class);
		List<Problem> problems = new ArrayList<>();
		for (int i = 0; i < headerRow.cells().size(); i++) {
			int index = i;
			LedgerColumn.of(headerRow.cells().get(i)).ifPresent((column) -> {
				if (columns.putIfAbsent(column, index) != null) {
					String name = Text.stripAll(headerRow.cells().get(index));
					problems.add(
							Problem.error(headerRow.line(), name, name, RuleCode.F_COLUMNS, "file.column.twice", name));
				}
			});
		}
		for (LedgerColumn column : LedgerColumn.values()) {
			if (column.required() && !columns.containsKey(column)) {
				problems.add(Problem.error(headerRow.line(), column.canonical(), "", RuleCode.F_COLUMNS,
						"file.column.missing", column.canonical()));
			}
		}
		if (!problems.isEmpty()) {
			return new LedgerFile(decoded.encoding(), problems, List.of());
		}
		if (!table.dataRows().iterator().hasNext()) {
			problems.add(Problem.error(0, "", "", RuleCode.F_EMPTY, "file.headerOnly"));
		}
		Cells cells = new Cells(headerRow, columns);
		List<LedgerRow> rows = table.dataRows().stream().map((row) -> check(row, cells)).toList();
		return new LedgerFile(decoded.encoding(), problems, rows);
	}

	/** The header, to find a column's cell and its name as written. */
	private record Cells(Row header, Map<LedgerColumn, Integer> columns) {

		String name(LedgerColumn column) {
			Integer index = this.columns.get(column);
			return (index != null) ? Text.stripAll(this.header.cell(index)) : column.canonical();
		}

		/** The column's name for messages, in Chinese and in English: two arguments. */
		Object[] labels(LedgerColumn column) {
			return new Object[] { column.labelZh(name(column)), column.labelEn(name(column)) };
		}

		String raw(Row row, LedgerColumn column) {
			Integer index = this.columns.get(column);
			return (index != null) ? row.cell(index) : "";
		}

	}

	private LedgerRow check(Row row, Cells cells) {
		List<Problem> problems = new ArrayList<>();
		int line = row.line();
		for (LedgerColumn column : LedgerColumn.values()) {
			if (column.required() && Text.stripAll(cells.raw(row, column)).isEmpty()) {
				problems.add(Problem.error(line, cells.name(column), "", RuleCode.L_REQUIRED, "ledger.required",
						cells.labels(column)));
			}
		}
		String issueNo = Text.normalize(cells.raw(row, LedgerColumn.ISSUE_NO));
		Optional<LocalDate> raisedOn = date(row, cells, LedgerColumn.RAISED_ON, problems);
		String villageCode = VillageCodes.normalize(cells.raw(row, LedgerColumn.VILLAGE_CODE));
		if (!villageCode.isEmpty()) {
			checkVillage(line, cells.name(LedgerColumn.VILLAGE_CODE), cells.raw(row, LedgerColumn.VILLAGE_CODE),
					villageCode, raisedOn, problems);
		}
		Optional<IssueCategory> category = IssueCategory.of(cells.raw(row, LedgerColumn.CATEGORY));
		String categoryText = Text.stripAll(cells.raw(row, LedgerColumn.CATEGORY));
		if (category.isEmpty() && !categoryText.isEmpty()) {
			problems.add(Problem.error(line, cells.name(LedgerColumn.CATEGORY), categoryText, RuleCode.L_CATEGORY,
					"ledger.category", categoryText));
		}
		Optional<IssueStatus> status = IssueStatus.of(cells.raw(row, LedgerColumn.STATUS));
		String statusText = Text.stripAll(cells.raw(row, LedgerColumn.STATUS));
		if (status.isEmpty() && !statusText.isEmpty()) {
			problems.add(Problem.error(line, cells.name(LedgerColumn.STATUS), statusText, RuleCode.L_STATUS_VALUE,
					"ledger.status", statusText));
		}
		Optional<LocalDate> township = date(row, cells, LedgerColumn.ESCALATED_TOWNSHIP_ON, problems);
		Optional<LocalDate> county = date(row, cells, LedgerColumn.ESCALATED_COUNTY_ON, problems);
		Optional<LocalDate> resolved = date(row, cells, LedgerColumn.RESOLVED_ON, problems);
		checkOrder(line, cells, raisedOn, township, county, resolved, problems);
		status.ifPresent((s) -> checkStatus(row, cells, s, problems));
		return new LedgerRow(line, villageCode, issueNo, raisedOn, category,
				Text.stripAll(cells.raw(row, LedgerColumn.SUMMARY)), status, township, county, resolved, problems);
	}

	private void checkVillage(int line, String column, String raw, String code, Optional<LocalDate> raisedOn,
			List<Problem> problems) {
		String key = switch (VillageCodes.shape(code)) {
			case CODE, EMPTY -> null;
			case EXCEL_SCIENTIFIC -> "village.scientific";
			case EXCEL_DECIMAL -> "village.decimal";
			case WRONG_LENGTH -> "village.length";
			case NOT_A_CODE -> "village.notCode";
		};
		if (key != null) {
			problems.add(Problem.error(line, column, raw, RuleCode.V_VILLAGE, key, code));
		}
		else if (!this.registry.isKnown(code)) {
			problems.add(Problem.error(line, column, raw, RuleCode.V_VILLAGE, "village.unknown", code));
		}
		else if (raisedOn.isPresent() && this.registry.validIn(code, YearMonth.from(raisedOn.get())).isEmpty()) {
			Village any = this.registry.anyLine(code).orElseThrow();
			problems.add(Problem.error(line, column, raw, RuleCode.V_VILLAGE, "ledger.village.notValid", code,
					any.name(), YearMonth.from(raisedOn.get()).toString(), any.validity()));
		}
	}

	/**
	 * A date cell: empty is no date; otherwise it must read, and not be in the future.
	 */
	private Optional<LocalDate> date(Row row, Cells cells, LedgerColumn column, List<Problem> problems) {
		String raw = cells.raw(row, column);
		String text = Text.stripAll(raw);
		if (text.isEmpty()) {
			return Optional.empty();
		}
		Optional<LocalDate> date = LedgerDates.parse(text);
		if (date.isEmpty()) {
			problems.add(Problem.error(row.line(), cells.name(column), text, RuleCode.L_DATE, "ledger.date.unreadable",
					with(cells.labels(column), text)));
		}
		else if (date.get().isAfter(this.businessDate)) {
			problems.add(Problem.error(row.line(), cells.name(column), text, RuleCode.L_DATE, "ledger.date.future",
					with(cells.labels(column), date.get().toString(), this.businessDate.toString())));
			return Optional.empty();
		}
		return date;
	}

	/**
	 * raised ≤ township ≤ county over the dates given (a county date without a township
	 * date is compared with the date raised), and resolved ≥ raised.
	 */
	private static void checkOrder(int line, Cells cells, Optional<LocalDate> raised, Optional<LocalDate> township,
			Optional<LocalDate> county, Optional<LocalDate> resolved, List<Problem> problems) {
		LedgerColumn previous = LedgerColumn.RAISED_ON;
		Optional<LocalDate> previousDate = raised;
		for (Map.Entry<LedgerColumn, Optional<LocalDate>> step : List.of(
				Map.entry(LedgerColumn.ESCALATED_TOWNSHIP_ON, township),
				Map.entry(LedgerColumn.ESCALATED_COUNTY_ON, county))) {
			if (step.getValue().isEmpty()) {
				continue;
			}
			if (previousDate.isPresent() && step.getValue().get().isBefore(previousDate.get())) {
				problems
					.add(orderProblem(line, cells, step.getKey(), step.getValue().get(), previous, previousDate.get()));
			}
			previous = step.getKey();
			previousDate = step.getValue();
		}
		if (resolved.isPresent() && raised.isPresent() && resolved.get().isBefore(raised.get())) {
			problems.add(orderProblem(line, cells, LedgerColumn.RESOLVED_ON, resolved.get(), LedgerColumn.RAISED_ON,
					raised.get()));
		}
	}

	private static Problem orderProblem(int line, Cells cells, LedgerColumn column, LocalDate date, LedgerColumn before,
			LocalDate beforeDate) {
		return Problem.error(line, cells.name(column), date.toString(), RuleCode.L_ORDER, "ledger.order",
				with(with(cells.labels(column), date.toString()), with(cells.labels(before), beforeDate.toString())));
	}

	private static Object[] with(Object[] first, Object... more) {
		Object[] all = java.util.Arrays.copyOf(first, first.length + more.length);
		System.arraycopy(more, 0, all, first.length, more.length);
		return all;
	}

	/** The status agrees with the dates (spec section 12, L-STATUS). */
	private static void checkStatus(Row row, Cells cells, IssueStatus status, List<Problem> problems) {
		String statusText = Text.stripAll(cells.raw(row, LedgerColumn.STATUS));
		List<LedgerColumn> needed = new ArrayList<>();
		if (status.reachedTownship()) {
			needed.add(LedgerColumn.ESCALATED_TOWNSHIP_ON);
		}
		if (status.reachedCounty()) {
			needed.add(LedgerColumn.ESCALATED_COUNTY_ON);
		}
		if (status.resolved()) {
			needed.add(LedgerColumn.RESOLVED_ON);
		}
		for (LedgerColumn column : needed) {
			if (Text.stripAll(cells.raw(row, column)).isEmpty()) {
				problems.add(Problem.error(row.line(), cells.name(column), "", RuleCode.L_STATUS,
						"ledger.status.needsDate", with(new Object[] { statusText }, cells.labels(column))));
			}
		}
		String resolvedText = Text.stripAll(cells.raw(row, LedgerColumn.RESOLVED_ON));
		if (!status.resolved() && !resolvedText.isEmpty()) {
			problems.add(Problem.error(row.line(), cells.name(LedgerColumn.RESOLVED_ON), resolvedText,
					RuleCode.L_STATUS, "ledger.status.notResolved", statusText, resolvedText));
		}
	}

}
