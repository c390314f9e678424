package cn.xinning.villagereturns.anomaly;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import cn.xinning.villagereturns.VillageReturnsProperties;
import cn.xinning.villagereturns.reference.Indicator;
import cn.xinning.villagereturns.reference.IndicatorCatalogue;
import cn.xinning.villagereturns.reference.ReferenceData;
import cn.xinning.villagereturns.reference.ValueCodeTable;
import cn.xinning.villagereturns.reference.Village;
import cn.xinning.villagereturns.support.DueDates;

/**
 * The evidence behind a flag of the returns' rules, read again from the data as accepted
 * now (the returns in force, {@code current_return}, as the detector reads them) and
 * summarised by the rules' own arithmetic ({@link RobustSample}, the same thresholds), so
 * that a flag's page shows the median and band the rule judged by: the history of
 * OUTLIER_HISTORY, the township's rates of OUTLIER_PEERS, this month beside the previous
 * one for STOCK_CHANGE, COPIED_RETURN and the warnings, the due date for MISSING_RETURN
 * and LATE_RETURN. A flag that still holds shows exactly its stored numbers here; one
 * that closed (the data changed) shows what the data says now, and {@code matches} tells
 * them apart.
 */
@Service
public class FlagEvidence {

	private final JdbcTemplate jdbc;

	private final ReferenceData referenceData;

	private final AnomalyProperties anomaly;

	private final DueDates dueDates;

	private final ValueCodeTable valueCodes;

	public FlagEvidence(JdbcTemplate jdbc, ReferenceData referenceData, AnomalyProperties anomaly,
			VillageReturnsProperties properties, ValueCodeTable valueCodes) {
		this.jdbc = jdbc;
		this.valueCodes = valueCodes;
		this.referenceData = referenceData;
		this.anomaly = anomaly;
		this.dueDates = new DueDates(properties.dueDay());
	}

	/**
	 * One month of a village's history of an indicator.
	 *
	 * @param period the month
	 * @param hasReturn the village has a return in force for it
	 * @param value its accepted value, if it reported one (missing is not zero)
	 */
	public record Month(YearMonth period, boolean hasReturn, Optional<BigDecimal> value) {
	}

	/**
	 * OUTLIER_HISTORY: the twelve months before the period and the median and band of the
	 * values among them.
	 *
	 * @param indicator the indicator
	 * @param observed the period's value now, if any
	 * @param months the months before the period, latest last
	 * @param values how many of them have a value (the rule needs
	 * {@code historyMinValues})
	 * @param median the median of those values (empty when there are none)
	 * @param low the band's low end, rounded as stored
	 * @param high the band's high end, rounded as stored
	 * @param method how the spread was estimated (MAD, MEAN_AD, CONSTANT)
	 * @param score the score of the observed value, as exported
	 * @param threshold |score| above which the value is out
	 */
	public record History(Indicator indicator, Optional<BigDecimal> observed, List<Month> months, int values,
			Optional<BigDecimal> median, Optional<BigDecimal> low, Optional<BigDecimal> high,
			Optional<RobustSample.Method> method, String score, BigDecimal threshold) {
	}

	/**
	 * One reporting village of the township in the period.
	 *
	 * @param village the village code
	 * @param name its name
	 * @param value its accepted value
	 * @param households its registered households
	 * @param rate value per household (as the rule divides)
	 * @param score its score among the township's rates, as exported
	 * @param flagged this is the flag's village
	 */
	public record PeerRow(String village, String name, BigDecimal value, int households, BigDecimal rate, String score,
			boolean flagged) {
	}

	/**
	 * OUTLIER_PEERS: the township's reporting villages and the median and band of their
	 * rates per household.
	 *
	 * @param indicator the indicator
	 * @param township the township code
	 * @param townshipName its name
	 * @param rows its reporting villages (with households), in village order
	 * @param medianRate the median rate (empty when none)
	 * @param lowRate the band's low end, per household
	 * @param highRate the band's high end, per household
	 * @param threshold |score| above which a rate is out
	 * @param minVillages the rule needs at least this many reporting villages
	 */
	public record Peers(Indicator indicator, String township, String townshipName, List<PeerRow> rows,
			Optional<BigDecimal> medianRate, Optional<BigDecimal> lowRate, Optional<BigDecimal> highRate,
			BigDecimal threshold, int minVillages) {
	}

