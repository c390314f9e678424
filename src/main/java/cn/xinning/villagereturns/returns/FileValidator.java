package cn.xinning.villagereturns.returns;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import java.io.Reader;

import cn.xinning.villagereturns.intake.TextDecoder;
import cn.xinning.villagereturns.ledger.LedgerFile;
import cn.xinning.villagereturns.ledger.LedgerFileReader;
import cn.xinning.villagereturns.returns.ReturnFileReader.ReadLimits;
import cn.xinning.villagereturns.validation.Problem;
import cn.xinning.villagereturns.validation.RuleCode;
import cn.xinning.villagereturns.validation.Severity;

/**
 * Reads a file's content and applies every rule: the same for a run and for a dry run.
 *
 * <p>
 * What it returns is bounded whatever the file holds: at most {@value #PROBLEMS_PER_FILE}
 * problems are kept per file, in the order found, and the rest are counted, one closing
 * row per rule ("and N more of rule X, the first on line L"); the values of a rejected
 * return are dropped (they are never stored). A clerk fixes the first problems and sends
 * the file again, and sees the next ones then.
 */
public final class FileValidator {

	/** Problems kept (stored, shown, written to the errors file) per file. */
	public static final int PROBLEMS_PER_FILE = 1000;

	private final ReturnFileReader reader;

	private final ReturnValidator validator;

	private final long maxBytes;

	private final int problemsPerFile;

	private final LedgerFileReader ledgerReader;

	/** Reads returns only. */
	public FileValidator(ValidationContext context, long maxBytes) {
		this(context, maxBytes, null);
	}

	/**
	 * @param ledgerReader reads the files whose header is an issue ledger's (spec section
	 * 12), or null to read every file as returns
	 */
	public FileValidator(ValidationContext context, long maxBytes, LedgerFileReader ledgerReader) {
		this(context, maxBytes, ledgerReader, ReadLimits.DEFAULT, PROBLEMS_PER_FILE);
	}

	public FileValidator(ValidationContext context, long maxBytes, ReadLimits limits, int problemsPerFile) {
		this(context, maxBytes, null, limits, problemsPerFile);
	}

	public FileValidator(ValidationContext context, long maxBytes, LedgerFileReader ledgerReader, ReadLimits limits,
			int problemsPerFile) {
		this.reader = new ReturnFileReader(context.catalogue(), limits);
		this.validator = new ReturnValidator(context);
		this.maxBytes = maxBytes;
		this.problemsPerFile = problemsPerFile;
		this.ledgerReader = ledgerReader;
	}

	/** Validates a file on disk; a large one is read as a stream, never whole. */
	public Result validate(Path file) throws IOException {
		long size = Files.size(file);
		return (size > this.maxBytes) ? tooLarge(size) : checked(TextDecoder.decode(file, ReturnFileReader.HELD_BYTES));
	}

	/**
	 * @param size the file's size: a file over the limit is refused without reading it
	 * @param content supplies the content when it is to be read
	 */
	public Result validate(long size, ContentSupplier content) throws IOException {
		return (size > this.maxBytes) ? tooLarge(size) : checked(TextDecoder.decode(content.get()));
	}

	private Result tooLarge(long size) {
		Problem tooLarge = Problem.error(0, "", "", RuleCode.F_BINARY, "file.tooLarge", String.valueOf(size),
				String.valueOf(this.maxBytes));
		return new Result(new ReadFile("", Optional.empty(), List.of(tooLarge), List.of()), List.of(), List.of());
	}

	/**
	 * A ledger is read whole, or refused when too large to hold; anything else as
	 * returns.
	 */
	private Result checked(TextDecoder.Result decoded) throws IOException {
		if (this.ledgerReader != null) {
			if (decoded instanceof TextDecoder.Decoded text && LedgerFileReader.isLedger(text.text())) {
				LedgerFile ledger = this.ledgerReader.read(text);
				ReadFile read = new ReadFile(ledger.encoding(), Optional.of(Layout.LEDGER), ledger.allProblems(),
						List.of());
				return new Result(read, List.of(), List.of(), Optional.of(ledger));
			}
			if (decoded instanceof TextDecoder.DecodedFile large && LedgerFileReader.isLedger(opening(large))) {
				// a ledger is a few rows a village: one this large is not one to hold
				Problem problem = Problem.error(0, "", "", RuleCode.F_BINARY, "ledger.tooLarge",
						String.valueOf(Files.size(large.file())), String.valueOf(ReturnFileReader.HELD_BYTES));
				return new Result(
						new ReadFile(large.encoding(), Optional.of(Layout.LEDGER), List.of(problem), List.of()),
						List.of(), List.of(),
						Optional.of(new LedgerFile(large.encoding(), List.of(problem), List.of())));
			}
		}
		return checked(this.reader.read(decoded));
	}

