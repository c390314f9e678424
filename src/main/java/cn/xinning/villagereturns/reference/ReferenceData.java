package cn.xinning.villagereturns.reference;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.util.ResourceUtils;
import org.springframework.transaction.annotation.Transactional;

import cn.xinning.villagereturns.ConfigurationException;
import cn.xinning.villagereturns.VillageReturnsProperties;
import cn.xinning.villagereturns.intake.CsvTable;

/**
 * The registry and catalogue the installation is configured with (spec section 2), read
 * from their files and copied into the database whenever a file changes, so that SQL can
 * join them.
 */
@Component
public class ReferenceData {

	private static final Logger log = LoggerFactory.getLogger(ReferenceData.class);

	private static final Pattern VILLAGE_CODE = Pattern.compile("\\d{12}");

	/**
	 * "=", up to 20 digits, a dot, two decimals and ";": a value's share of a value text.
	 */
	private static final int MAX_VALUE_TEXT = 1 + 20 + 1 + 2 + 1;

	/**
	 * Codes are written into compact value texts (CODE=value;...) and into SQL: keep them
	 * plain.
	 */
	private static final Pattern INDICATOR_CODE = Pattern.compile("[A-Z][A-Z0-9_.-]{0,39}");

	static final String REGISTRY = "REGISTRY";

	static final String CATALOGUE = "CATALOGUE";

	private final VillageReturnsProperties properties;

	private final ResourceLoader resources;

	private final JdbcClient jdbc;

	private final JdbcTemplate jdbcTemplate;

	private final cn.xinning.villagereturns.support.BulkLoader bulk;

	private final ValueCodeTable valueCodes;

	private static final int REGISTRY_ROWS_PER_LOAD = 50_000;

	private Snapshot cached;

	/** The files' modification times and sizes when {@link #recent()} last read them. */
	private List<Long> cachedStamp;

	public ReferenceData(VillageReturnsProperties properties, ResourceLoader resources, JdbcClient jdbc,
			JdbcTemplate jdbcTemplate, cn.xinning.villagereturns.support.BulkLoader bulk, ValueCodeTable valueCodes) {
		this.bulk = bulk;
		this.valueCodes = valueCodes;
		this.properties = properties;
		this.resources = resources;
		this.jdbc = jdbc;
		this.jdbcTemplate = jdbcTemplate;
	}

	/**
	 * The reference data as the files say now.
	 *
	 * @param catalogue the indicator catalogue
	 * @param registry the village registry
	 * @param catalogueSha SHA-256 of the catalogue file
	 * @param registrySha SHA-256 of the registry file
	 * @param catalogueSource where the catalogue was read from
	 * @param registrySource where the registry was read from
	 */
	public record Snapshot(IndicatorCatalogue catalogue, VillageRegistry registry, String catalogueSha,
			String registrySha, String catalogueSource, String registrySource) {
	}

	/**
	 * @param registryChanged the registry differs from the copy in the database, so every
	 * figure that counts expected villages must be recomputed
	 * @param catalogueChanged the catalogue differs from the copy in the database
	 */
	public record Synchronization(boolean registryChanged, boolean catalogueChanged) {
	}

	/** Reads the configured files (again only when they changed since the last read). */
	public synchronized Snapshot current() {
		ReferenceCsv catalogueCsv = ReferenceCsv.read(resource(this.properties.catalogue()), "indicator catalogue");
		ReferenceCsv registryCsv = ReferenceCsv.read(resource(this.properties.registry()), "village registry");
		if (this.cached == null || !this.cached.catalogueSha().equals(catalogueCsv.sha256())
				|| !this.cached.registrySha().equals(registryCsv.sha256())) {
			this.cached = new Snapshot(new IndicatorCatalogue(catalogue(catalogueCsv)),
					new VillageRegistry(registry(registryCsv)), catalogueCsv.sha256(), registryCsv.sha256(),
					catalogueCsv.source(), registryCsv.source());
		}
		return this.cached;
	}

	/**
	 * The snapshot {@link #current()} gives, for what looks villages up on every request
	 * (the console's screens, the ledger's pages): the files are read, decoded and hashed
	 * again only when one's modification time or size differs from the last read here. At
	 * a province the registry is 25,000 lines, and reading it whole on every call was a
	 * large part of a page's time (a list of 50 issues named each village twice). A run
	 * still reads the files whole ({@link #synchronize()} through {@link #current()}).
	 */
	public synchronized Snapshot recent() {
		Optional<List<Long>> stamp = stamp();
		if (this.cached != null && stamp.isPresent() && stamp.get().equals(this.cachedStamp)) {
			return this.cached;
		}
		// the stamp is taken before the read: a file changed during it is read again
		// next time
		Snapshot snapshot = current();
		this.cachedStamp = stamp.orElse(null);
		return snapshot;
	}

