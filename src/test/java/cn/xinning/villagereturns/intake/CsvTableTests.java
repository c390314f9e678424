package cn.xinning.villagereturns.intake;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import cn.xinning.villagereturns.intake.CsvTable.MalformedCsvException;
import cn.xinning.villagereturns.intake.CsvTable.Row;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** {@link CsvTable#parse}: rows with the line a clerk sees them on in a text editor. */
class CsvTableTests {

	@ParameterizedTest
	@ValueSource(strings = { "\r\n", "\n", "\r" })
	void everyLineEndingEndsALine(String newline) throws MalformedCsvException {
		String text = String.join(newline, "h1,h2", "a,1", "b,2", "c,3") + newline;
		CsvTable table = CsvTable.parse(text);
		assertThat(table.delimiter()).isEqualTo(',');
		assertThat(table.rows()).containsExactly(new Row(1, List.of("h1", "h2")), new Row(2, List.of("a", "1")),
				new Row(3, List.of("b", "2")), new Row(4, List.of("c", "3")));
	}

	@Test
	void mixedLineEndingsKeepPhysicalLines() throws MalformedCsvException {
		CsvTable table = CsvTable.parse("h1,h2\r\na,1\nb,2\rc,3");
		assertThat(table.rows()).extracting(Row::line).containsExactly(1, 2, 3, 4);
		assertThat(table.rows().get(3).cells()).containsExactly("c", "3");
	}

	@Test
	void blankLinesAndRowsOfEmptyCellsAreSkippedButCounted() throws MalformedCsvException {
		String text = "\r\n   \r\nh1,h2,h3\r\n\r\na,1,x\r\n,,\r\n , ,\u3000\r\n\r\nb,2,y\r\n,,\r\n\r\n";
		CsvTable table = CsvTable.parse(text);
		assertThat(table.header()).isEqualTo(new Row(3, List.of("h1", "h2", "h3")));
		assertThat(table.dataRows()).containsExactly(new Row(5, List.of("a", "1", "x")),
				new Row(9, List.of("b", "2", "y")));
	}

	@Test
	void quotedFieldsFollowRfc4180AndARowIsNumberedByItsFirstLine() throws MalformedCsvException {
		String text = "h1,h2,h3\n" + "a,\"含林地, 坡地\",1\n" + "b,\"村民说\"\"已调解\"\"\",2\n" + "c,\"修路一条\r\n安装路灯\n12 盏\",3\n"
				+ "d,,4\n";
		CsvTable table = CsvTable.parse(text);
		assertThat(table.dataRows()).containsExactly(new Row(2, List.of("a", "含林地, 坡地", "1")),
				new Row(3, List.of("b", "村民说\"已调解\"", "2")), new Row(4, List.of("c", "修路一条\r\n安装路灯\n12 盏", "3")),
				new Row(7, List.of("d", "", "4")));
	}

	@Test
	void cellsAreKeptAsWritten() throws MalformedCsvException {
		CsvTable table = CsvTable.parse("h1,h2\n 412 ,\u3000３５．５\u3000\n");
		assertThat(table.dataRows()).containsExactly(new Row(2, List.of(" 412 ", "\u3000３５．５\u3000")));
		assertThat(table.dataRows().toList().get(0).cell(5)).isEmpty();
	}

	@Test
	void headerWithTabsAndNoCommasMeansTabSeparated() throws MalformedCsvException {
		CsvTable table = CsvTable.parse("\nvillage_code\tperiod\tnote\n430528101201\t2026-10\t含林地, 坡地\n");
		assertThat(table.delimiter()).isEqualTo('\t');
		assertThat(table.rows()).containsExactly(new Row(2, List.of("village_code", "period", "note")),
				new Row(3, List.of("430528101201", "2026-10", "含林地, 坡地")));
	}

	@Test
	void headerWithTabsAndCommasIsCommaSeparated() throws MalformedCsvException {
		CsvTable table = CsvTable.parse("village_code,period\tx\n1,2\n");
		assertThat(table.delimiter()).isEqualTo(',');
		assertThat(table.header().cells()).containsExactly("village_code", "period\tx");
	}

	@Test
	void onlyBlankLinesIsAnEmptyTable() throws MalformedCsvException {
		assertThat(CsvTable.parse("").isEmpty()).isTrue();
		assertThat(CsvTable.parse("\r\n\r\n  \r\n,,,,\r\n").isEmpty()).isTrue();
	}

	@Test
	void quoteThatIsNeverClosedIsReportedWhereItOpens() {
		assertThatExceptionOfType(MalformedCsvException.class)
			.isThrownBy(() -> CsvTable.parse("h1,h2\na,1\nb,\"2\nc,3\nd,4\n"))
			.satisfies((ex) -> assertThat(ex.line()).isEqualTo(3));
	}

	@Test
	void textAfterAClosingQuoteIsReportedOnItsLine() {
		assertThatExceptionOfType(MalformedCsvException.class)
			.isThrownBy(() -> CsvTable.parse("h1,h2\na,1\nb,\"2\"x\nc,3\n"))
			.satisfies((ex) -> assertThat(ex.line()).isEqualTo(3));
	}

	@Test
	void brokenQuotingIsMalformed() {
		assertThatExceptionOfType(MalformedCsvException.class)
			.isThrownBy(() -> CsvTable.parse("h1,h2\na,1\nb,\"2\nc,3\nd,4\n"));
		assertThatExceptionOfType(MalformedCsvException.class)
			.isThrownBy(() -> CsvTable.parse("h1,h2\na,1\nb,\"2\"x\nc,3\n"));
	}

	@Test
	void aTableFromAHeaderBelowATitleSkipsTheTitleAlsoWhenReadAgainAsAStream() throws MalformedCsvException {
		// more rows than are held: the data rows are read again from the text
		StringBuilder text = new StringBuilder("2026年10月 五个到户 月报\nvillage_code,period\n");
		int rows = CsvTable.HELD_ROWS + 5;
		for (int i = 0; i < rows; i++) {
			text.append("4305281002").append(String.format("%02d", i % 100)).append(",2026-10\n");
		}
		CsvTable below = CsvTable.parse(text.toString()).from(1);

		assertThat(below.header().cells()).containsExactly("village_code", "period");
		assertThat(below.header().line()).isEqualTo(2);
		List<Row> data = below.dataRows().toList();
		assertThat(data).hasSize(rows);
		assertThat(data.get(0).line()).isEqualTo(3);
		assertThat(data.get(0).cells()).containsExactly("430528100200", "2026-10");
		assertThat(data.get(rows - 1).line()).isEqualTo(rows + 2);
	}

}
