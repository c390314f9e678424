package cn.xinning.villagereturns.intake;

/**
 * A file a run has claimed: it lives in the run's work folder until it is filed away.
 *
 * @param fileId its id
 * @param runId the run that claimed it
 * @param seq its place in the run's order (file name, then path)
 * @param relativePath its path under the inbox (and under the run's work folder)
 * @param fileName its name
 * @param sha256 SHA-256 of its content
 */
public record ClaimedFile(long fileId, long runId, int seq, String relativePath, String fileName, String sha256) {
}
