package cn.xinning.villagereturns;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

import cn.xinning.villagereturns.intake.RootFolders;
import cn.xinning.villagereturns.operations.Cli;

/** The village-returns program: one command line with subcommands (see {@link Cli}). */
@SpringBootApplication
@ConfigurationPropertiesScan
public class VillageReturnsApplication {

	public static void main(String[] args) {
		System.exit(Cli.run(args));
	}

	@Bean
	RootFolders rootFolders(VillageReturnsProperties properties) {
		return new RootFolders(properties.root());
	}

}
