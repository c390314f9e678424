package cn.xinning.villagereturns.returns;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import cn.xinning.villagereturns.reference.Village;
import cn.xinning.villagereturns.validation.Problem;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every problem the fixtures produce has a message in Chinese and in English whose
 * placeholders its arguments fill, and the Excel-damage and header messages say what
 * happened.
 */
class ProblemMessagesTests {

	private static final Properties ZH = load("/i18n/messages_zh.properties");

	private static final Properties EN = load("/i18n/messages.properties");

	@Test
	void everyProblemOfEveryFixtureHasAFilledInMessageInBothLanguages() throws IOException {
		List<Problem> problems = allProblems();
		assertThat(problems).extracting(Problem::messageKey)
			.contains("village.scientific", "village.decimal", "village.notValid", "file.header.notFirst",
					"required.missing", "required.absent", "warn.visits", "file.format");
		for (Problem problem : problems) {
			for (Properties messages : List.of(ZH, EN)) {
				String pattern = messages.getProperty(problem.messageKey());
				assertThat(pattern).as("message %s", problem.messageKey()).isNotBlank();
				String rendered = render(pattern, problem.arguments());
				assertThat(rendered).as("%s with %s", problem.messageKey(), problem.arguments())
					.doesNotContainPattern("\\{\\d+\\}");
			}
		}
	}

	@Test
	void excelDamagedVillageCodesSayWhatExcelDid() {
		Problem scientific = Fixtures.validate("quirks/village-code-scientific.csv").returns().get(0).problems().get(0);
		assertThat(render(ZH.getProperty(scientific.messageKey()), scientific.arguments()))
			.isEqualTo("村代码“4.30528E+11”被 Excel 改成了科学计数法，12位代码已经丢失。请把该列设置为“文本”格式，重新输入完整的12位代码后再保存。");
		Problem decimal = Fixtures.validate("quirks/village-code-decimal.csv").returns().get(0).problems().get(0);
		assertThat(render(ZH.getProperty(decimal.messageKey()), decimal.arguments()))
			.isEqualTo("村代码“430528100201.0”带有“.0”，是 Excel 把它当作数字保存了。请把该列设置为“文本”格式，填写12位代码后再保存。");
	}

	@Test
	void headerNotOnTheFirstLineNamesTheLineItIsOn() {
		Problem problem = Fixtures.validate("rules/f-header-not-first.csv").read().fileProblems().get(0);
		assertThat(render(ZH.getProperty(problem.messageKey()), problem.arguments()))
			.isEqualTo("表头应在第一行，但在第2行才找到。请删除表头上面的标题行后重新报送。");
	}

	private static List<Problem> allProblems() throws IOException {
		List<Problem> problems = new ArrayList<>();
		for (String folder : List.of("quirks", "rules")) {
			try (Stream<Path> files = Files.list(Path.of("src/test/resources/fixtures", folder))) {
				for (Path file : files.sorted().toList()) {
					collect(Fixtures.validate(folder + "/" + file.getFileName()), problems);
				}
			}
		}
		var registry = Reference
			.registry((village) -> village.code().equals(Fixtures.SHUIYAN) ? new Village(village.code(), village.name(),
					village.townshipCode(), village.townshipName(), village.kind(), village.households(),
					village.population(), Optional.empty(), Optional.of(YearMonth.of(2026, 9))) : village);
		collect(Fixtures.validate("rules/v-village-validity.csv", Reference.context(registry)), problems);
		return problems;
	}

	private static void collect(FileValidator.Result result, List<Problem> problems) {
		problems.addAll(result.read().fileProblems());
		result.returns().forEach((checked) -> problems.addAll(checked.problems()));
	}

	/** As Spring's MessageSource renders a message with arguments. */
	private static String render(String pattern, List<Object> arguments) {
		return new MessageFormat(pattern, Locale.ROOT).format(arguments.toArray());
	}

	private static Properties load(String resource) {
		Properties properties = new Properties();
		try (InputStream in = ProblemMessagesTests.class.getResourceAsStream(resource)) {
			assertThat(in).as(resource).isNotNull();
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return properties;
	}

}
