package cn.xinning.villagereturns.console.upload;

import java.util.Optional;
import java.util.regex.Pattern;

import cn.xinning.villagereturns.intake.InboxScanner;

/**
 * Whether a name a browser sent for an uploaded file may go into the inbox. A hostile or
 * odd name is refused, never repaired: no folder parts ({@code ../}, {@code /},
 * {@code \}, a drive), no control or unusual characters, nothing the inbox would ignore
 * (hidden, {@code ~$} lock files, {@code .tmp}/{@code .part}), at most 120 characters.
 * The name stored in the inbox adds the upload's number, so it can never collide.
 */
final class UploadName {

	/** Letters (Chinese too), digits, space and a few punctuation marks clerks use. */
	private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{N} ._()（）【】\\-]+");

	static final int MAX_LENGTH = 120;

	private UploadName() {
	}

	/** Why the name is refused (a message key), if it is. */
	static Optional<String> problem(String name) {
		if (name == null || name.isBlank()) {
			return Optional.of("console.upload.name.empty");
		}
		if (name.contains("/") || name.contains("\\") || name.contains("..") || name.matches("^[A-Za-z]:.*")) {
			return Optional.of("console.upload.name.path");
		}
		if (name.length() > MAX_LENGTH) {
			return Optional.of("console.upload.name.long");
		}
		if (InboxScanner.isIgnored(name)) {
			return Optional.of("console.upload.name.ignored");
		}
		if (!ALLOWED.matcher(name).matches() || !name.strip().equals(name)) {
			return Optional.of("console.upload.name.characters");
		}
		return Optional.empty();
	}

}
