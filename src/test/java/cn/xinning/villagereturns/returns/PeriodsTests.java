package cn.xinning.villagereturns.returns;

import java.time.YearMonth;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link Periods#parse}: the period spellings of spec section 3. */
class PeriodsTests {

	@ParameterizedTest
	@ValueSource(strings = { "2026-10", "202610", "2026/10", "2026.10", "2026年10月", "2026-10-01", " 2026-10 ",
			"\u30002026-10\u3000", "２０２６－１０", "２０２６年１０月", "2026 年 10 月", "2026年10月份", "2026/10/1", "2026-10-31",
			"2026-10-01 00:00:00", "2026-10-01T00:00" })
	void meansOctober2026(String written) {
		assertThat(Periods.parse(written)).hasValue(YearMonth.of(2026, 10));
	}

	@ParameterizedTest
	@ValueSource(strings = { "2026-1", "2026/01", "202601", "2026.01", "2026年1月" })
	void oneDigitOrTwoDigitMonth(String written) {
		assertThat(Periods.parse(written)).hasValue(YearMonth.of(2026, 1));
	}

	@ParameterizedTest
	@ValueSource(strings = { "2026.1", " 2026.1 ", "２０２６．１" })
	void yearDotOneIsJanuaryOrAnOctoberSavedFromANumberCell(String written) {
		assertThat(Periods.isAmbiguous(written)).isTrue();
		assertThat(Periods.parse(written)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "2026.2", "2026.3", "2026.9", "2026.10", "2026.11", "2026.12", "2026-1", "2026/1" })
	void otherOneDigitMonthsAreNotAmbiguous(String written) {
		assertThat(Periods.isAmbiguous(written)).isFalse();
		assertThat(Periods.parse(written)).isPresent();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "   ", "2026", "2026-13", "2026-00", "202613", "2026-02-30", "26-10", "十月", "2026年十月",
			"Oct 2026", "10/2026", "2026-10-1-1" })
	void isNotAPeriod(String written) {
		assertThat(Periods.parse(written)).isEmpty();
	}

}
