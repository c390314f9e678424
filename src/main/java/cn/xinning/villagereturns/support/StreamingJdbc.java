package cn.xinning.villagereturns.support;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A JdbcTemplate for queries whose rows are handled one at a time and must never be held
 * in memory together (a province's month is millions of values). MySQL Connector/J reads
 * a whole result into memory unless the fetch size is {@code Integer.MIN_VALUE}
 * (row-by-row streaming); H2 takes a positive fetch size. While such a query streams, its
 * connection runs nothing else.
 */
@Component
public class StreamingJdbc {

	private final JdbcTemplate template;

	public StreamingJdbc(DataSource dataSource, DatabaseDialect dialect) {
		this.template = new JdbcTemplate(dataSource);
		this.template.setFetchSize(dialect.isMySql() ? Integer.MIN_VALUE : 1000);
	}

	public JdbcTemplate template() {
		return this.template;
	}

}
