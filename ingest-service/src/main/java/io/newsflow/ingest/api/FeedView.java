package io.newsflow.ingest.api;

import io.newsflow.ingest.feed.FeedHealth;
import io.newsflow.model.feed.FeedDefinition;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The FeedView of docs/internal-http-api.md. Times and durations are ISO-8601 strings here so the
 * wire format does not depend on the web layer's JSON settings.
 */
public record FeedView(String feedId, String url, String title, String siteUrl, List<String> tags, String language,
    String timeZone, String minPollInterval, String maxPollInterval, String state, Health health) {

  /**
   * Polling health; {@code suspectedGaps} counts polls in which a full window of items was all new, so items may
   * have been published and rotated out unseen (the feed is then polled at its minimum interval), and
   * {@code newestItemAt} is the newest publication date the feed has shown.
   */
  public record Health(String lastAttemptAt, String lastSuccessAt, int consecutiveFailures, String lastErrorCategory,
      String lastErrorMessage, String nextAttemptAt, long articlesPublished, long suspectedGaps, String lastSuspectedGapAt,
      String newestItemAt) {}

  static FeedView of(FeedDefinition f, FeedHealth h, Duration defaultMin, Duration defaultMax) {
    return new FeedView(f.feedId(), f.url(), f.title(), f.siteUrl(), f.tags(), f.language(), f.timeZone(),
        str(f.minPollInterval() != null ? f.minPollInterval() : defaultMin),
        str(f.maxPollInterval() != null ? f.maxPollInterval() : defaultMax), f.state().name(),
        new Health(str(h.lastAttemptAt()), str(h.lastSuccessAt()), h.consecutiveFailures(), h.lastErrorCategory(),
            h.lastErrorMessage(), str(h.nextAttemptAt()), h.articlesPublished(), h.suspectedGaps(),
            str(h.lastSuspectedGapAt()), str(h.newestItemAt())));
  }

  private static String str(Object o) {
    return o == null ? null : o instanceof Instant i ? i.toString() : o.toString();
  }
}
