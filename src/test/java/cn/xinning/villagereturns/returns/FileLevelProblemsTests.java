package cn.xinning.villagereturns.returns;

import java.io.IOException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import cn.xinning.villagereturns.validation.RuleCode;

import static cn.xinning.villagereturns.returns.Fixtures.bytes;
import static cn.xinning.villagereturns.returns.Fixtures.described;
import static cn.xinning.villagereturns.returns.Fixtures.validate;
import static org.assertj.core.api.Assertions.assertThat;

/** Spec section 4: problems of a whole file reject every return of it. */
class FileLevelProblemsTests {

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
			f-empty.csv              | F-EMPTY ERROR line 0 [] '' file.empty
			f-binary.png             | F-BINARY ERROR line 0 [] '' file.binary
			f-xlsx.xlsx              | F-BINARY ERROR line 0 [] '' file.excel.xlsx
			f-xls.xls                | F-BINARY ERROR line 0 [] '' file.excel.xls
			f-encoding.csv           | F-ENCODING ERROR line 0 [] '' file.encoding.detected
			""")
	void contentThatIsNotReadableText(String fixture, String problem) {
		FileValidator.Result result = validate("rules/" + fixture);
		assertThat(result.read().encoding()).isEmpty();
		assertThat(result.read().layout()).isEmpty();
		assertThat(described(result.read().fileProblems())).containsExactly(problem);
		assertThat(result.read().isRejectedWhole()).isTrue();
		assertThat(result.returns()).isEmpty();
	}

	@Test
	void undecodableBytesNameWhatTheyLookLike() {
		FileValidator.Result result = validate("rules/f-encoding.csv");
		assertThat(result.read().fileProblems()).singleElement()
			.satisfies((problem) -> assertThat(problem.arguments()).containsExactly("WINDOWS-1252"));
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', quoteCharacter = '"',
			textBlock = """
					f-blank-lines-only.csv   | F-EMPTY ERROR line 0 [] '' file.empty
					f-no-header.csv          | F-HEADER ERROR line 1 [] '430528101201,2026-10,PAIRED_HOUSEHOLDS,210,' file.header.missing
					""")
	void textWithoutAReadableTable(String fixture, String problem) {
		FileValidator.Result result = validate("rules/" + fixture);
		assertThat(result.read().encoding()).isEqualTo("UTF-8");
		assertThat(result.read().layout()).isEmpty();
		assertThat(described(result.read().fileProblems())).containsExactly(problem);
		assertThat(result.read().isRejectedWhole()).isTrue();
		assertThat(result.returns()).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "f-broken-quoting.csv", "f-text-after-quote.csv" })
	void brokenQuotingRejectsTheFile(String fixture) {
		FileValidator.Result result = validate("rules/" + fixture);
		assertThat(result.read().encoding()).isEqualTo("UTF-8");
		assertThat(result.read().fileProblems()).singleElement().satisfies((problem) -> {
			assertThat(problem.rule()).isEqualTo(RuleCode.F_FORMAT);
			assertThat(problem.isError()).isTrue();
			assertThat(problem.messageKey()).isEqualTo("file.format");
		});
		assertThat(result.read().isRejectedWhole()).isTrue();
		assertThat(result.returns()).isEmpty();
	}

	/** The quote opens (or is followed by text) on line 7, the HOME_VISITS row. */
	@ParameterizedTest
	@ValueSource(strings = { "f-broken-quoting.csv", "f-text-after-quote.csv" })
	void brokenQuotingIsReportedOnTheLineWhereItBreaks(String fixture) {
		FileValidator.Result result = validate("rules/" + fixture);
		assertThat(described(result.read().fileProblems())).containsExactly("F-FORMAT ERROR line 7 [] '' file.format");
	}

	@Test
	void headerOnly() {
		FileValidator.Result result = validate("rules/f-header-only.csv");
		assertThat(result.read().layout()).hasValue(Layout.LONG);
		assertThat(described(result.read().fileProblems()))
			.containsExactly("F-EMPTY ERROR line 0 [] '' file.headerOnly");
		assertThat(result.read().isRejectedWhole()).isTrue();
		assertThat(result.returns()).isEmpty();
	}

	@Test
	void headerNotOnTheFirstLineSaysWhereItIs() {
		FileValidator.Result result = validate("rules/f-header-not-first.csv");
		assertThat(described(result.read().fileProblems()))
			.containsExactly("F-HEADER ERROR line 1 [] '新宁县“五个到户”村级月报表,2026年10月,,,' file.header.notFirst");
		assertThat(result.read().fileProblems().get(0).arguments()).containsExactly("2");
		assertThat(result.read().isRejectedWhole()).isTrue();
		assertThat(result.returns()).isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
			f-missing-column.csv       | F-COLUMNS ERROR line 1 [period] '' file.column.missing  | period
			f-missing-value-column.csv | F-COLUMNS ERROR line 1 [value] '' file.column.missing   | value
			""")
	void requiredColumnMissing(String fixture, String problem, String column) {
		FileValidator.Result result = validate("rules/" + fixture);
		assertThat(described(result.read().fileProblems())).containsExactly(problem);
		assertThat(result.read().fileProblems().get(0).arguments()).containsExactly(column);
		assertThat(result.read().isRejectedWhole()).isTrue();
		assertThat(result.returns()).isEmpty();
	}

	@Test
	void fileOverTheSizeLimitIsRefusedUnread() throws IOException {
		byte[] content = bytes("quirks/utf8-no-bom.csv");
		FileValidator validator = new FileValidator(Reference.context(), 100);
		FileValidator.Result result = validator.validate(content.length, () -> {
			throw new AssertionError("must not be read");
		});
		assertThat(described(result.read().fileProblems()))
			.containsExactly("F-BINARY ERROR line 0 [] '' file.tooLarge");
		assertThat(result.read().fileProblems().get(0).arguments()).containsExactly(String.valueOf(content.length),
				"100");
		assertThat(result.returns()).isEmpty();
	}

}
