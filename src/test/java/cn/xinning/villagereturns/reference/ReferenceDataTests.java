package cn.xinning.villagereturns.reference;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.DefaultResourceLoader;

import cn.xinning.villagereturns.ConfigurationException;
import cn.xinning.villagereturns.VillageReturnsProperties;

import static cn.xinning.villagereturns.support.TestRoot.REGISTRY_HEADER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Reading the registry and catalogue a county configures: what is accepted, and what is
 * refused.
 */
class ReferenceDataTests {

	static final String CATALOGUE_HEADER = "code,name_zh,name_en,unit_zh,value_type,kind,required,max,max_per_household,min_abs_change\n";

	@TempDir
	Path folder;

	@Test
	void aGbkRegistryWithValidityIsReadWithItsChineseNames() throws Exception {
		write("villages.csv", "村代码,村名,乡镇代码,乡镇,类,户数,人口\n", StandardCharsets.UTF_8);
		String registry = "village_code,village_name,township_code,township_name,kind,households,population,valid_from,valid_to\n"
				+ "430528100201,湾坝村,430528100,金石镇,村,177,647,,2026-06\n"
				+ "430528100299,新湾村,430528100,金石镇,村,230,800,2026-07,\n";
		write("villages.csv", registry, Charset.forName("GB18030"));

		VillageRegistry villages = reference("villages.csv", "classpath:jobs/indicators.csv").registry();

		assertThat(villages.all()).extracting(Village::name).containsExactly("湾坝村", "新湾村");
		assertThat(villages.validIn("430528100201", YearMonth.of(2026, 6))).isPresent();
		assertThat(villages.validIn("430528100201", YearMonth.of(2026, 7))).isEmpty();
		assertThat(villages.validIn("430528100299", YearMonth.of(2026, 7)).map(Village::households))
			.isEqualTo(Optional.of(230));
	}

	@Test
	void anIndicatorCodeWithASeparatorIsRefusedNamingTheLine() throws Exception {
		write("indicators.csv", CATALOGUE_HEADER + "HOME_VISITS,上门走访人次,Home visits,人次,INTEGER,FLOW,Y,,10,20\n"
				+ "BAD;CODE,坏,Bad,个,INTEGER,FLOW,N,,,1\n", StandardCharsets.UTF_8);

		assertThatExceptionOfType(ConfigurationException.class)
			.isThrownBy(() -> reference("classpath:jobs/villages.csv", "indicators.csv"))
			.withMessageEndingWith(
					"indicators.csv line 3: indicator code \"BAD;CODE\" must be letters, digits, _ . or -"
							+ " (at most 40, starting with a letter)");
	}

	@Test
	void aCatalogueTooLargeForAReturnsValueTextIsRefused() throws Exception {
		StringBuilder catalogue = new StringBuilder(CATALOGUE_HEADER);
		for (int i = 0; i < 70; i++) {
			catalogue.append(String
				.format("INDICATOR_WITH_A_RATHER_LONG_CODE_%03d,指标%d,Indicator %d,个,INTEGER,FLOW,N,,,1%n", i, i, i));
		}
		write("indicators.csv", catalogue.toString(), StandardCharsets.UTF_8);

		assertThatExceptionOfType(ConfigurationException.class)
			.isThrownBy(() -> reference("classpath:jobs/villages.csv", "indicators.csv"))
			.withMessageContaining("70 indicators are more than a return can hold")
			.withMessageContaining("at most 4000");
	}

	@Test
	void aPlainPathIsAFileAndClasspathNamesThePackagedCopy() throws Exception {
		write("villages.csv", "village_code,village_name,township_code,township_name,kind,households,population\n"
				+ "430528100201,湾坝村,430528100,金石镇,村,177,647\n", StandardCharsets.UTF_8);
		String plainPath = this.folder.resolve("villages.csv").toString();

		ReferenceData.Snapshot snapshot = reference(plainPath, "classpath:jobs/indicators.csv");

		assertThat(snapshot.registry().all()).extracting(Village::code).containsExactly("430528100201");
		assertThat(snapshot.registrySource()).isEqualTo(plainPath);
		assertThat(snapshot.catalogue().all()).hasSize(20);
		assertThatExceptionOfType(ConfigurationException.class)
			.isThrownBy(() -> reference(this.folder.resolve("missing.csv").toString(), "classpath:jobs/indicators.csv"))
			.withMessageStartingWith("Cannot read the village registry " + this.folder.resolve("missing.csv"));
	}

	@Test
	void aDuplicateVillageCodeIsRefusedNamingBothLines() throws Exception {
		write("villages.csv", REGISTRY_HEADER + "430528100201,湾坝村,430528100,金石镇,村,177,647,,\n"
				+ "430528100202,江园村,430528100,金石镇,村,351,1428,,\n" + "430528100201,湾坝村,430528100,金石镇,村,177,647,,\n",
				StandardCharsets.UTF_8);

		assertThatExceptionOfType(ConfigurationException.class)
			.isThrownBy(() -> reference("villages.csv", "classpath:jobs/indicators.csv"))
			.withMessageEndingWith(" has 1 problem; nothing was run. Fix the file and start again:\n"
					+ "  line 4: village_code 430528100201 is already on line 2: its values would be counted twice;"
					+ " delete one of the lines, or give them validity periods that do not overlap");
	}

