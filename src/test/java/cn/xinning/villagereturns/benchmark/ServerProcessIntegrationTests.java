package cn.xinning.villagereturns.benchmark;

import java.sql.Connection;
import java.sql.Statement;
import java.util.Optional;
import java.util.OptionalLong;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import cn.xinning.villagereturns.support.MariaDb;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bench reads the processor time of the machine's MariaDB (the one .ci/run starts):
 * work sent to it shows as time it used.
 */
class ServerProcessIntegrationTests {

	@Test
	void workSentToTheLocalServerShowsAsItsProcessorTime() throws Exception {
		try (MariaDb.TestDatabase db = MariaDb.create("server_cpu"); Connection connection = db.connect()) {
			// a developer's MARIADB_URL may name another host, whose time the bench shows
			// as
			// n/a (ServerProcessTests); under CI the server is this machine's
			if (!"true".equalsIgnoreCase(System.getenv("CI"))) {
				Assumptions.assumeTrue(ServerProcess.isLoopback(db.url()), "MariaDB is not on this machine");
			}
			Optional<ServerProcess> server = ServerProcess.local(db.url());
			assertThat(server).as("the one mariadbd of this machine").isPresent();
			OptionalLong before = server.get().cpuMillis();
			assertThat(before).isPresent();
			try (Statement statement = connection.createStatement()) {
				// a fixed amount of work, seconds of one core on this machine: well over
				// the tenth of a second asserted on any machine this runs on
				statement.execute("select benchmark(3000000, sha2('village-returns', 256))");
			}
			assertThat(server.get().cpuMillisSince(before).getAsLong()).isGreaterThan(100);
		}
	}

}