	private Optional<List<Long>> stamp() {
		List<Long> stamp = new ArrayList<>();
		for (String location : List.of(this.properties.catalogue(), this.properties.registry())) {
			try {
				Resource resource = resource(location);
				stamp.add(resource.lastModified());
				stamp.add(resource.contentLength());
			}
			catch (IOException | RuntimeException ex) {
				return Optional.empty();
			}
		}
		return Optional.of(stamp);
	}

	/**
	 * {@code classpath:} (the packaged defaults) and URLs such as {@code file:} as Spring
	 * reads them; anything else is a file path, relative to the working folder, as an
	 * administrator writes it
	 * ({@code VILLAGE_RETURNS_REGISTRY=/srv/county/villages.csv}). Spring's own loader
	 * would read a plain path as a class path resource.
	 */
	Resource resource(String location) {
		if (ResourceUtils.isUrl(location)) {
			return this.resources.getResource(location);
		}
		return new FileSystemResource(Path.of(location).toAbsolutePath().normalize());
	}

	/** Copies the files into the database when they differ from what it holds. */
	@Transactional
	public Synchronization synchronize() {
		Snapshot snapshot = current();
		boolean catalogueChanged = !snapshot.catalogueSha().equals(storedSha(CATALOGUE).orElse(""));
		boolean registryChanged = !snapshot.registrySha().equals(storedSha(REGISTRY).orElse(""));
		if (catalogueChanged) {
			storeCatalogue(snapshot.catalogue());
			storeVersion(CATALOGUE, snapshot.catalogueSource(), snapshot.catalogueSha());
			log.info("Loaded indicator catalogue {} ({} indicators)", snapshot.catalogueSource(),
					snapshot.catalogue().all().size());
		}
		if (registryChanged) {
			storeRegistry(snapshot.registry());
			storeVersion(REGISTRY, snapshot.registrySource(), snapshot.registrySha());
			log.info("Loaded village registry {} ({} villages)", snapshot.registrySource(), snapshot.registry().size());
		}
		return new Synchronization(registryChanged, catalogueChanged);
	}

	private Optional<String> storedSha(String kind) {
		return this.jdbc.sql("select sha256 from reference_version where kind = ?")
			.param(kind)
			.query(String.class)
			.optional();
	}

	private void storeVersion(String kind, String source, String sha) {
		this.jdbc.sql("delete from reference_version where kind = ?").param(kind).update();
		this.jdbc.sql("insert into reference_version (kind, source, sha256, loaded_at) values (?, ?, ?, ?)")
			.params(kind, abbreviate(source), sha, LocalDateTime.now(this.properties.timeZone()))
			.update();
	}

	private static String abbreviate(String source) {
		return (source.length() > 1000) ? source.substring(source.length() - 1000) : source;
	}

	private void storeCatalogue(IndicatorCatalogue catalogue) {
		this.jdbc.sql("delete from indicator").update();
		this.jdbcTemplate.batchUpdate("insert into indicator (indicator_code, name_zh, name_en, unit_zh, value_type,"
				+ " kind, required_flag, max_value, max_per_household, min_abs_change, display_order)"
				+ " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", catalogue.all(), 100, (ps, i) -> {
					ps.setString(1, i.code());
					ps.setString(2, i.nameZh());
					ps.setString(3, i.nameEn());
					ps.setString(4, i.unitZh());
					ps.setString(5, i.valueType().name());
					ps.setString(6, i.kind().name());
					ps.setString(7, i.required() ? "Y" : "N");
					ps.setBigDecimal(8, i.max().orElse(null));
					ps.setBigDecimal(9, i.maxPerHousehold().orElse(null));
					ps.setBigDecimal(10, i.minAbsChange());
					ps.setInt(11, i.order());
				});
		this.valueCodes.register(catalogue.all().stream().map(Indicator::code).toList());
	}

	private void storeRegistry(VillageRegistry registry) {
		this.jdbc.sql("delete from village").update();
		List<Village> villages = registry.all();
		// through the bulk path: a nation's 490,000 villages took 10 s as batched inserts
		// on a new database; a slice at a time keeps the rows' text a few MiB
		for (int from = 0; from < villages.size(); from += REGISTRY_ROWS_PER_LOAD) {
			this.bulk.insert(this.jdbcTemplate, "village",
					List.of("village_code", "village_name", "township_code", "township_name", "county_code", "kind",
							"households", "population", "valid_from", "valid_to"),
					villages.subList(from, Math.min(villages.size(), from + REGISTRY_ROWS_PER_LOAD)), (v, cells) -> {
						cells[0] = v.code();
						cells[1] = v.name();
						cells[2] = v.townshipCode();
						cells[3] = v.townshipName();
						cells[4] = v.countyCode();
						cells[5] = v.kind();
						cells[6] = v.households();
						cells[7] = v.population();
						cells[8] = v.validFrom().map(YearMonth::toString).orElse(null);
						cells[9] = v.validTo().map(YearMonth::toString).orElse(null);
					});
		}
	}

