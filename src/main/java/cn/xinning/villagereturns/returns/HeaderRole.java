package cn.xinning.villagereturns.returns;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import cn.xinning.villagereturns.support.Text;

/** The header aliases of spec section 3, matched case-insensitively after normalising. */
enum HeaderRole {

	VILLAGE_CODE("village_code", "村代码", "村（社区）代码", "村(社区)代码", "单位代码"), PERIOD("period", "报告期", "月份", "统计月份"),
	INDICATOR_CODE("indicator_code", "indicator", "指标代码"), VALUE("value", "数值", "值"), NOTE("note", "备注"),
	VILLAGE_NAME("village_name", "村名", "村（社区）名称", "村(社区)名称");

	private final List<String> aliases;

	private static final Map<String, HeaderRole> BY_ALIAS = Stream.of(values())
		.flatMap((role) -> role.aliases.stream().map((alias) -> Map.entry(key(alias), role)))
		.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a));

	HeaderRole(String... aliases) {
		this.aliases = List.of(aliases);
	}

	String canonical() {
		return this.aliases.get(0);
	}

	static Optional<HeaderRole> of(String header) {
		return Optional.ofNullable(BY_ALIAS.get(key(header)));
	}

	static String key(String header) {
		return Text.withoutBlanks(header).toLowerCase(Locale.ROOT);
	}

}
