package io.newsflow.ingest.feed;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import java.time.Instant;

/**
 * How a feed's polling goes, as operators see it. Stored inside the feed's cursor; fields added later
 * load as zero or null from cursors written before them.
 *
 * @param lastAttemptAt       start of the last poll
 * @param lastSuccessAt       start of the last poll that succeeded (including 304)
 * @param consecutiveFailures failed polls since the last success
 * @param lastErrorCategory   {@code dns}, {@code tls}, {@code timeout}, {@code http_status}, {@code parse},
 *                            {@code too_large}, {@code blocked} or {@code io}; null after a success
 * @param lastErrorMessage    the failure's message; null after a success
 * @param nextAttemptAt       when the scheduler polls next
 * @param articlesPublished   raw articles published from this feed, all time
 * @param suspectedGaps       polls that found a full window of items none of which had been seen before, so
 *                            items may have been published and rotated out in between (see {@link WindowGaps}), all time
 * @param lastSuspectedGapAt  start of the last such poll, null if none
 * @param newestItemAt        newest plausible publication date seen in the feed's documents, null if none was dated
 */
public record FeedHealth(
    Instant lastAttemptAt,
    Instant lastSuccessAt,
    int consecutiveFailures,
    String lastErrorCategory,
    String lastErrorMessage,
    Instant nextAttemptAt,
    long articlesPublished,
    // absent from cursors written before gaps were counted: zero, where a plain primitive would refuse
    // the whole cursor under the codec's FAIL_ON_NULL_FOR_PRIMITIVES
    @JsonSetter(nulls = Nulls.AS_EMPTY) long suspectedGaps,
    Instant lastSuspectedGapAt,
    Instant newestItemAt) {

  public static final FeedHealth NEVER_POLLED = new FeedHealth(null, null, 0, null, null, null, 0, 0, null, null);

  /** A 304, or a document that changed nothing known about its dates. */
  FeedHealth succeeded(Instant attempt, Instant next, int published) {
    return succeeded(attempt, next, published, null);
  }

  /** @param newestInDocument the document's newest plausible item date, null if none */
  FeedHealth succeeded(Instant attempt, Instant next, int published, Instant newestInDocument) {
    Instant newest = newestItemAt == null || (newestInDocument != null && newestInDocument.isAfter(newestItemAt))
        ? newestInDocument : newestItemAt;
    return new FeedHealth(attempt, attempt, 0, null, null, next, articlesPublished + published, suspectedGaps,
        lastSuspectedGapAt, newest);
  }

  FeedHealth failed(Instant attempt, Instant next, String category, String message, boolean countsAsFailure) {
    return new FeedHealth(attempt, lastSuccessAt, consecutiveFailures + (countsAsFailure ? 1 : 0), category, message, next,
        articlesPublished, suspectedGaps, lastSuspectedGapAt, newestItemAt);
  }

  FeedHealth withSuspectedGap(Instant attempt) {
    return new FeedHealth(lastAttemptAt, lastSuccessAt, consecutiveFailures, lastErrorCategory, lastErrorMessage,
        nextAttemptAt, articlesPublished, suspectedGaps + 1, attempt, newestItemAt);
  }
}
