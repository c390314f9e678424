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

	private ReferenceData.Snapshot reference(String registry, String catalogue) {
		VillageReturnsProperties properties = new VillageReturnsProperties(this.folder, location(registry),
				location(catalogue), 5, ZoneId.of("Asia/Shanghai"), YearMonth.of(2025, 1), "zh",
				new VillageReturnsProperties.Inbox(5, 64), new VillageReturnsProperties.Rules(3, 4, 20),
				new VillageReturnsProperties.Watch(10, "0 0 2 * * *"),
				new VillageReturnsProperties.Batch(100, 0, 1000));
		return new ReferenceData(properties, new DefaultResourceLoader(), null, null).current();
	}

	private String location(String name) {
		return name.startsWith("classpath:") ? name : "file:" + this.folder.resolve(name);
	}

	private void write(String name, String content, Charset charset) throws Exception {
		Files.writeString(this.folder.resolve(name), content, charset);
	}

}
