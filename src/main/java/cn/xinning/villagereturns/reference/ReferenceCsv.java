package cn.xinning.villagereturns.reference;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.core.io.Resource;

import cn.xinning.villagereturns.ConfigurationException;
import cn.xinning.villagereturns.intake.CsvTable;
import cn.xinning.villagereturns.intake.TextDecoder;
import cn.xinning.villagereturns.returns.Periods;
import cn.xinning.villagereturns.support.Sha256;
import cn.xinning.villagereturns.support.Text;

/**
 * A reference CSV file (registry or catalogue), read by column name, with errors naming
 * file and line.
 */
final class ReferenceCsv {

	private final String source;

	private final String sha256;

	private final CsvTable table;

	private final Map<String, Integer> columns = new HashMap<>();

	private ReferenceCsv(String source, String sha256, CsvTable table) {
		this.source = source;
		this.sha256 = sha256;
		this.table = table;
		List<String> header = table.header().cells();
		for (int i = 0; i < header.size(); i++) {
			this.columns.put(Text.normalize(header.get(i)).toLowerCase(Locale.ROOT), i);
		}
	}

	static ReferenceCsv read(Resource resource, String what) {
		String source = describe(resource);
		byte[] bytes;
		try (InputStream in = resource.getInputStream()) {
			bytes = in.readAllBytes();
		}
		catch (IOException ex) {
			throw new ConfigurationException("Cannot read the " + what + " " + source + ": " + ex.getMessage(), ex);
		}
		if (!(TextDecoder.decode(bytes) instanceof TextDecoder.Decoded decoded)) {
			throw new ConfigurationException("The " + what + " " + source + " is not a readable CSV text file");
		}
		try {
			CsvTable table = CsvTable.parse(decoded.text());
			if (table.isEmpty()) {
				throw new ConfigurationException("The " + what + " " + source + " is empty");
			}
			return new ReferenceCsv(source, Sha256.of(bytes), table);
		}
		catch (CsvTable.MalformedCsvException ex) {
			throw new ConfigurationException(
					"The " + what + " " + source + " has broken quoting at line " + ex.line() + ": " + ex.getMessage());
		}
	}

	static String describe(Resource resource) {
		try {
			return resource.isFile() ? resource.getFile().getAbsolutePath() : resource.getDescription();
		}
		catch (IOException ex) {
			return resource.getDescription();
		}
	}

	String source() {
		return this.source;
	}

	String sha256() {
		return this.sha256;
	}

	List<CsvTable.Row> rows() {
		return this.table.dataRows();
	}

	void require(String... names) {
		for (String name : names) {
			if (!this.columns.containsKey(name)) {
				throw new ConfigurationException(this.source + ": the column " + name + " is missing from the header");
			}
		}
	}

	boolean has(String name) {
		return this.columns.containsKey(name);
	}

	String text(CsvTable.Row row, String name) {
		Integer index = this.columns.get(name);
		return (index != null) ? Text.stripAll(row.cell(index)) : "";
	}

	String required(CsvTable.Row row, String name) {
		String value = text(row, name);
		if (value.isEmpty()) {
			throw error(row, name + " is empty");
		}
		return value;
	}

	int integer(CsvTable.Row row, String name, int whenEmpty) {
		String value = Text.normalize(text(row, name));
		if (value.isEmpty()) {
			return whenEmpty;
		}
		try {
			return Integer.parseInt(value);
		}
		catch (NumberFormatException ex) {
			throw error(row, name + " \"" + value + "\" is not a whole number");
		}
	}

	Optional<BigDecimal> decimal(CsvTable.Row row, String name) {
		String value = Text.normalize(text(row, name));
		if (value.isEmpty()) {
			return Optional.empty();
		}
		try {
			return Optional.of(new BigDecimal(value));
		}
		catch (NumberFormatException ex) {
			throw error(row, name + " \"" + value + "\" is not a number");
		}
	}

	Optional<YearMonth> period(CsvTable.Row row, String name) {
		String value = text(row, name);
		if (value.isEmpty()) {
			return Optional.empty();
		}
		return Optional
			.of(Periods.parse(value).orElseThrow(() -> error(row, name + " \"" + value + "\" is not YYYY-MM")));
	}

	ConfigurationException error(CsvTable.Row row, String message) {
		return new ConfigurationException(this.source + " line " + row.line() + ": " + message);
	}

}
