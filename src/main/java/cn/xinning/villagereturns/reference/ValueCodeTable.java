package cn.xinning.villagereturns.reference;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

import cn.xinning.villagereturns.support.ValueCodes;
import cn.xinning.villagereturns.support.ValuesText;

/**
 * The one owner of {@code value_code} (V78): the numbers value texts write for indicator
 * codes. Numbers are only ever added, never changed or taken back, so any text written
 * with a number read here stays readable.
 */
@Component
public class ValueCodeTable {

	private static final Logger log = LoggerFactory.getLogger(ValueCodeTable.class);

	private final JdbcTemplate jdbc;

	public ValueCodeTable(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Every number given so far. */
	public ValueCodes load() {
		Map<Integer, String> codes = new TreeMap<>();
		this.jdbc.query("select code_no, indicator_code from value_code", (RowCallbackHandler) (rs) -> {
			codes.put(rs.getInt(1), rs.getString(2));
		});
		return ValueCodes.of(codes);
	}

	/** A reader of value texts with the table as it is now. */
	public Texts texts() {
		return new Texts(load());
	}

	/**
	 * Decodes value texts with the table as read when made, and reads it again (once a
	 * text) for a text naming a number it does not know: another process may have
	 * numbered a new indicator and accepted texts with it since.
	 */
	public final class Texts {

		private ValueCodes codes;

		private Texts(ValueCodes codes) {
			this.codes = codes;
		}

		public Map<String, BigDecimal> decode(String text) {
			try {
				return ValuesText.decode(text, this.codes);
			}
			catch (IllegalStateException ex) {
				this.codes = load();
				return ValuesText.decode(text, this.codes);
			}
		}

	}

	/**
	 * Gives the next numbers to the codes that have none (a catalogue's new indicators),
	 * in the given order.
	 */
	void register(Collection<String> codes) {
		ValueCodes known = load();
		Set<String> fresh = new LinkedHashSet<>();
		for (String code : codes) {
			if (known.numberOf(code) < 0) {
				fresh.add(code);
			}
		}
		int next = known.maxNumber() + 1;
		for (String code : fresh) {
			try {
				this.jdbc.update("insert into value_code (code_no, indicator_code) values (?, ?)", next, code);
				next++;
			}
			catch (DuplicateKeyException ex) {
				// another process loading the same catalogue took the number (or this
				// code) first, or the number went to another code: this code is then
				// written by name until a catalogue is loaded again, which every reader
				// reads the same
				log.info("Indicator {} not numbered for value texts now: {}", code,
						ex.getMostSpecificCause().getMessage());
				return;
			}
		}
	}

}
