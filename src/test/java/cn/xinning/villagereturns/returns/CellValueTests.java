package cn.xinning.villagereturns.returns;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link CellValue#of}: numbers as clerks type them, "not reported", and what is not a
 * number.
 */
class CellValueTests {

	@ParameterizedTest(name = "[{0}] = {1}")
	@CsvSource(delimiter = '|', quoteCharacter = '"', ignoreLeadingAndTrailingWhitespace = false, textBlock = """
			412|412
			0|0
			35.5|35.5
			35.50|35.50
			.5|0.5
			 412 |412
			\u3000412\u3000|412
			\t18.25\u00a0|18.25
			４１２|412
			３５．５|35.5
			1,090|1090
			1，090|1090
			１，０９０|1090
			12,345.75|12345.75
			1,234,567|1234567
			-5|-5
			－5|-5
			+7|7
			""")
	void isANumber(String written, String expected) {
		assertThat(CellValue.of(written)).isInstanceOfSatisfying(CellValue.Number.class,
				(number) -> assertThat(number.value()).isEqualByComparingTo(expected));
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " ", "\u3000", "-", "—", "/", " - ", "\u3000—\u3000", " / " })
	void isNotReported(String written) {
		assertThat(CellValue.of(written)).isInstanceOf(CellValue.Missing.class);
	}

	@ParameterizedTest
	@ValueSource(strings = { "三百", "12件", "abc", "1.2.3", "1,09", "1,0900", "12 34", "N/A", "无", "0x10", "--5" })
	void isNotANumber(String written) {
		assertThat(CellValue.of(written)).isInstanceOf(CellValue.NotANumber.class);
	}

	@ParameterizedTest
	@ValueSource(strings = { "0", "0.0", "０" })
	void zeroIsReportedNotMissing(String written) {
		assertThat(CellValue.of(written)).isInstanceOfSatisfying(CellValue.Number.class,
				(number) -> assertThat(number.value()).isZero());
	}

}
