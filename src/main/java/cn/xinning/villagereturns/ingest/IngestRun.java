package cn.xinning.villagereturns.ingest;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.YearMonth;

/**
 * A run of the ingest job, identified by its number.
 *
 * @param runId the run's number: the identifying job parameter
 * @param root the root folder it works on
 * @param asOf its business time in the county's time zone: returns it takes are
 * "received" then
 * @param createdAt when it was created, wall clock
 * @param host host of the process that created it
 * @param pid process id that created it
 */
public record IngestRun(long runId, Path root, LocalDateTime asOf, LocalDateTime createdAt, String host, long pid) {

	public YearMonth businessMonth() {
		return YearMonth.from(this.asOf);
	}

}
