package cn.xinning.villagereturns;

/**
 * The installation's configuration or reference data is wrong: the command exits with
 * status 2.
 */
public class ConfigurationException extends RuntimeException {

	public ConfigurationException(String message) {
		super(message);
	}

	public ConfigurationException(String message, Throwable cause) {
		super(message, cause);
	}

}
