package cn.xinning.villagereturns.reference;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import cn.xinning.villagereturns.support.Text;

/** The indicator catalogue, with the look-ups a return's headers and codes need. */
public final class IndicatorCatalogue {

	private final List<Indicator> indicators;

	private final Map<String, Indicator> byCode = new HashMap<>();

	private final Map<String, Indicator> byHeader = new HashMap<>();

	/**
	 * The codes and names exactly as the catalogue spells them, with what
	 * {@link #byHeader} finds for them: a province's files name their 500,000 values so,
	 * and normalising each name again was a twentieth of checking them.
	 */
	private final Map<String, Indicator> byExactHeader = new HashMap<>();

	public IndicatorCatalogue(List<Indicator> indicators) {
		this.indicators = List.copyOf(indicators);
		for (Indicator indicator : indicators) {
			this.byCode.put(key(indicator.code()), indicator);
			this.byHeader.put(key(indicator.code()), indicator);
			this.byHeader.put(key(indicator.nameZh()), indicator);
		}
		for (Indicator indicator : indicators) {
			for (String text : new String[] { indicator.code(), indicator.nameZh() }) {
				this.byExactHeader.put(text, this.byHeader.get(key(text)));
			}
		}
	}

	public List<Indicator> all() {
		return this.indicators;
	}

	/** Exact code, compared case-insensitively after normalising full-width forms. */
	public Optional<Indicator> byCode(String code) {
		return Optional.ofNullable(this.byCode.get(key(code)));
	}

	/**
	 * A column header of a wide return, or the indicator cell of a long one: code or
	 * Chinese name.
	 */
	public Optional<Indicator> byCodeOrName(String text) {
		Indicator exact = this.byExactHeader.get(text);
		return Optional.ofNullable((exact != null) ? exact : this.byHeader.get(key(text)));
	}

	public Indicator get(String code) {
		return byCode(code).orElseThrow(() -> new IllegalArgumentException("No indicator " + code));
	}

	private static String key(String text) {
		return Text.withoutBlanks(text).toLowerCase(Locale.ROOT);
	}

}
