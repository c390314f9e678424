package cn.xinning.villagereturns.operations;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.xinning.villagereturns.ConfigurationException;

import static org.assertj.core.api.Assertions.assertThat;

/** What an operator reads when the program cannot start: never a password. */
class StartupFailureTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			textBlock = """
					jdbc:mysql://127.0.0.1:3306/vr?user=root&password=s3cret&useSSL=false | jdbc:mysql://127.0.0.1:3306/vr?user=root&password=***&useSSL=false
					jdbc:mysql://root:s3cret@127.0.0.1:3306/vr                             | jdbc:mysql://root:***@127.0.0.1:3306/vr
					jdbc:mysql://root:p@ss:w0rd@db.county.local/vr?useSSL=false            | jdbc:mysql://root:***@db.county.local/vr?useSSL=false
					jdbc:mariadb://county:s3cret@10.0.0.5/vr;password=other                | jdbc:mariadb://county:***@10.0.0.5/vr;password=***
					jdbc:mysql://127.0.0.1:3306/village_returns                           | jdbc:mysql://127.0.0.1:3306/village_returns
					jdbc:h2:file:/srv/村/db/village-returns;MODE=MySQL                      | jdbc:h2:file:/srv/村/db/village-returns;MODE=MySQL
					""")
	void aPasswordInTheUrlIsMasked(String url, String shown) {
		assertThat(StartupFailure.mask(url)).isEqualTo(shown);
	}

	@Test
	void theUrlAndTheCauseAreMaskedWhenTheDatabaseCannotBeReached() {
		String url = "jdbc:mysql://root:s3cret@127.0.0.1:1/vr";
		String described = StartupFailure
			.describe(new IllegalStateException("start", new SQLException("Cannot open " + url + ": refused")), url);

		assertThat(described).isEqualTo("无法连接数据库 jdbc:mysql://root:***@127.0.0.1:1/vr，请检查数据库是否运行、地址和账号是否正确。\n"
				+ "Cannot connect to the database jdbc:mysql://root:***@127.0.0.1:1/vr. Check that it is running and"
				+ " the URL and account.\nSQLException: Cannot open jdbc:mysql://root:***@127.0.0.1:1/vr: refused");
	}

	@Test
	void theProgramsOwnRefusalIsShownAsItIs() {
		String described = StartupFailure.describe(
				new IllegalStateException("bean",
						new ConfigurationException(
								"Run: ALTER DATABASE `vr` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;")),
				"jdbc:mysql://root:s3cret@127.0.0.1/vr");

		assertThat(described).isEqualTo("Run: ALTER DATABASE `vr` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;");
	}

}
