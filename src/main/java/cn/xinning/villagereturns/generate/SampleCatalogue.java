package cn.xinning.villagereturns.generate;

import java.util.List;

/**
 * The indicators in catalogue order: the order of the columns of a wide file and of the
 * rows of a long one.
 */
record SampleCatalogue(List<SampleIndicator> indicators) {

	SampleCatalogue {
		indicators = List.copyOf(indicators);
	}

	int size() {
		return this.indicators.size();
	}

	SampleIndicator get(int index) {
		return this.indicators.get(index);
	}

	/** Position of the indicator, or -1 when a county's catalogue does not have it. */
	int indexOf(String code) {
		for (int i = 0; i < this.indicators.size(); i++) {
			if (this.indicators.get(i).code().equals(code)) {
				return i;
			}
		}
		return -1;
	}

}
