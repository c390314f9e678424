package cn.xinning.villagereturns.console.indicators;

import java.math.BigDecimal;

import org.springframework.stereotype.Component;

import cn.xinning.villagereturns.console.web.WebOnly;
import cn.xinning.villagereturns.reporting.Completeness;
import cn.xinning.villagereturns.support.Numbers;

/**
 * How the figures screens show a number ({@code ${@figuresLook.number(x)}}): exactly as
 * the exports write it, so that a figure read off the screen is the figure in the file.
 */
@Component("figuresLook")
@WebOnly
public class FiguresLook {

	/** A number as the exports write it ({@code 35.5}, {@code 412}). */
	public String number(BigDecimal value) {
		return (value != null) ? Numbers.format(value) : "—";
	}

	/**
	 * The reports' colour of a percentage ({@code bad}, {@code warn}, {@code ok},
	 * {@code na}).
	 */
	public String percentClass(String exportedPct) {
		return Completeness.look(exportedPct);
	}

}