	private static List<Indicator> catalogue(ReferenceCsv csv) {
		csv.require("code", "name_zh", "name_en", "unit_zh", "value_type", "kind", "required", "max",
				"max_per_household", "min_abs_change");
		List<Indicator> indicators = new ArrayList<>();
		Set<String> codes = new HashSet<>();
		for (CsvTable.Row row : csv.rows()) {
			String code = csv.required(row, "code").toUpperCase(Locale.ROOT);
			if (!INDICATOR_CODE.matcher(code).matches()) {
				throw csv.error(row, "indicator code \"" + code
						+ "\" must be letters, digits, _ . or - (at most 40, starting with a letter)");
			}
			if (!codes.add(code)) {
				throw csv.error(row, "indicator " + code + " appears twice");
			}
			Indicator.ValueType type = enumOf(csv, row, "value_type", Indicator.ValueType.class);
			Indicator.Kind kind = enumOf(csv, row, "kind", Indicator.Kind.class);
			String required = csv.required(row, "required").toUpperCase(Locale.ROOT);
			if (!required.equals("Y") && !required.equals("N")) {
				throw csv.error(row, "required must be Y or N");
			}
			indicators.add(new Indicator(code, csv.required(row, "name_zh"), csv.text(row, "name_en"),
					csv.text(row, "unit_zh"), type, kind, required.equals("Y"), csv.decimal(row, "max"),
					csv.decimal(row, "max_per_household"), csv.decimal(row, "min_abs_change").orElse(BigDecimal.ZERO),
					indicators.size() + 1));
		}
		// a return's values are kept as one text of at most 4000 characters (see V8)
		int longest = indicators.stream().mapToInt((i) -> i.code().length() + MAX_VALUE_TEXT).sum();
		if (longest > 4000) {
			throw new ConfigurationException(csv.source() + ": " + indicators.size()
					+ " indicators are more than a return can hold (their codes and values would take " + longest
					+ " characters, at most 4000); use fewer or shorter codes");
		}
		return indicators;
	}

	private static <E extends Enum<E>> E enumOf(ReferenceCsv csv, CsvTable.Row row, String column, Class<E> type) {
		String value = csv.required(row, column).toUpperCase(Locale.ROOT);
		try {
			return Enum.valueOf(type, value);
		}
		catch (IllegalArgumentException ex) {
			throw csv.error(row, column + " \"" + value + "\" is not one of " + List.of(type.getEnumConstants()));
		}
	}

	private static List<Village> registry(ReferenceCsv csv) {
		csv.require("village_code", "village_name", "township_code", "township_name", "households");
		RegistryCheck check = new RegistryCheck(csv.source());
		List<Village> villages = new ArrayList<>();
		for (CsvTable.Row row : csv.rows()) {
			Optional<Village> village = check.line(row.line(), () -> village(csv, row));
			village.ifPresent((v) -> {
				villages.add(v);
				check.record(row.line(), v);
			});
		}
		check.throwIfAny();
		return villages;
	}

	/** One registry line, or the first thing wrong with it. */
	private static Village village(ReferenceCsv csv, CsvTable.Row row) {
		String code = csv.required(row, "village_code");
		if (!VILLAGE_CODE.matcher(code).matches()) {
			throw csv.error(row, "village_code \"" + code + "\" is not 12 digits");
		}
		String township = csv.required(row, "township_code");
		if (!code.startsWith(township) || township.length() != 9) {
			throw csv.error(row, "township_code " + township + " is not the first 9 digits of " + code + " ("
					+ code.substring(0, 9) + ")");
		}
		Optional<YearMonth> from = csv.period(row, "valid_from");
		Optional<YearMonth> to = csv.period(row, "valid_to");
		if (from.isPresent() && to.isPresent() && to.get().isBefore(from.get())) {
			throw csv.error(row, "valid_to is before valid_from");
		}
		int households = csv.integer(row, "households", 0);
		if (households <= 0) {
			// the per-household bounds divide by it, and a village of no households
			// reports nothing
			throw csv.error(row, "households must be a whole number of 1 or more");
		}
		// township codes and names repeat for every village: share them
		return new Village(code, csv.required(row, "village_name"), township.intern(),
				csv.required(row, "township_name").intern(), csv.text(row, "kind").intern(), households,
				csv.integer(row, "population", 0), from, to);
	}

}
