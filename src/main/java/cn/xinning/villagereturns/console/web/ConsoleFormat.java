package cn.xinning.villagereturns.console.web;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.xinning.villagereturns.VillageReturnsProperties;

/**
 * How the console's templates show times ({@code ${@fmt.time(x)}}): every time in
 * Asia/Shanghai (the county's zone). Business times are stored in it already; the job
 * repository's times are in this JVM's zone and are converted.
 */
@Component("fmt")
@WebOnly
public class ConsoleFormat {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private final ZoneId county;

	public ConsoleFormat(VillageReturnsProperties properties) {
		this.county = properties.timeZone();
	}

	/** A time stored in the county's zone. */
	public String time(LocalDateTime time) {
		return (time != null) ? TIME.format(time) : "";
	}

	public String time(Optional<LocalDateTime> time) {
		return time(time.orElse(null));
	}

	/** A time of the job repository (this JVM's zone), shown in the county's zone. */
	public String batchTime(Optional<LocalDateTime> time) {
		return time.map((t) -> TIME.format(t.atZone(ZoneId.systemDefault()).withZoneSameInstant(this.county)))
			.orElse("");
	}

	public String duration(Optional<Duration> duration) {
		return duration.map((d) -> String.format("%.1f s", d.toMillis() / 1000.0)).orElse("");
	}

}
