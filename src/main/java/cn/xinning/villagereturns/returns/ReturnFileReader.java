package cn.xinning.villagereturns.returns;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import cn.xinning.villagereturns.intake.CsvTable;
import cn.xinning.villagereturns.intake.CsvTable.MalformedCsvException;
import cn.xinning.villagereturns.intake.CsvTable.Row;
import cn.xinning.villagereturns.intake.TextDecoder;
import cn.xinning.villagereturns.intake.TextDecoder.Decoded;
import cn.xinning.villagereturns.intake.TextDecoder.Undecodable;
import cn.xinning.villagereturns.reference.Indicator;
import cn.xinning.villagereturns.reference.IndicatorCatalogue;
import cn.xinning.villagereturns.returns.ReturnDraft.Cell;
import cn.xinning.villagereturns.returns.ReturnDraft.ValueCell;
import cn.xinning.villagereturns.support.Text;
import cn.xinning.villagereturns.validation.Problem;
import cn.xinning.villagereturns.validation.RuleCode;

/**
 * Reads the returns of one file: decodes it, recognises the layout from the header, and
 * groups cells into returns. Rules about the contents of a return are the
 * {@link ReturnValidator}'s; this class only reports problems of the whole file.
 */
public final class ReturnFileReader {

	/** How far down a title row may push the header before we stop looking for it. */
	private static final int HEADER_SEARCH_ROWS = 10;

	/** Files up to this size are read into memory whole; larger ones are streamed. */
	static final long HELD_BYTES = 4L * 1024 * 1024;

	private final IndicatorCatalogue catalogue;

	private final ReadLimits limits;

	public ReturnFileReader(IndicatorCatalogue catalogue) {
		this(catalogue, ReadLimits.DEFAULT);
	}

	public ReturnFileReader(IndicatorCatalogue catalogue, ReadLimits limits) {
		this.catalogue = catalogue;
		this.limits = limits;
	}

	/**
	 * How much of a file is held while it is read, whatever it holds: memory per file is
	 * bounded by these, not by the file.
	 *
	 * @param returnsPerFile a file with more returns (village and period pairs) is
	 * refused whole: no county sends that many in one file
	 * @param extraRowsPerReturn value rows of one return kept beyond one per indicator of
	 * the catalogue: a return with more rows than indicators is rejected anyway (a
	 * duplicate or unknown indicator), so the rest are counted, not kept
	 */
	public record ReadLimits(int returnsPerFile, int extraRowsPerReturn) {

		public static final ReadLimits DEFAULT = new ReadLimits(5000, 20);

	}

	public ReadFile read(byte[] content) {
		return read(TextDecoder.decode(content));
	}

	/** Reads a file from disk: a large one as a stream, never whole into memory. */
	public ReadFile read(java.nio.file.Path file) throws java.io.IOException {
		return read(TextDecoder.decode(file, HELD_BYTES));
	}

	/** Reads content already decoded (or found undecodable). */
	public ReadFile read(TextDecoder.Result result) {
		if (result instanceof Decoded decoded) {
			return read(decoded.encoding(), () -> new java.io.StringReader(decoded.text()));
		}
		if (result instanceof TextDecoder.DecodedFile decoded) {
			return read(decoded.encoding(), decoded::open);
		}
		return new ReadFile("", Optional.empty(), List.of(problemOf((Undecodable) result)), List.of());
	}

