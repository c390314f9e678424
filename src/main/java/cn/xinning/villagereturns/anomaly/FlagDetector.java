package cn.xinning.villagereturns.anomaly;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Consumer;

import org.springframework.stereotype.Component;

import cn.xinning.villagereturns.reference.Indicator;
import cn.xinning.villagereturns.reference.ValueCodeTable;
import cn.xinning.villagereturns.reference.Village;
import cn.xinning.villagereturns.reference.VillageRegistry;
import cn.xinning.villagereturns.support.StreamingJdbc;
import cn.xinning.villagereturns.support.WorkerThreads;

/**
 * Evaluates every rule for one period over the data as currently accepted, never a query
 * per value: the villages valid in the period are cut into ranges of whole townships, one
 * per worker thread, and each range is one streamed query in village order over P and the
 * twelve months before it, one row per village and month (each return in force keeps its
 * values as one compact text). One village is in memory at a time for the village rules
 * (history, stock, copied, warnings, missing, late), and one township for the peer rule,
 * judged as the stream leaves it.
 */
@Component
public class FlagDetector {

	private final StreamingJdbc jdbc;

	private final List<VillageRule> villageRules;

	private final PeerOutlierRule peerRule;

	private final WorkerThreads workers;

	private final ValueCodeTable valueCodes;

	public FlagDetector(StreamingJdbc streaming, List<VillageRule> villageRules, PeerOutlierRule peerRule,
			WorkerThreads workers, ValueCodeTable valueCodes) {
		this.jdbc = streaming;
		this.valueCodes = valueCodes;
		this.villageRules = villageRules;
		this.peerRule = peerRule;
		this.workers = workers;
	}

