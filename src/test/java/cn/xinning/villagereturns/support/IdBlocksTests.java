package cn.xinning.villagereturns.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * {@link IdBlocks} hands out ids from a reserve in memory: consecutive within a request,
 * never twice, one table update per reserve, and two processes (two instances) never get
 * the same ids.
 */
class IdBlocksTests {

	private final DriverManagerDataSource dataSource = new DriverManagerDataSource(
			"jdbc:h2:mem:idblocks;DB_CLOSE_DELAY=-1;MODE=MySQL;DATABASE_TO_LOWER=TRUE", "sa", "");

	private final JdbcTemplate jdbc = new JdbcTemplate(this.dataSource);

	private IdBlocks blocks() {
		return new IdBlocks(JdbcClient.create(this.dataSource), new DataSourceTransactionManager(this.dataSource));
	}

	private long nextInTable() {
		return this.jdbc.queryForObject("select next_value from id_sequence where sequence_name = 'row'", Long.class);
	}

	@Test
	void requestsAreServedFromOneReserveUntilItRunsOutAndTwoProcessesNeverShareIds() {
		this.jdbc.execute("drop table if exists id_sequence");
		this.jdbc.execute("create table id_sequence (sequence_name varchar(40) primary key, next_value bigint)");
		this.jdbc.update("insert into id_sequence (sequence_name, next_value) values ('row', 1)");
		IdBlocks one = blocks();

		assertThat(one.allocate("row", 3)).isEqualTo(1);
		assertThat(one.allocate("row", 0)).isEqualTo(0);
		assertThat(one.allocate("row", 5)).isEqualTo(4);
		// the first request took a whole reserve from the table, the second none
		assertThat(nextInTable()).isEqualTo(1 + IdBlocks.RESERVE);

		// another process takes its reserve after this one's
		IdBlocks other = blocks();
		assertThat(other.allocate("row", 2)).isEqualTo(1 + IdBlocks.RESERVE);
		assertThat(nextInTable()).isEqualTo(1 + 2 * IdBlocks.RESERVE);

		// more than is left of the reserve (R - 8): a new reserve, the rest of the old
		// one
		// a gap, the ids asked for consecutive all the same
		int more = IdBlocks.RESERVE - 7;
		assertThat(one.allocate("row", more)).isEqualTo(1 + 2 * IdBlocks.RESERVE);
		// more than a reserve at once: exactly that many taken
		assertThat(other.allocate("row", IdBlocks.RESERVE * 3)).isEqualTo(1 + 3 * IdBlocks.RESERVE);
		assertThat(nextInTable()).isEqualTo(1 + 6 * IdBlocks.RESERVE);
		// the 7 left of one's reserve, then a new one after the table's next value
		assertThat(one.allocate("row", 7)).isEqualTo(1 + 2 * IdBlocks.RESERVE + more);
		assertThat(one.allocate("row", 1)).isEqualTo(1 + 6 * IdBlocks.RESERVE);
		assertThat(nextInTable()).isEqualTo(1 + 7 * IdBlocks.RESERVE);
	}

}
