package cn.xinning.villagereturns.ledger;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import cn.xinning.villagereturns.support.Text;

/**
 * The columns of a ledger and their header aliases (spec section 12), matched like the
 * headers of a return: case-insensitive after normalising (full-width brackets fold to
 * ASCII, so {@code 村（社区）代码} and {@code 村(社区)代码} are the same header).
 */
enum LedgerColumn {

	ISSUE_NO(true, "issue_no", "问题编号"), VILLAGE_CODE(true, "village_code", "村代码", "村（社区）代码"),
	RAISED_ON(true, "raised_on", "收集日期", "登记日期"), CATEGORY(true, "category", "类别", "问题类别"),
	SUMMARY(false, "summary", "问题摘要", "摘要"), STATUS(true, "status", "状态", "办理状态"),
	ESCALATED_TOWNSHIP_ON(false, "escalated_township_on", "报乡镇日期"),
	ESCALATED_COUNTY_ON(false, "escalated_county_on", "报县日期"), RESOLVED_ON(false, "resolved_on", "办结日期");

	private static final Map<String, LedgerColumn> BY_ALIAS = Stream.of(values())
		.flatMap((column) -> column.aliases.stream().map((alias) -> Map.entry(key(alias), column)))
		.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));

	/** Its cell must not be empty (L-REQUIRED), so the file must have the column. */
	private final boolean required;

	private final List<String> aliases;

	LedgerColumn(boolean required, String... aliases) {
		this.required = required;
		this.aliases = List.of(aliases);
	}

	boolean required() {
		return this.required;
	}

	String canonical() {
		return this.aliases.get(0);
	}

	static Optional<LedgerColumn> of(String header) {
		return Optional.ofNullable(BY_ALIAS.get(key(header)));
	}

	private static String key(String header) {
		return Text.normalize(header).toLowerCase(Locale.ROOT);
	}

}
