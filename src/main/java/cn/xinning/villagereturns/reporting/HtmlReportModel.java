package cn.xinning.villagereturns.reporting;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * What the HTML report of one period shows, read by {@link HtmlReportQueries} and drawn
 * by {@link HtmlReportRenderer}. Numbers are kept as the exports write them ({@code ""}
 * when no village reported: missing is not zero).
 *
 * @param period the report's month
 * @param indicators the catalogue in display order (codes found only in the data come
 * last)
 * @param trendPeriods the twelve months ending at the period, oldest first
 * @param counties the counties with data for the period, by code
 */
record HtmlReportModel(YearMonth period, List<IndicatorInfo> indicators, List<YearMonth> trendPeriods,
		List<County> counties) {

	record IndicatorInfo(String code, String nameZh, String unitZh, String kind) {

		boolean stock() {
			return "STOCK".equals(this.kind);
		}

	}

	/**
	 * @param missingVillages names of the villages expected in the period without an
	 * accepted return (at most {@link HtmlReportQueries#MISSING_NAMES_SHOWN})
	 * @param missingCount how many villages are missing in all
	 */
	record Township(String code, String name, Map<String, Figure> figures, Completeness completeness,
			List<String> missingVillages, int missingCount) {
	}

	/**
	 * @param trend per indicator code, the county's monthly value for each of the trend
	 * periods ({@code null} where no data: a gap in the chart)
	 */
	record County(String code, String name, Map<String, Figure> figures, Completeness completeness,
			List<Township> townships, Map<String, List<BigDecimal>> trend) {
	}

}
