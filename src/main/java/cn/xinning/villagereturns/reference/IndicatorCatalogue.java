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

	public IndicatorCatalogue(List<Indicator> indicators) {
		this.indicators = List.copyOf(indicators);
		for (Indicator indicator : indicators) {
			this.byCode.put(key(indicator.code()), indicator);
			this.byHeader.put(key(indicator.code()), indicator);
			this.byHeader.put(key(indicator.nameZh()), indicator);
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
		return Optional.ofNullable(this.byHeader.get(key(text)));
	}

	public Indicator get(String code) {
		return byCode(code).orElseThrow(() -> new IllegalArgumentException("No indicator " + code));
	}

	private static String key(String text) {
		return Text.withoutBlanks(text).toLowerCase(Locale.ROOT);
	}

}