	/** Every flag the rules give for the period, in village order. */
	public List<Flag> detect(RuleContext context, VillageRegistry registry) {
		List<VillageRule> rules = this.villageRules.stream()
			.filter((rule) -> rule.codes().stream().anyMatch(context.anomaly()::isOn))
			.toList();
		List<Village> valid = registry.all()
			.stream()
			.filter((v) -> v.isValidIn(context.period()))
			.sorted(Comparator.comparing(Village::code))
			.toList();
		List<FutureTask<List<Flag>>> ranges = new ArrayList<>();
		for (List<Village> range : townshipRanges(valid, this.workers.threads())) {
			FutureTask<List<Flag>> task = new FutureTask<>(() -> pass(context, range, rules));
			ranges.add(task);
			this.workers.executor().execute(task);
		}
		List<Flag> flags = new ArrayList<>();
		try {
			for (FutureTask<List<Flag>> range : ranges) {
				// a range no thread has taken yet runs here: the periods are partitions
				// on
				// the same threads, which must never all wait for ranges queued behind
				// them
				range.run();
				flags.addAll(range.get());
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while detecting flags", ex);
		}
		catch (ExecutionException ex) {
			throw (ex.getCause() instanceof RuntimeException runtime) ? runtime
					: new IllegalStateException(ex.getCause());
		}
		finally {
			// one range failed: the others must not go on holding connections after the
			// step
			ranges.forEach((range) -> range.cancel(true));
		}
		return flags;
	}

	/**
	 * About equal ranges of villages, each made of whole townships (peers must stay
	 * together).
	 */
	static List<List<Village>> townshipRanges(List<Village> villages, int parts) {
		List<List<Village>> ranges = new ArrayList<>();
		int target = Math.max(1, (villages.size() + parts - 1) / Math.max(1, parts));
		List<Village> current = new ArrayList<>();
		for (Village village : villages) {
			boolean newTownship = current.isEmpty()
					|| !current.get(current.size() - 1).townshipCode().equals(village.townshipCode());
			if (current.size() >= target && newTownship) {
				ranges.add(current);
				current = new ArrayList<>();
			}
			current.add(village);
		}
		if (!current.isEmpty()) {
			ranges.add(current);
		}
		return ranges;
	}

	private List<Flag> pass(RuleContext context, List<Village> villages, List<VillageRule> rules) {
		YearMonth period = context.period();
		List<Flag> flags = new ArrayList<>();
		RangeState state = new RangeState(villages.iterator(), context, rules, flags::add);
		Map<String, YearMonth> periods = new HashMap<>();
		IndicatorValues.Index index = IndicatorValues.index(context.catalogue());
		IndicatorValues.Numbering numbering = new IndicatorValues.Numbering(index, this.valueCodes::load);
		this.jdbc.query("select village_code, period, first_received_at, values_text from current_return"
				+ " where period between ? and ? and village_code between ? and ? order by village_code, period",
				(rs) -> {
					state.row(rs.getString(1), periods.computeIfAbsent(rs.getString(2), YearMonth::parse),
							rs.getObject(3, LocalDateTime.class),
							IndicatorValues.decode(rs.getString(4), index, numbering));
				}, period.minusMonths(context.anomaly().historyMonths()).toString(), period.toString(),
				villages.get(0).code(), villages.get(villages.size() - 1).code());
		state.finish();
		return flags;
	}

	/**
	 * Walks the range's villages (registry order) and the stream of their returns
	 * together, so that villages with no return at all are judged too (MISSING_RETURN);
	 * gathers the period's values of a township for the peer rule and judges them when
	 * the township is left.
	 */
	private final class RangeState {

		private final Iterator<Village> expected;

		private final RuleContext context;

		private final List<VillageRule> rules;

		private final Consumer<Flag> flags;

		private Village next;

		private String code;

		private TreeMap<YearMonth, VillageData.MonthReturn> returns = new TreeMap<>();

		private String township;

		/** The township's reporting villages of each indicator, by catalogue position. */
		private final List<List<PeerOutlierRule.Peer>> peers;

		private final IndicatorValues.Index index;

		RangeState(Iterator<Village> expected, RuleContext context, List<VillageRule> rules, Consumer<Flag> flags) {
			this.expected = expected;
			this.context = context;
			this.rules = rules;
			this.flags = flags;
			this.next = expected.hasNext() ? expected.next() : null;
			this.index = IndicatorValues.index(context.catalogue());
			this.peers = new ArrayList<>(this.index.size());
			for (int i = 0; i < this.index.size(); i++) {
				this.peers.add(new ArrayList<>());
			}
		}

		void row(String village, YearMonth period, LocalDateTime received, IndicatorValues values) {
			if (!village.equals(this.code)) {
				flush();
				this.code = village;
			}
			this.returns.put(period, new VillageData.MonthReturn(received, values));
		}

		void finish() {
			flush();
			while (this.next != null) {
				judge(this.next, new VillageData(this.next.code(), new TreeMap<>()));
				advance();
			}
			judgePeers();
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
			if (!village.townshipCode().equals(this.township)) {
				judgePeers();
				this.township = village.townshipCode();
			}
			for (VillageRule rule : this.rules) {
				rule.evaluate(data, village, this.context, this.flags);
			}
			if (village.households() > 0) {
				data.in(this.context.period()).ifPresent((month) -> {
					IndicatorValues values = IndicatorValues.of(month.values(), this.index);
					for (int i = 0; i < this.index.size(); i++) {
						BigDecimal value = values.at(i);
						if (value != null) {
							this.peers.get(i)
								.add(new PeerOutlierRule.Peer(village.code(), value, village.households()));
						}
					}
				});
			}
		}

		private void judgePeers() {
			List<Indicator> indicators = this.context.catalogue().all();
			for (int i = 0; i < indicators.size(); i++) {
				List<PeerOutlierRule.Peer> group = this.peers.get(i);
				if (!group.isEmpty()) {
					FlagDetector.this.peerRule.evaluate(indicators.get(i), group, this.context, this.flags);
					// a new list: the rule may hold on to the one it was given
					this.peers.set(i, new ArrayList<>());
				}
			}
		}

		private void advance() {
			this.next = this.expected.hasNext() ? this.expected.next() : null;
		}

	}

}
