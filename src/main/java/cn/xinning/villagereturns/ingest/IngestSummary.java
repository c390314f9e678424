package cn.xinning.villagereturns.ingest;

import java.time.LocalDateTime;
import java.util.List;

import cn.xinning.villagereturns.intake.InboxScanner;

/**
 * What a run did, for the clerk who started it and for the run history.
 *
 * @param runId the run
 * @param status the job's status (COMPLETED, FAILED, STOPPED...)
 * @param asOf the run's business time
 * @param files files claimed
 * @param archived files archived
 * @param rejected files put into rejected/
 * @param duplicateFiles files whose content had been accepted before
 * @param returnsAccepted returns accepted
 * @param returnsRejected returns rejected
 * @param returnsDuplicate returns of duplicate files
 * @param warnings warnings on accepted returns
 * @param periods periods whose figures the run recomputed
 * @param flagsRaised anomaly flags raised by the run
 * @param rejectedFiles where each rejected file went, with its first error
 * @param exitMessage the job's exit message when it did not complete
 * @param ledgerRows the rows of issue ledgers the run read
 * @param quarantinedFiles files the program failed on, set aside in quarantine/ for the
 * administrator
 * @param leftInInbox files the run did not take from the inbox
 * @param leftovers the first of them, with why each was left
 */
public record IngestSummary(long runId, String status, LocalDateTime asOf, int files, int archived, int rejected,
		int duplicateFiles, int returnsAccepted, int returnsRejected, int returnsDuplicate, int warnings,
		List<String> periods, int flagsRaised, List<RejectedFile> rejectedFiles, String exitMessage,
		LedgerRows ledgerRows, List<QuarantinedFile> quarantinedFiles, int leftInInbox,
		List<InboxScanner.Leftover> leftovers) {

	/**
	 * Rows of issue ledgers (spec section 12) by outcome.
	 *
	 * @param accepted rows accepted (in force, or history behind a later row)
	 * @param rejected rows refused
	 * @param duplicate rows of duplicate files
	 */
	public record LedgerRows(int accepted, int rejected, int duplicate) {

		public int total() {
			return this.accepted + this.rejected + this.duplicate;
		}

	}

	/**
	 * @param path where the file is now, relative to the root
	 * @param reason what failed (details in the log)
	 */
	public record QuarantinedFile(String path, String reason) {
	}

	/**
	 * @param path where the file is now, relative to the root
	 * @param errors number of ERROR problems
	 * @param firstError the first of them
	 */
	public record RejectedFile(String path, int errors, String firstError) {
	}

	public boolean completed() {
		return "COMPLETED".equals(this.status);
	}

}
