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

	ISSUE_NO(true, "问题编号", "issue number", "issue_no", "问题编号"),
	VILLAGE_CODE(true, "村代码", "village code", "village_code", "村代码", "村（社区）代码"),
	RAISED_ON(true, "收集日期", "date collected", "raised_on", "收集日期", "登记日期"),
	CATEGORY(true, "问题类别", "category", "category", "类别", "问题类别"),
	SUMMARY(false, "问题摘要", "summary", "summary", "问题摘要", "摘要"), STATUS(true, "办理状态", "status", "status", "状态", "办理状态"),
	ESCALATED_TOWNSHIP_ON(false, "报乡镇日期", "date reported to the township", "escalated_township_on", "报乡镇日期"),
	ESCALATED_COUNTY_ON(false, "报县日期", "date reported to the county", "escalated_county_on", "报县日期"),
	RESOLVED_ON(false, "办结日期", "date resolved", "resolved_on", "办结日期");

	private static final Map<String, LedgerColumn> BY_ALIAS = Stream.of(values())
		.flatMap((column) -> column.aliases.stream().map((alias) -> Map.entry(key(alias), column)))
		.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));

	/** Its cell must not be empty (L-REQUIRED), so the file must have the column. */
	private final boolean required;

	private final String labelZh;

	private final String labelEn;

	private final List<String> aliases;

	LedgerColumn(boolean required, String labelZh, String labelEn, String... aliases) {
		this.required = required;
		this.labelZh = labelZh;
		this.labelEn = labelEn;
		this.aliases = List.of(aliases);
	}

	/**
	 * How a message names the column: its Chinese label, with the header as written when
	 * that differs ({@code 收集日期（raised_on）}).
	 */
	String labelZh(String written) {
		return written.equals(this.labelZh) ? this.labelZh : this.labelZh + "（" + written + "）";
	}

	/** The same in English: {@code date collected (raised_on)}. */
	String labelEn(String written) {
		return this.labelEn + " (" + written + ")";
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
