package cn.xinning.villagereturns.console.exports;

/** The header builder of {@link ExportsController}, for tests of other packages. */
public final class ExportsControllerAccess {

	private ExportsControllerAccess() {
	}

	public static String contentDisposition(String name) {
		return ExportsController.contentDisposition(name);
	}

}
