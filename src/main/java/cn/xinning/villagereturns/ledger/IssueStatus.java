package cn.xinning.villagereturns.ledger;

import java.util.Locale;
import java.util.Optional;

import cn.xinning.villagereturns.support.Text;

/**
 * Where an issue stands on the ladder (spec section 12): the Chinese label or the code.
 */
public enum IssueStatus {

	OPEN("未解决"), RESOLVED_VILLAGE("村级办结"), ESCALATED_TOWNSHIP("已报乡镇"), RESOLVED_TOWNSHIP("乡镇办结"),
	ESCALATED_COUNTY("已报县"), RESOLVED_COUNTY("县级办结");

	private final String label;

	IssueStatus(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

	public boolean resolved() {
		return this == RESOLVED_VILLAGE || this == RESOLVED_TOWNSHIP || this == RESOLVED_COUNTY;
	}

	/** Needs the date it reached the township. */
	boolean reachedTownship() {
		return this == ESCALATED_TOWNSHIP || this == RESOLVED_TOWNSHIP || reachedCounty();
	}

	/** Needs the date it reached the county. */
	boolean reachedCounty() {
		return this == ESCALATED_COUNTY || this == RESOLVED_COUNTY;
	}

	/** The Chinese label or the English code, as a clerk writes it. */
	public static Optional<IssueStatus> of(String raw) {
		String text = Text.normalize(raw);
		for (IssueStatus status : values()) {
			if (status.label.equals(text) || status.name().equals(text.toUpperCase(Locale.ROOT))) {
				return Optional.of(status);
			}
		}
		return Optional.empty();
	}

}
