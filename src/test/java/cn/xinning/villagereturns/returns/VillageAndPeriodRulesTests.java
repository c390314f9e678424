package cn.xinning.villagereturns.returns;

import java.time.YearMonth;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import cn.xinning.villagereturns.reference.Village;
import cn.xinning.villagereturns.reference.VillageRegistry;

import static cn.xinning.villagereturns.returns.Fixtures.accepted;
import static cn.xinning.villagereturns.returns.Fixtures.described;
import static cn.xinning.villagereturns.returns.Fixtures.shuiyan;
import static cn.xinning.villagereturns.returns.Fixtures.validate;
import static cn.xinning.villagereturns.returns.Fixtures.values;
import static org.assertj.core.api.Assertions.assertThat;

/** Spec section 4: V-VILLAGE and V-PERIOD, each at its line and column. */
class VillageAndPeriodRulesTests {

	@Test
	void villageCodeMustBeATwelveDigitCodeOfTheRegistry() {
		FileValidator.Result result = validate("rules/v-village.csv");
		assertThat(result.read().fileProblems()).isEmpty();
		assertThat(result.returns()).hasSize(5);
		assertThat(described(result.returns().get(0).problems()))
			.containsExactly("V-VILLAGE ERROR line 2 [village_code] '430528999201' village.unknown");
		assertThat(result.returns().get(0).problems().get(0).arguments()).containsExactly("430528999201");
		assertThat(described(result.returns().get(1).problems()))
			.containsExactly("V-VILLAGE ERROR line 3 [village_code] '水堰村' village.notCode");
		assertThat(described(result.returns().get(2).problems()))
			.containsExactly("V-VILLAGE ERROR line 4 [village_code] '43052810120' village.length");
		assertThat(described(result.returns().get(3).problems()))
			.containsExactly("V-VILLAGE ERROR line 5 [village_code] '' village.empty");
		for (int i = 0; i < 4; i++) {
			assertThat(accepted(result, result.returns().get(i))).isFalse();
		}
		CheckedReturn fine = result.returns().get(4);
		assertThat(fine.problems()).isEmpty();
		assertThat(accepted(result, fine)).isTrue();
		assertThat(values(fine)).containsExactlyEntriesOf(shuiyan());
	}

	@Test
	void villageMustBeValidInThePeriod() {
		VillageRegistry registry = Reference.registry((village) -> switch (village.code()) {
			case "430528101201" -> withValidity(village, null, YearMonth.of(2026, 9));
			case "430528101202" -> withValidity(village, YearMonth.of(2026, 11), null);
			default -> village;
		});
		FileValidator.Result result = validate("rules/v-village-validity.csv", Reference.context(registry));
		assertThat(result.read().fileProblems()).isEmpty();
		assertThat(result.returns()).hasSize(4);

		CheckedReturn lastValidMonth = result.returns().get(0);
		assertThat(lastValidMonth.period()).hasValue(YearMonth.of(2026, 9));
		assertThat(lastValidMonth.problems()).isEmpty();
		assertThat(accepted(result, lastValidMonth)).isTrue();
		assertThat(values(lastValidMonth)).containsExactlyEntriesOf(shuiyan());

		CheckedReturn afterValidTo = result.returns().get(1);
		assertThat(described(afterValidTo.problems()))
			.containsExactly("V-VILLAGE ERROR line 3 [village_code] '430528101201' village.notValid");
		assertThat(afterValidTo.problems().get(0).arguments()).containsExactly("430528101201", "水堰村", "2026-10",
				"~2026-09");
		assertThat(accepted(result, afterValidTo)).isFalse();

		CheckedReturn beforeValidFrom = result.returns().get(2);
		assertThat(described(beforeValidFrom.problems()))
			.containsExactly("V-VILLAGE ERROR line 4 [village_code] '430528101202' village.notValid");
		assertThat(beforeValidFrom.problems().get(0).arguments()).containsExactly("430528101202", "湾田村", "2026-10",
				"2026-11~");
		assertThat(accepted(result, beforeValidFrom)).isFalse();

		CheckedReturn firstValidMonth = result.returns().get(3);
		assertThat(firstValidMonth.period()).hasValue(YearMonth.of(2026, 11));
		assertThat(firstValidMonth.problems()).isEmpty();
		assertThat(accepted(result, firstValidMonth)).isTrue();
	}

	@Test
	void periodMustBeReadableNotAfterTheBusinessMonthAndNotBeforeTheStart() {
		FileValidator.Result result = validate("rules/v-period.csv");
		assertThat(result.read().fileProblems()).isEmpty();
		assertThat(result.returns()).hasSize(7);
		assertThat(described(result.returns().get(0).problems()))
			.containsExactly("V-PERIOD ERROR line 2 [period] '2026-13' period.unreadable");
		assertThat(result.returns().get(0).problems().get(0).arguments()).containsExactly("2026-13");
		assertThat(described(result.returns().get(1).problems()))
			.containsExactly("V-PERIOD ERROR line 3 [period] '十月' period.unreadable");
		assertThat(described(result.returns().get(2).problems()))
			.containsExactly("V-PERIOD ERROR line 4 [period] '' period.empty");
		assertThat(described(result.returns().get(3).problems()))
			.containsExactly("V-PERIOD ERROR line 5 [period] '2026-12' period.future");
		assertThat(result.returns().get(3).problems().get(0).arguments()).containsExactly("2026-12", "2026-11");
		assertThat(described(result.returns().get(4).problems()))
			.containsExactly("V-PERIOD ERROR line 6 [period] '2024-12' period.beforeStart");
		assertThat(result.returns().get(4).problems().get(0).arguments()).containsExactly("2024-12", "2025-01");
		for (int i = 0; i < 5; i++) {
			assertThat(accepted(result, result.returns().get(i))).isFalse();
		}
		assertThat(result.returns().get(5).period()).hasValue(Reference.BUSINESS_MONTH);
		assertThat(result.returns().get(5).problems()).isEmpty();
		assertThat(accepted(result, result.returns().get(5))).isTrue();
		assertThat(result.returns().get(6).period()).hasValue(Reference.REPORTING_START);
		assertThat(result.returns().get(6).problems()).isEmpty();
		assertThat(accepted(result, result.returns().get(6))).isTrue();
	}

	private static Village withValidity(Village village, YearMonth from, YearMonth to) {
		return new Village(village.code(), village.name(), village.townshipCode(), village.townshipName(),
				village.kind(), village.households(), village.population(), Optional.ofNullable(from),
				Optional.ofNullable(to));
	}

}
