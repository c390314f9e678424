package cn.xinning.villagereturns.operations;

import java.nio.file.Path;

import picocli.CommandLine.Option;

/**
 * {@code --root DIR}: the folder every file location derives from (read before Spring
 * starts).
 */
public class RootOption {

	@Option(names = "--root", paramLabel = "DIR",
			description = "Root folder (inbox/, archive/, rejected/, the embedded database). Default: $VILLAGE_RETURNS_ROOT or the current folder.")
	Path root;

}
