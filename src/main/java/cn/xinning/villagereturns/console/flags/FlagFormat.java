package cn.xinning.villagereturns.console.flags;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.xinning.villagereturns.console.web.WebOnly;
import cn.xinning.villagereturns.support.Numbers;

/**
 * How the flag pages write numbers ({@code ${@flagFmt.number(x)}}): as the exports do (no
 * trailing zeros; {@code anomalies.csv}'s four decimals for a band), a rate per household
 * with four decimals; a missing value is a dash, never 0.
 */
@Component("flagFmt")
@WebOnly
public class FlagFormat {

	public String number(BigDecimal value) {
		return (value != null) ? Numbers.format(value) : "—";
	}

	public String number(Optional<BigDecimal> value) {
		return number(value.orElse(null));
	}

	/** A band's end as a flag stores and exports it: four decimals. */
	public String band(Optional<BigDecimal> value) {
		return value.map((v) -> Numbers.format(v.setScale(4, RoundingMode.HALF_UP))).orElse("—");
	}

	/** A rate per household, or the band's end of one, to four decimals. */
	public String rate(BigDecimal value) {
		return (value != null) ? Numbers.format(value.setScale(4, RoundingMode.HALF_UP)) : "—";
	}

	public String rate(Optional<BigDecimal> value) {
		return rate(value.orElse(null));
	}

	/**
	 * A rate end times households: the value band of a village (as the rule stores it).
	 */
	public String times(Optional<BigDecimal> rate, int households) {
		return rate
			.map((r) -> Numbers.format(r.multiply(BigDecimal.valueOf(households)).setScale(4, RoundingMode.HALF_UP)))
			.orElse("—");
	}

}