	private ReadFile read(String encoding, CsvTable.TextSource text) {
		Decoded decoded = new Decoded("", encoding);
		CsvTable table;
		try {
			table = CsvTable.parse(text);
		}
		catch (MalformedCsvException ex) {
			return rejected(decoded, Problem.error(ex.line(), "", "", RuleCode.F_FORMAT, "file.format"));
		}
		if (table.isEmpty()) {
			return rejected(decoded, Problem.error(0, "", "", RuleCode.F_EMPTY, "file.empty"));
		}
		List<Problem> problems = new ArrayList<>();
		Header header = Header.of(table.header());
		if (!header.has(HeaderRole.VILLAGE_CODE) && !header.has(HeaderRole.PERIOD)) {
			OptionalInt below = headerBelowTitles(table);
			if (below.isEmpty()) {
				return rejected(decoded, missingHeader(table));
			}
			// a merged title above the header, as office software saves it: the
			// clerk's line numbers stay those of the file
			Row title = table.header();
			table = table.from(below.getAsInt());
			header = Header.of(table.header());
			problems.add(Problem.warning(title.line(), "", abbreviate(String.join(",", title.cells())),
					RuleCode.F_HEADER, "file.header.titleRows", String.valueOf(table.header().line())));
		}
		problems.addAll(header.duplicateRoles());
		for (HeaderRole role : List.of(HeaderRole.VILLAGE_CODE, HeaderRole.PERIOD)) {
			if (!header.has(role)) {
				problems.add(Problem.error(table.header().line(), role.canonical(), "", RuleCode.F_COLUMNS,
						"file.column.missing", role.canonical()));
			}
		}
		Layout layout = (header.has(HeaderRole.INDICATOR_CODE) || header.has(HeaderRole.VALUE)) ? Layout.LONG
				: Layout.WIDE;
		if (layout == Layout.LONG) {
			for (HeaderRole role : List.of(HeaderRole.INDICATOR_CODE, HeaderRole.VALUE)) {
				if (!header.has(role)) {
					problems.add(Problem.error(table.header().line(), role.canonical(), "", RuleCode.F_COLUMNS,
							"file.column.missing", role.canonical()));
				}
			}
		}
		WideColumns wide = (layout == Layout.WIDE) ? wideColumns(table, header, problems) : null;
		if (problems.stream().anyMatch((p) -> p.rule() == RuleCode.F_COLUMNS)) {
			return new ReadFile(decoded.encoding(), Optional.of(layout), problems, List.of());
		}
		List<ReturnDraft> drafts = (layout == Layout.LONG) ? longDrafts(table, header)
				: wideDrafts(table, header, wide);
		if (drafts == null) {
			problems.add(Problem.error(0, "", "", RuleCode.F_FORMAT, "file.tooManyReturns",
					String.valueOf(this.limits.returnsPerFile())));
			return new ReadFile(decoded.encoding(), Optional.of(layout), problems, List.of());
		}
		if (drafts.isEmpty()) {
			problems.add(Problem.error(0, "", "", RuleCode.F_EMPTY, "file.headerOnly"));
		}
		return new ReadFile(decoded.encoding(), Optional.of(layout), problems, drafts);
	}

	private static ReadFile rejected(Decoded decoded, Problem problem) {
		return new ReadFile(decoded.encoding(), Optional.empty(), List.of(problem), List.of());
	}

	private static Problem problemOf(Undecodable undecodable) {
		return switch (undecodable.reason()) {
			case EMPTY -> Problem.error(0, "", "", RuleCode.F_EMPTY, "file.empty");
			case EXCEL_WORKBOOK -> Problem.error(0, "", "", RuleCode.F_BINARY, "file.excel.xlsx");
			case EXCEL_97 -> Problem.error(0, "", "", RuleCode.F_BINARY, "file.excel.xls");
			case BINARY -> Problem.error(0, "", "", RuleCode.F_BINARY, "file.binary");
			case UNKNOWN_ENCODING ->
				undecodable.detail().isEmpty() ? Problem.error(0, "", "", RuleCode.F_ENCODING, "file.encoding")
						: Problem.error(0, "", "", RuleCode.F_ENCODING, "file.encoding.detected", undecodable.detail());
		};
	}

	/**
	 * Where the header is when every row above it is a title (one filled cell: a merged
	 * title, a line saying what the sheet is).
	 */
	private static OptionalInt headerBelowTitles(CsvTable table) {
		List<Row> rows = table.leadingRows(HEADER_SEARCH_ROWS);
		for (int i = 0; i < Math.min(rows.size(), HEADER_SEARCH_ROWS); i++) {
			Header candidate = Header.of(rows.get(i));
			if (candidate.has(HeaderRole.VILLAGE_CODE) && candidate.has(HeaderRole.PERIOD)) {
				return OptionalInt.of(i);
			}
			if (rows.get(i).cells().stream().filter((cell) -> !Text.stripAll(cell).isEmpty()).count() > 1) {
				return OptionalInt.empty();
			}
		}
		return OptionalInt.empty();
	}

