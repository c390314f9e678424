package cn.xinning.villagereturns;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

import cn.xinning.villagereturns.intake.RootFolders;
import cn.xinning.villagereturns.operations.Cli;
import cn.xinning.villagereturns.operations.FileNameEncoding;

/** The village-returns program: one command line with subcommands (see {@link Cli}). */
@SpringBootApplication
@ConfigurationPropertiesScan
public class VillageReturnsApplication {

	public static void main(String[] args) {
		PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
		System
			.exit(FileNameEncoding.runUnderUtf8(args, err).orElseGet(() -> Cli.run(FileNameEncoding.arguments(args))));
	}

	@Bean
	RootFolders rootFolders(VillageReturnsProperties properties) {
		return new RootFolders(properties.root());
	}

}