	/** The first characters of a large file: enough for its header. */
	private static String opening(TextDecoder.DecodedFile file) throws IOException {
		try (Reader in = file.open()) {
			char[] buffer = new char[64 * 1024];
			int n = in.read(buffer);
			return (n > 0) ? new String(buffer, 0, n) : "";
		}
	}

	private Result checked(ReadFile read) {
		Budget budget = new Budget(this.problemsPerFile);
		List<Problem> fileProblems = new ArrayList<>(budget.keep(read.fileProblems()));
		fileProblems.addAll(budget.closingRows());
		ReadFile kept = new ReadFile(read.encoding(), read.layout(), fileProblems, List.of());
		Set<String> absentColumns = read.fileProblems()
			.stream()
			.filter((p) -> p.rule() == RuleCode.V_REQUIRED)
			.map(Problem::column)
			.collect(Collectors.toSet());
		List<CheckedReturn> returns = new ArrayList<>(read.drafts().size());
		for (ReturnDraft draft : read.drafts()) {
			CheckedReturn checked = this.validator.check(draft, absentColumns);
			if (draft.surplusRows() > 0) {
				checked = checked.with(Problem.error(draft.line(), "", "", RuleCode.V_DUPLICATE, "return.surplusRows",
						String.valueOf(draft.values().size() + draft.surplusRows()),
						String.valueOf(draft.surplusRows())));
			}
			returns.add(checked.compacted(budget.keep(checked.problems()), true));
		}
		return new Result(kept, returns, budget.closingRows());
	}

	/**
	 * Problems still to be kept for a file, and how many of each rule were not.
	 */
	private static final class Budget {

		private int left;

		private final Map<List<Object>, int[]> omitted = new LinkedHashMap<>();

		Budget(int size) {
			this.left = size;
		}

		List<Problem> keep(List<Problem> problems) {
			if (problems.size() <= this.left) {
				this.left -= problems.size();
				return problems;
			}
			List<Problem> kept = new ArrayList<>(problems.subList(0, this.left));
			for (Problem problem : problems.subList(this.left, problems.size())) {
				// rule, severity: count, first line
				this.omitted.computeIfAbsent(List.of(problem.rule(), problem.severity()),
						(k) -> new int[] { 0, problem.line() })[0]++;
			}
			this.left = 0;
			return kept;
		}

		/** One row per rule that had problems left out, since the last call. */
		List<Problem> closingRows() {
			List<Problem> rows = new ArrayList<>();
			this.omitted.forEach((key, count) -> {
				RuleCode rule = (RuleCode) key.get(0);
				Severity severity = (Severity) key.get(1);
				rows.add(new Problem(count[1], "", "", rule, severity, "file.moreProblems",
						List.of(String.valueOf(count[0]), rule.code(), String.valueOf(PROBLEMS_PER_FILE))));
			});
			this.omitted.clear();
			return rows;
		}

	}

	/**
	 * @param read what was read, with file-level problems (drafts dropped once checked;
	 * for a ledger: every problem of the file and its rows)
	 * @param returns the returns after the rules
	 * @param omitted one closing row per rule whose problems of returns were too many to
	 * keep: stored with the file, not with a return
	 * @param ledger the issue ledger, when the file is one
	 */
	public record Result(ReadFile read, List<CheckedReturn> returns, List<Problem> omitted,
			Optional<LedgerFile> ledger) {

		public Result {
			returns = List.copyOf(returns);
			omitted = List.copyOf(omitted);
		}

		public Result(ReadFile read, List<CheckedReturn> returns, List<Problem> omitted) {
			this(read, returns, omitted, Optional.empty());
		}

		/**
		 * Every problem kept, the file's first, then each return's, then closing rows.
		 */
		public List<Problem> problems() {
			List<Problem> all = new ArrayList<>(this.read.fileProblems());
			this.returns.forEach((r) -> all.addAll(r.problems()));
			all.addAll(this.omitted);
			return all;
		}

	}

	@FunctionalInterface
	public interface ContentSupplier {

		byte[] get() throws IOException;

	}

}