	/**
	 * Rows that are not titles above the header: say where the header is rather than just
	 * "no header".
	 */
	private static Problem missingHeader(CsvTable table) {
		List<Row> rows = table.leadingRows(HEADER_SEARCH_ROWS);
		for (int i = 1; i < Math.min(rows.size(), HEADER_SEARCH_ROWS); i++) {
			Header candidate = Header.of(rows.get(i));
			if (candidate.has(HeaderRole.VILLAGE_CODE) && candidate.has(HeaderRole.PERIOD)) {
				return Problem.error(table.header().line(), "", String.join(",", table.header().cells()).strip(),
						RuleCode.F_HEADER, "file.header.notFirst", String.valueOf(rows.get(i).line()));
			}
		}
		return Problem.error(table.header().line(), "", abbreviate(String.join(",", table.header().cells())),
				RuleCode.F_HEADER, "file.header.missing");
	}

	/** A header for a message, its line breaks shown: in Excel a cell hides them. */
	private static String visible(String header) {
		return Text.stripAll(header).replaceAll("\\R", "↵");
	}

	private static String abbreviate(String text) {
		String stripped = text.strip();
		return (stripped.length() > 80) ? stripped.substring(0, 80) + "…" : stripped;
	}

	/**
	 * Which column holds which indicator; unknown, blank-but-used and doubled columns are
	 * file problems.
	 */
	private WideColumns wideColumns(CsvTable table, Header header, List<Problem> problems) {
		int headerLine = table.header().line();
		Map<Integer, Indicator> columns = new LinkedHashMap<>();
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < header.cells().size(); i++) {
			if (header.roleAt(i).isPresent()) {
				continue;
			}
			String name = header.cells().get(i);
			if (Text.normalize(name).isEmpty()) {
				int column = i;
				table.dataRows()
					.stream()
					.filter((row) -> !Text.stripAll(row.cell(column)).isEmpty())
					.findFirst()
					.ifPresent((row) -> problems.add(Problem.error(row.line(), "#" + (column + 1), row.cell(column),
							RuleCode.V_INDICATOR, "wide.column.blank", String.valueOf(column + 1))));
				continue;
			}
			Optional<Indicator> indicator = this.catalogue.byCodeOrName(name);
			if (indicator.isEmpty()) {
				problems.add(Problem.error(headerLine, Text.stripAll(name), Text.stripAll(name), RuleCode.V_INDICATOR,
						"wide.column.unknown", visible(name)));
			}
			else if (!seen.add(indicator.get().code())) {
				problems.add(Problem.error(headerLine, Text.stripAll(name), Text.stripAll(name), RuleCode.V_DUPLICATE,
						"wide.column.twice", indicator.get().label()));
			}
			else {
				columns.put(i, indicator.get());
			}
		}
		if (columns.isEmpty() && problems.stream().noneMatch((p) -> p.rule() == RuleCode.V_INDICATOR)) {
			problems.add(Problem.error(headerLine, "", "", RuleCode.F_COLUMNS, "wide.noIndicators"));
		}
		for (Indicator indicator : this.catalogue.all()) {
			if (indicator.required() && !seen.contains(indicator.code())) {
				problems.add(Problem.error(headerLine, indicator.code(), "", RuleCode.V_REQUIRED,
						"wide.required.missing", indicator.label()));
			}
		}
		return new WideColumns(columns);
	}

	private record WideColumns(Map<Integer, Indicator> byColumn) {
	}

	/** Null when the file has more returns than a file may have. */
	private List<ReturnDraft> wideDrafts(CsvTable table, Header header, WideColumns wide) {
		List<ReturnDraft> drafts = new ArrayList<>();
		int village = header.index(HeaderRole.VILLAGE_CODE);
		int period = header.index(HeaderRole.PERIOD);
		for (Row row : table.dataRows()) {
			if (drafts.size() == this.limits.returnsPerFile()) {
				return null;
			}
			List<ValueCell> values = new ArrayList<>();
			for (Map.Entry<Integer, Indicator> column : wide.byColumn().entrySet()) {
				String name = header.header(column.getKey());
				values.add(new ValueCell(new Cell(row.line(), name, name),
						new Cell(row.line(), name, row.cell(column.getKey())), ""));
			}
			drafts.add(new ReturnDraft(row.line(), header.cell(row, village), header.cell(row, period),
					header.text(row, HeaderRole.VILLAGE_NAME), values));
		}
		return drafts;
	}

	/**
	 * Rows of one village and period make one return, wherever they are in the file. Null
	 * when the file has more returns than a file may have.
	 */
	private List<ReturnDraft> longDrafts(CsvTable table, Header header) {
		int maxRows = this.catalogue.all().size() + this.limits.extraRowsPerReturn();
		int village = header.index(HeaderRole.VILLAGE_CODE);
		int period = header.index(HeaderRole.PERIOD);
		int indicator = header.index(HeaderRole.INDICATOR_CODE);
		int value = header.index(HeaderRole.VALUE);
		Map<List<String>, DraftBuilder> returns = new LinkedHashMap<>();
		// a file's rows almost always repeat one period: reading the period text again
		// for each of them was a tenth of validating a province's files
		String lastPeriodRaw = null;
		String lastPeriodKey = null;
		for (Row row : table.dataRows()) {
			Cell villageCell = header.cell(row, village);
			Cell periodCell = header.cell(row, period);
			if (!periodCell.raw().equals(lastPeriodRaw)) {
				lastPeriodRaw = periodCell.raw();
				lastPeriodKey = periodKey(lastPeriodRaw);
			}
			List<String> key = List.of(Text.normalize(villageCell.raw()), lastPeriodKey);
			DraftBuilder builder = returns.get(key);
			if (builder == null) {
				if (returns.size() == this.limits.returnsPerFile()) {
					return null;
				}
				builder = new DraftBuilder(row.line(), villageCell, periodCell);
				returns.put(key, builder);
			}
			if (builder.values.size() == maxRows) {
				builder.surplusRows++;
				continue;
			}
			String name = header.text(row, HeaderRole.VILLAGE_NAME);
			if (builder.villageName.isEmpty() && !name.isEmpty()) {
				builder.villageName = name;
			}
			builder.values.add(new ValueCell(header.cell(row, indicator), header.cell(row, value),
					header.text(row, HeaderRole.NOTE)));
		}
		return returns.values().stream().map(DraftBuilder::build).toList();
	}

	private static String periodKey(String raw) {
		return Periods.parse(raw).map(Object::toString).orElseGet(() -> Text.normalize(raw));
	}

	private static final class DraftBuilder {

		private final int line;

		private final Cell village;

		private final Cell period;

		private String villageName = "";

		private final List<ValueCell> values = new ArrayList<>();

		private int surplusRows;

		DraftBuilder(int line, Cell village, Cell period) {
			this.line = line;
			this.village = village;
			this.period = period;
		}

		ReturnDraft build() {
			return new ReturnDraft(this.line, this.village, this.period, this.villageName, this.values,
					this.surplusRows);
		}

	}

	/** The header row, with the role of each column. */
	private record Header(Row row, List<String> cells, Map<HeaderRole, List<Integer>> roles) {

		static Header of(Row row) {
			Map<HeaderRole, List<Integer>> roles = new EnumMap<>(HeaderRole.class);
			for (int i = 0; i < row.cells().size(); i++) {
				int column = i;
				HeaderRole.of(row.cells().get(i))
					.ifPresent((role) -> roles.computeIfAbsent(role, (r) -> new ArrayList<>()).add(column));
			}
			return new Header(row, row.cells(), roles);
		}

		boolean has(HeaderRole role) {
			return this.roles.containsKey(role);
		}

		int index(HeaderRole role) {
			return this.roles.get(role).get(0);
		}

		Optional<HeaderRole> roleAt(int column) {
			return this.roles.entrySet()
				.stream()
				.filter((e) -> e.getValue().contains(column))
				.map(Map.Entry::getKey)
				.findFirst();
		}

		String header(int column) {
			return Text.stripAll(this.cells.get(column));
		}

		Cell cell(Row row, int column) {
			return new Cell(row.line(), header(column), row.cell(column));
		}

		String text(Row row, HeaderRole role) {
			return has(role) ? Text.stripAll(row.cell(index(role))) : "";
		}

		List<Problem> duplicateRoles() {
			return this.roles.entrySet()
				.stream()
				.filter((e) -> e.getValue().size() > 1)
				.map((e) -> Problem.error(this.row.line(), header(e.getValue().get(1)), header(e.getValue().get(1)),
						RuleCode.F_COLUMNS, "file.column.twice", header(e.getValue().get(1))))
				.toList();
		}

	}

}
