package io.newsflow.ingest.feed;

import java.time.Instant;

/**
 * How a feed's polling goes, as operators see it.
 *
 * @param lastAttemptAt       start of the last poll
 * @param lastSuccessAt       start of the last poll that succeeded (including 304)
 * @param consecutiveFailures failed polls since the last success
 * @param lastErrorCategory   {@code dns}, {@code tls}, {@code timeout}, {@code http_status}, {@code parse},
 *                            {@code too_large}, {@code blocked} or {@code io}; null after a success
 * @param lastErrorMessage    the failure's message; null after a success
 * @param nextAttemptAt       when the scheduler polls next
 * @param articlesPublished   raw articles published from this feed, all time
 */
public record FeedHealth(
    Instant lastAttemptAt,
    Instant lastSuccessAt,
    int consecutiveFailures,
    String lastErrorCategory,
    String lastErrorMessage,
    Instant nextAttemptAt,
    long articlesPublished) {

  public static final FeedHealth NEVER_POLLED = new FeedHealth(null, null, 0, null, null, null, 0);

  FeedHealth succeeded(Instant attempt, Instant next, int published) {
    return new FeedHealth(attempt, attempt, 0, null, null, next, articlesPublished + published);
  }

  FeedHealth failed(Instant attempt, Instant next, String category, String message, boolean countsAsFailure) {
    return new FeedHealth(attempt, lastSuccessAt, consecutiveFailures + (countsAsFailure ? 1 : 0), category, message, next, articlesPublished);
  }
}