	/**
	 * An indicator this month beside the previous month.
	 *
	 * @param indicator the indicator
	 * @param now this month's accepted value, if any
	 * @param before the previous month's, if any
	 * @param same the two are equal (two missing values are equal, as COPIED_RETURN
	 * counts)
	 * @param flagged the flag is about this indicator
	 */
	public record Change(Indicator indicator, Optional<BigDecimal> now, Optional<BigDecimal> before, boolean same,
			boolean flagged) {

		/** now − before, when both are there. */
		public Optional<BigDecimal> difference() {
			return this.now.flatMap((n) -> this.before.map(n::subtract));
		}

	}

	/**
	 * STOCK_CHANGE, COPIED_RETURN and the warning rules: the village's return of the
	 * period beside its return of the month before.
	 *
	 * @param period the period
	 * @param previous the month before
	 * @param hasNow the village has a return in force for the period
	 * @param hasBefore it has one for the month before
	 * @param rows the indicators compared, in catalogue order
	 */
	public record Comparison(YearMonth period, YearMonth previous, boolean hasNow, boolean hasBefore,
			List<Change> rows) {
	}

	/**
	 * MISSING_RETURN and LATE_RETURN: the due date against the first accepted return.
	 *
	 * @param period the period
	 * @param due the due date (end of its day)
	 * @param firstReceived when the first accepted return came, if one did
	 * @param evaluatedAsOf the business time the period's flags were last judged at
	 */
	public record Reporting(YearMonth period, LocalDateTime due, Optional<LocalDateTime> firstReceived,
			Optional<LocalDateTime> evaluatedAsOf) {
	}

	/** OUTLIER_HISTORY's evidence for a village, indicator and period. */
	public Optional<History> history(String village, String indicatorCode, YearMonth period) {
		Optional<Indicator> indicator = catalogue().byCode(indicatorCode);
		if (indicator.isEmpty()) {
			return Optional.empty();
		}
		TreeMap<YearMonth, Map<String, BigDecimal>> returns = returns(village,
				period.minusMonths(this.anomaly.historyMonths()), period);
		List<Month> months = new ArrayList<>();
		List<BigDecimal> values = new ArrayList<>();
		// as HistoryOutlierRule reads it: the months before P with a return in force, the
		// indicator's value where the return has one
		for (int back = this.anomaly.historyMonths(); back >= 1; back--) {
			YearMonth month = period.minusMonths(back);
			Map<String, BigDecimal> values0 = returns.get(month);
			Optional<BigDecimal> value = Optional.ofNullable((values0 != null) ? values0.get(indicatorCode) : null);
			value.ifPresent(values::add);
			months.add(new Month(month, values0 != null, value));
		}
		Optional<BigDecimal> observed = Optional.ofNullable(returns.get(period)).map((r) -> r.get(indicatorCode));
		BigDecimal threshold = this.anomaly.historyThreshold();
		if (values.isEmpty()) {
			return Optional.of(new History(indicator.get(), observed, months, 0, Optional.empty(), Optional.empty(),
					Optional.empty(), Optional.empty(), "", threshold));
		}
		RobustSample sample = RobustSample.of(values);
		return Optional.of(new History(indicator.get(), observed, months, values.size(), Optional.of(sample.median()),
				Optional.of(stored(sample.low(threshold))), Optional.of(stored(sample.high(threshold))),
				Optional.of(sample.method()), observed.map((x) -> sample.score(x).text()).orElse(""), threshold));
	}

