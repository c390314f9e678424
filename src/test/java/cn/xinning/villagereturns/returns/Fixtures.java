package cn.xinning.villagereturns.returns;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.xinning.villagereturns.validation.Problem;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads the fixtures of {@code src/test/resources/fixtures} through the
 * {@link FileValidator}, and the values the fixtures were written with.
 */
final class Fixtures {

	/** 水堰村 (216 households): the values every complete fixture return of it carries. */
	static final String SHUIYAN = "430528101201";

	/** 湾坝村 (177 households). */
	static final String WANBA = "430528100201";

	private static final Map<String, String> SHUIYAN_VALUES = ordered("PAIRED_HOUSEHOLDS", "210", "PAIRED_CADRES", "52",
			"GRID_LEADERS_L2", "7", "GRID_LEADERS_L3", "18", "VOLUNTEER_TEAMS", "3", "HOME_VISITS", "412",
			"COMMUNITY_MEETINGS", "6", "WEEKLY_CASE_MEETINGS", "4", "CONTACT_CARDS", "120", "POLICY_BOOKLETS", "85",
			"POLICY_CARDS", "60", "LAND_TRANSFER_MU", "35.5", "COLLECTIVE_PROJECTS", "1", "COOP_NEW_MEMBERS", "12",
			"PRODUCE_SOLD_T", "18.25", "DISPUTES_MEDIATED", "3", "LIVELIHOOD_PROJECTS", "2", "ISSUES_RAISED", "9",
			"ISSUES_RESOLVED_VILLAGE", "6", "ISSUES_ESCALATED", "2");

	private static final Map<String, String> WANBA_VALUES = ordered("PAIRED_HOUSEHOLDS", "170", "PAIRED_CADRES", "40",
			"GRID_LEADERS_L2", "5", "GRID_LEADERS_L3", "12", "VOLUNTEER_TEAMS", "2", "HOME_VISITS", "350",
			"COMMUNITY_MEETINGS", "4", "WEEKLY_CASE_MEETINGS", "5", "CONTACT_CARDS", "90", "POLICY_BOOKLETS", "60",
			"POLICY_CARDS", "45", "LAND_TRANSFER_MU", "12.75", "COLLECTIVE_PROJECTS", "0", "COOP_NEW_MEMBERS", "8",
			"PRODUCE_SOLD_T", "6.5", "DISPUTES_MEDIATED", "1", "LIVELIHOOD_PROJECTS", "1", "ISSUES_RAISED", "5",
			"ISSUES_RESOLVED_VILLAGE", "4", "ISSUES_ESCALATED", "1");

	private Fixtures() {
	}

	static byte[] bytes(String path) {
		try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + path)) {
			assertThat(in).as("fixture %s", path).isNotNull();
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static FileValidator.Result validate(String path) {
		return validate(path, Reference.context());
	}

	static FileValidator.Result validate(String path, ValidationContext context) {
		byte[] content = bytes(path);
		try {
			return new FileValidator(context, 1 << 20).validate(content.length, () -> content);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * What decides whether a return's values are used: no file-level ERROR and none of
	 * its own.
	 */
	static boolean accepted(FileValidator.Result result, CheckedReturn checked) {
		return !result.read().isRejectedWhole() && checked.isAccepted();
	}

	/**
	 * rule, severity, line, column, value and message key of a problem, in one string to
	 * compare.
	 */
	static String describe(Problem problem) {
		return problem.rule().code() + " " + problem.severity() + " line " + problem.line() + " [" + problem.column()
				+ "] '" + problem.value() + "' " + problem.messageKey();
	}

	static List<String> described(List<Problem> problems) {
		return problems.stream().map(Fixtures::describe).toList();
	}

	/**
	 * The values of a return, code to number written without trailing zeros, in catalogue
	 * order.
	 */
	static Map<String, String> values(CheckedReturn checked) {
		Map<String, String> values = new LinkedHashMap<>();
		checked.values().forEach((value) -> values.put(value.indicator().code(), value.value().toPlainString()));
		return values;
	}

	static CheckedReturn.Value value(CheckedReturn checked, String code) {
		return checked.values()
			.stream()
			.filter((value) -> value.indicator().code().equals(code))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no value for " + code));
	}

	/** The line each value was read from, by indicator code. */
	static Map<String, Integer> lines(CheckedReturn checked) {
		Map<String, Integer> lines = new LinkedHashMap<>();
		checked.values().forEach((value) -> lines.put(value.indicator().code(), value.line()));
		return lines;
	}

	static Map<String, String> shuiyan() {
		return new LinkedHashMap<>(SHUIYAN_VALUES);
	}

	static Map<String, String> wanba() {
		return new LinkedHashMap<>(WANBA_VALUES);
	}

	static Map<String, String> shuiyan(String... changes) {
		Map<String, String> values = shuiyan();
		for (int i = 0; i < changes.length; i += 2) {
			if (changes[i + 1] == null) {
				values.remove(changes[i]);
			}
			else {
				values.put(changes[i], changes[i + 1]);
			}
		}
		return values;
	}

	/**
	 * A complete accepted return of 水堰村 for October 2026 with the values it was written
	 * with.
	 */
	static void assertShuiyanOctober(FileValidator.Result result, CheckedReturn checked) {
		assertThat(checked.problems()).isEmpty();
		assertThat(accepted(result, checked)).isTrue();
		assertThat(checked.villageCode()).isEqualTo(SHUIYAN);
		assertThat(checked.period()).hasValue(java.time.YearMonth.of(2026, 10));
		assertThat(values(checked)).containsExactlyEntriesOf(SHUIYAN_VALUES);
	}

	private static Map<String, String> ordered(String... pairs) {
		Map<String, String> map = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			map.put(pairs[i], pairs[i + 1]);
		}
		return map;
	}

}
