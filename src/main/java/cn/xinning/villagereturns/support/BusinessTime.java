package cn.xinning.villagereturns.support;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * The business time of a run ({@code --as-of}): an ISO-8601 local date-time in the
 * county's time zone ({@code 2026-11-04T10:00}), or one with an offset
 * ({@code 2026-11-04T02:00Z}), or a date (its first second). Stored as county local time,
 * to the second.
 */
public final class BusinessTime {

	private BusinessTime() {
	}

	public static LocalDateTime parse(String text, ZoneId zone) {
		String value = text.strip().replace(' ', 'T');
		try {
			if (value.length() <= 10) {
				return LocalDate.parse(value).atStartOfDay();
			}
			if (value.endsWith("Z") || value.matches(".*[+-]\\d{2}(:?\\d{2})?$")) {
				return OffsetDateTime.parse(value)
					.atZoneSameInstant(zone)
					.toLocalDateTime()
					.truncatedTo(ChronoUnit.SECONDS);
			}
			if (value.endsWith("]")) {
				return ZonedDateTime.parse(value)
					.withZoneSameInstant(zone)
					.toLocalDateTime()
					.truncatedTo(ChronoUnit.SECONDS);
			}
			return LocalDateTime.parse(value).truncatedTo(ChronoUnit.SECONDS);
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException("--as-of \"" + text
					+ "\" is not an ISO-8601 date-time such as 2026-11-04T10:00 or 2026-11-04T10:00+08:00");
		}
	}

	public static LocalDateTime now(ZoneId zone) {
		return LocalDateTime.now(zone).truncatedTo(ChronoUnit.SECONDS);
	}

}