	/** OUTLIER_PEERS' evidence: the village's township's reporting villages. */
	public Optional<Peers> peers(String village, String indicatorCode, YearMonth period) {
		Optional<Indicator> indicator = catalogue().byCode(indicatorCode);
		var registry = this.referenceData.recent().registry();
		Optional<Village> line = registry.validIn(village, period);
		if (indicator.isEmpty() || line.isEmpty()) {
			return Optional.empty();
		}
		String township = line.get().townshipCode();
		// the villages the detector groups as this township's peers: valid in P, with
		// registered households
		List<Village> members = registry.all()
			.stream()
			.filter((v) -> v.isValidIn(period) && v.townshipCode().equals(township) && v.households() > 0)
			.sorted(Comparator.comparing(Village::code))
			.toList();
		Map<String, Map<String, BigDecimal>> values = new java.util.HashMap<>();
		if (!members.isEmpty()) {
			ValueCodeTable.Texts texts = this.valueCodes.texts();
			this.jdbc.query(
					"select village_code, values_text from current_return where period = ?"
							+ " and village_code between ? and ?",
					(org.springframework.jdbc.core.RowCallbackHandler) (rs) -> values.put(rs.getString(1),
							texts.decode(rs.getString(2))),
					period.toString(), members.get(0).code(), members.get(members.size() - 1).code());
		}
		List<PeerOutlierRule.Peer> peers = new ArrayList<>();
		List<String> names = new ArrayList<>();
		for (Village member : members) {
			Map<String, BigDecimal> month = values.get(member.code());
			BigDecimal value = (month != null) ? month.get(indicatorCode) : null;
			if (value != null) {
				peers.add(new PeerOutlierRule.Peer(member.code(), value, member.households()));
				names.add(member.name());
			}
		}
		BigDecimal threshold = this.anomaly.peersThreshold();
		if (peers.isEmpty()) {
			return Optional.of(new Peers(indicator.get(), township, line.get().townshipName(), List.of(),
					Optional.empty(), Optional.empty(), Optional.empty(), threshold, this.anomaly.peersMinVillages()));
		}
		RobustSample sample = RobustSample.of(peers.stream().map(PeerOutlierRule.Peer::rate).toList());
		List<PeerRow> rows = new ArrayList<>();
		for (int i = 0; i < peers.size(); i++) {
			PeerOutlierRule.Peer peer = peers.get(i);
			rows.add(new PeerRow(peer.village(), names.get(i), peer.value(), peer.households(), peer.rate(),
					sample.score(peer.rate()).text(), peer.village().equals(village)));
		}
		return Optional.of(new Peers(indicator.get(), township, line.get().townshipName(), rows,
				Optional.of(sample.median()), Optional.of(sample.low(threshold)), Optional.of(sample.high(threshold)),
				threshold, this.anomaly.peersMinVillages()));
	}

	/**
	 * The village's return of the period beside the month before: the one indicator
	 * given, or (none) every indicator; {@code flowOnly} keeps the activity indicators
	 * (what COPIED_RETURN compares).
	 */
	public Comparison comparison(String village, Optional<String> indicatorCode, boolean flowOnly, YearMonth period) {
		TreeMap<YearMonth, Map<String, BigDecimal>> returns = returns(village, period.minusMonths(1), period);
		Map<String, BigDecimal> now = returns.get(period);
		Map<String, BigDecimal> before = returns.get(period.minusMonths(1));
		List<Change> rows = new ArrayList<>();
		for (Indicator indicator : catalogue().all()) {
			if ((flowOnly && !indicator.isFlow())
					|| indicatorCode.map((c) -> !c.equals(indicator.code())).orElse(false)) {
				continue;
			}
			Optional<BigDecimal> a = Optional.ofNullable((now != null) ? now.get(indicator.code()) : null);
			Optional<BigDecimal> b = Optional.ofNullable((before != null) ? before.get(indicator.code()) : null);
			boolean same = (a.isEmpty() || b.isEmpty()) ? a.isEmpty() && b.isEmpty() : a.get().compareTo(b.get()) == 0;
			rows.add(new Change(indicator, a, b, same, indicatorCode.isPresent()));
		}
		return new Comparison(period, period.minusMonths(1), now != null, before != null, rows);
	}

	/** MISSING_RETURN's and LATE_RETURN's evidence. */
	public Reporting reporting(String village, YearMonth period) {
		Optional<LocalDateTime> first = this.jdbc
			.queryForList("select first_received_at from current_return where village_code = ? and period = ?",
					LocalDateTime.class, village, period.toString())
			.stream()
			.findFirst();
		Optional<LocalDateTime> evaluated = this.jdbc
			.queryForList("select evaluated_as_of from flag_evaluation where period = ?", LocalDateTime.class,
					period.toString())
			.stream()
			.findFirst();
		return new Reporting(period, this.dueDates.dueOf(period), first, evaluated);
	}

	private IndicatorCatalogue catalogue() {
		return this.referenceData.recent().catalogue();
	}

	private TreeMap<YearMonth, Map<String, BigDecimal>> returns(String village, YearMonth from, YearMonth to) {
		TreeMap<YearMonth, Map<String, BigDecimal>> returns = new TreeMap<>();
		ValueCodeTable.Texts texts = this.valueCodes.texts();
		this.jdbc
			.query("select period, values_text from current_return where village_code = ? and period between ? and ?",
					(org.springframework.jdbc.core.RowCallbackHandler) (rs) -> returns
						.put(YearMonth.parse(rs.getString(1)), texts.decode(rs.getString(2))),
					village, from.toString(), to.toString());
		return returns;
	}

	/** As a flag stores a band's end (four decimals). */
	private static BigDecimal stored(BigDecimal value) {
		return value.setScale(Score.SCALE, RoundingMode.HALF_UP);
	}

}
