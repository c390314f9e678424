package cn.xinning.villagereturns.ledger;

import java.util.Locale;
import java.util.Optional;

import cn.xinning.villagereturns.support.Text;

/** What an issue is about (spec section 12): the Chinese label or the code. */
public enum IssueCategory {

	POLICY("政策咨询"), AGRI_TECH("农技指导"), DISPUTE("矛盾纠纷"), INFRASTRUCTURE("基础设施"), LIVELIHOOD("民生保障"), OTHER("其他");

	private final String label;

	IssueCategory(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

	public static Optional<IssueCategory> of(String raw) {
		String text = Text.normalize(raw);
		for (IssueCategory category : values()) {
			if (category.label.equals(text) || category.name().equals(text.toUpperCase(Locale.ROOT))) {
				return Optional.of(category);
			}
		}
		return Optional.empty();
	}

}
