package cn.xinning.villagereturns.anomaly;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import cn.xinning.villagereturns.reference.Indicator;
import cn.xinning.villagereturns.reference.IndicatorCatalogue;
import cn.xinning.villagereturns.reference.Village;
import cn.xinning.villagereturns.reference.VillageRegistry;

/**
 * Evaluates every rule for one period over the data as currently accepted, in two
 * streamed passes and never a query per value: one ordered by village over P and the
 * twelve months before it (history, stock, copied, warning, missing and late rules, one
 * village in memory at a time), and one ordered by township over P (peer rule, one
 * township and indicator at a time).
 */
@Component
public class FlagDetector {

	private final JdbcTemplate jdbc;

	private final List<VillageRule> villageRules;

	private final PeerOutlierRule peerRule;

	public FlagDetector(JdbcTemplate jdbc, List<VillageRule> villageRules, PeerOutlierRule peerRule) {
		this.jdbc = jdbc;
		this.villageRules = villageRules;
		this.peerRule = peerRule;
	}

	/** Every flag the rules give for the period. */
	public List<Flag> detect(RuleContext context, VillageRegistry registry) {
		List<Flag> flags = new ArrayList<>();
		List<VillageRule> rules = this.villageRules.stream()
			.filter((rule) -> rule.codes().stream().anyMatch(context.anomaly()::isOn))
			.toList();
		villagePass(context, registry, rules, flags::add);
		peerPass(context, registry, flags::add);
		return flags;
	}

	private void villagePass(RuleContext context, VillageRegistry registry, List<VillageRule> rules,
			Consumer<Flag> flags) {
		YearMonth period = context.period();
		Iterator<Village> expected = registry.all()
			.stream()
			.filter((v) -> v.isValidIn(period))
			.sorted(java.util.Comparator.comparing(Village::code))
			.iterator();
		VillagePassState state = new VillagePassState(expected, context, rules, flags);
		this.jdbc.query("select c.village_code, c.period, c.first_received_at, v.indicator_code, v.val"
				+ " from current_return c left join submission_value v on v.submission_id = c.submission_id"
				+ " where c.period between ? and ? order by c.village_code, c.period", (rs) -> {
					state.row(rs.getString(1), YearMonth.parse(rs.getString(2)), rs.getObject(3, LocalDateTime.class),
							rs.getString(4), rs.getBigDecimal(5));
				}, period.minusMonths(context.anomaly().historyMonths()).toString(), period.toString());
		state.finish();
	}

	/**
	 * Walks the registry's villages valid in the period and the stream of returns, both
	 * in code order, so that villages with no return at all are judged too
	 * (MISSING_RETURN).
	 */
	private static final class VillagePassState {

		private final Iterator<Village> expected;

		private final RuleContext context;

		private final List<VillageRule> rules;

		private final Consumer<Flag> flags;

		private Village next;

		private String code;

		private TreeMap<YearMonth, VillageData.MonthReturn> returns = new TreeMap<>();

		VillagePassState(Iterator<Village> expected, RuleContext context, List<VillageRule> rules,
				Consumer<Flag> flags) {
			this.expected = expected;
			this.context = context;
			this.rules = rules;
			this.flags = flags;
			this.next = expected.hasNext() ? expected.next() : null;
		}

		void row(String village, YearMonth period, LocalDateTime received, String indicator, BigDecimal value) {
			if (!village.equals(this.code)) {
				flush();
				this.code = village;
			}
			VillageData.MonthReturn month = this.returns.computeIfAbsent(period,
					(p) -> new VillageData.MonthReturn(received, new HashMap<>()));
			if (indicator != null) {
				month.values().put(indicator, value);
			}
		}

		void finish() {
			flush();
			while (this.next != null) {
				judge(this.next, new VillageData(this.next.code(), new TreeMap<>()));
				advance();
			}
		}

		private void flush() {
			if (this.code == null) {
				return;
			}
			while (this.next != null && this.next.code().compareTo(this.code) < 0) {
				judge(this.next, new VillageData(this.next.code(), new TreeMap<>()));
				advance();
			}
			if (this.next != null && this.next.code().equals(this.code)) {
				judge(this.next, new VillageData(this.code, this.returns));
				advance();
			}
			// a village not valid in the period is outside the county's scope for it: no
			// flags
			this.returns = new TreeMap<>();
			this.code = null;
		}

		private void judge(Village village, VillageData data) {
			for (VillageRule rule : this.rules) {
				rule.evaluate(data, village, this.context, this.flags);
			}
		}

		private void advance() {
			this.next = this.expected.hasNext() ? this.expected.next() : null;
		}

	}

	private void peerPass(RuleContext context, VillageRegistry registry, Consumer<Flag> flags) {
		if (!context.anomaly().isOn(PeerOutlierRule.CODE)) {
			return;
		}
		YearMonth period = context.period();
		IndicatorCatalogue catalogue = context.catalogue();
		Map<String, Village> valid = new HashMap<>();
		registry.all().stream().filter((v) -> v.isValidIn(period)).forEach((v) -> valid.put(v.code(), v));
		List<PeerOutlierRule.Peer> group = new ArrayList<>();
		String[] groupKey = { null, null };
		this.jdbc.query("select g.township_code, v.indicator_code, c.village_code, v.val from current_return c"
				+ " join submission_value v on v.submission_id = c.submission_id"
				+ " join village g on g.village_code = c.village_code"
				+ " and (g.valid_from is null or g.valid_from <= c.period) and (g.valid_to is null or g.valid_to >= c.period)"
				+ " join indicator i on i.indicator_code = v.indicator_code and i.kind = 'FLOW'"
				+ " where c.period = ? order by g.township_code, v.indicator_code, c.village_code", (rs) -> {
					String township = rs.getString(1);
					String indicator = rs.getString(2);
					if (!(township.equals(groupKey[0]) && indicator.equals(groupKey[1]))) {
						judgePeers(catalogue, groupKey[1], group, context, flags);
						groupKey[0] = township;
						groupKey[1] = indicator;
					}
					Village village = valid.get(rs.getString(3));
					if (village != null && village.households() > 0) {
						group.add(new PeerOutlierRule.Peer(village.code(), rs.getBigDecimal(4), village.households()));
					}
				}, period.toString());
		judgePeers(catalogue, groupKey[1], group, context, flags);
	}

	private void judgePeers(IndicatorCatalogue catalogue, String indicatorCode, List<PeerOutlierRule.Peer> group,
			RuleContext context, Consumer<Flag> flags) {
		if (indicatorCode != null && !group.isEmpty()) {
			Indicator indicator = catalogue.byCode(indicatorCode).orElse(null);
			if (indicator != null) {
				this.peerRule.evaluate(indicator, List.copyOf(group), context, flags);
			}
		}
		group.clear();
	}

}
