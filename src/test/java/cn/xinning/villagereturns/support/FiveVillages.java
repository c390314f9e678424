package cn.xinning.villagereturns.support;

import java.util.Map;

/**
 * The villages of the test registry {@code fixtures/aggregation/villages.csv}: 金石镇
 * (430528100) with 湾坝村, 江园村 and 龙头村, 一渡水镇 (430528101) with 水堰村 and 湾田村, all of 新宁县; and
 * the PAIRED_HOUSEHOLDS the figures tests give them every month.
 */
public final class FiveVillages {

	/** 湾坝村, 177 households. */
	public static final String WANBA = "430528100201";

	/** 江园村, 351 households. */
	public static final String JIANGYUAN = "430528100202";

	/** 龙头村, 302 households. */
	public static final String LONGTOU = "430528100203";

	/** 水堰村, 216 households. */
	public static final String SHUIYAN = "430528101201";

	/** 湾田村, 253 households. */
	public static final String WANTIAN = "430528101202";

	public static final Map<String, String> PAIRED_HOUSEHOLDS = Map.of(WANBA, "160", JIANGYUAN, "300", LONGTOU, "280",
			SHUIYAN, "200", WANTIAN, "230");

	private FiveVillages() {
	}

}
