package cn.xinning.villagereturns.benchmark;

import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ServerProcessTests {

	@Test
	void onlyAServerOnThisMachineIsLookedFor() {
		assertThat(ServerProcess.isLoopback("jdbc:mysql://127.0.0.1:3306/")).isTrue();
		assertThat(ServerProcess.isLoopback("jdbc:mysql://localhost:3306/vr_bench?allowLoadLocalInfile=true")).isTrue();
		assertThat(ServerProcess.isLoopback("jdbc:mariadb://[::1]:3306/")).isTrue();
		assertThat(ServerProcess.isLoopback("jdbc:mysql://10.1.2.3:3306/")).isFalse();
		assertThat(ServerProcess.isLoopback("jdbc:h2:file:/tmp/db")).isFalse();
	}

	@Test
	void anUnknownTimeIsShownAsSuchNotAsZero() {
		assertThat(BenchCommand.seconds(OptionalLong.of(19_940))).isEqualTo("19.9");
		assertThat(BenchCommand.seconds(OptionalLong.empty())).isEqualTo("n/a");
	}

}