	@Test
	void aTownshipCodeThatIsNotTheVillagesFirstNineDigitsIsRefused() throws Exception {
		write("villages.csv", REGISTRY_HEADER + "430528100201,湾坝村,430528101,金石镇,村,177,647,,\n", StandardCharsets.UTF_8);

		assertThatExceptionOfType(ConfigurationException.class)
			.isThrownBy(() -> reference("villages.csv", "classpath:jobs/indicators.csv"))
			.withMessageEndingWith(
					"\n  line 2: township_code 430528101 is not the first 9 digits of 430528100201" + " (430528100)");
	}

	@Test
	void overlappingValidityOfOneCodeIsRefusedButConsecutiveLinesAreRead() throws Exception {
		write("villages.csv",
				REGISTRY_HEADER + "430528100201,湾坝村,430528100,金石镇,村,177,647,,2026-06\n"
						+ "430528100201,湾坝村,430528100,金石镇,村,180,650,2026-07,\n"
						+ "430528100202,江园村,430528100,金石镇,村,351,1428,2025-01,2026-06\n"
						+ "430528100202,江园村,430528100,金石镇,村,351,1428,2026-06,\n",
				StandardCharsets.UTF_8);

		assertThatExceptionOfType(ConfigurationException.class)
			.isThrownBy(() -> reference("villages.csv", "classpath:jobs/indicators.csv"))
			.withMessageEndingWith(" has 1 problem; nothing was run. Fix the file and start again:\n"
					+ "  line 5: village_code 430528100202 valid 2026-06~ overlaps line 4 (valid 2025-01~2026-06):"
					+ " set valid_to of the earlier line before valid_from of the later one");
	}

	@Test
	void aHouseholdCountOfZeroOrLessIsRefused() throws Exception {
		write("villages.csv", REGISTRY_HEADER + "430528100201,湾坝村,430528100,金石镇,村,0,647,,\n"
				+ "430528100202,江园村,430528100,金石镇,村,-3,1428,,\n", StandardCharsets.UTF_8);

		assertThatExceptionOfType(ConfigurationException.class)
			.isThrownBy(() -> reference("villages.csv", "classpath:jobs/indicators.csv"))
			.withMessageEndingWith(" has 2 problems; nothing was run. Fix the file and start again:\n"
					+ "  line 2: households must be a whole number of 1 or more\n"
					+ "  line 3: households must be a whole number of 1 or more");
	}

	@Test
	void everyProblemOfTheRegistryIsListedAtOnceInLineOrder() throws Exception {
		write("villages.csv",
				REGISTRY_HEADER + "430528100201,湾坝村,430528100,金石镇,村,177,647,,\n"
						+ "43052810020,短码村,430528100,金石镇,村,10,40,,\n" + "430528100203,龙头村,430528101,金石镇,村,302,1161,,\n"
						+ "430528100201,湾坝村,430528100,金石镇,村,177,647,,\n" + "430528100204,新村,430528100,金石镇,村,,40,,\n",
				StandardCharsets.UTF_8);

		assertThatExceptionOfType(ConfigurationException.class)
			.isThrownBy(() -> reference("villages.csv", "classpath:jobs/indicators.csv"))
			.withMessageStartingWith("村名录 " + this.folder.resolve("villages.csv") + " 有 4 处错误，请改正后再运行。")
			.withMessageEndingWith(" has 4 problems; nothing was run. Fix the file and start again:\n"
					+ "  line 3: village_code \"43052810020\" is not 12 digits\n"
					+ "  line 4: township_code 430528101 is not the first 9 digits of 430528100203 (430528100)\n"
					+ "  line 5: village_code 430528100201 is already on line 2: its values would be counted twice;"
					+ " delete one of the lines, or give them validity periods that do not overlap\n"
					+ "  line 6: households must be a whole number of 1 or more");
	}

	private ReferenceData.Snapshot reference(String registry, String catalogue) {
		VillageReturnsProperties properties = new VillageReturnsProperties(this.folder, location(registry),
				location(catalogue), 5, ZoneId.of("Asia/Shanghai"), YearMonth.of(2025, 1), "zh",
				new VillageReturnsProperties.Inbox(5, 64), new VillageReturnsProperties.Rules(3, 4, 20),
				new VillageReturnsProperties.Watch(10, "0 0 2 * * *"),
				new VillageReturnsProperties.Batch(100, 0, 1000, 20000));
		return new ReferenceData(properties, new DefaultResourceLoader(), null, null, null, null).current();
	}

	private String location(String name) {
		return (name.startsWith("classpath:") || name.startsWith("/")) ? name : "file:" + this.folder.resolve(name);
	}

	private void write(String name, String content, Charset charset) throws Exception {
		Files.writeString(this.folder.resolve(name), content, charset);
	}

}
