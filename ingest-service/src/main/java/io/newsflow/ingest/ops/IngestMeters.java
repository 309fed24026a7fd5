package io.newsflow.ingest.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import io.newsflow.ingest.http.FailureCategory;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The counters of the feed stage, called in one line where things happen (the poller). They live in
 * Micrometer's global registry, to which Spring Boot binds its Prometheus registry, so the poller needs
 * no registry passed in; one service runs per process, so the global registry is this service's.
 * Every failure category is registered up front so that dashboards see zeros rather than gaps.
 */
public final class IngestMeters {

  private static final Counter FETCHED = Counter.builder("newsflow.feeds.fetched")
      .description("feed polls that succeeded (including 304 Not Modified)").register(Metrics.globalRegistry);
  private static final Counter PUBLISHED = Counter.builder("newsflow.articles").tag("stage", "published")
      .description("articles per pipeline stage").register(Metrics.globalRegistry);
  // no feed tag: one series per feed would grow with the feed list; the feed is in the WARN line and its health
  private static final Counter SUSPECTED_GAPS = Counter.builder("newsflow.feeds.gaps.suspected")
      .description("successful polls in which a full window of items was all new: items may have been missed")
      .register(Metrics.globalRegistry);
  private static final Map<String, Counter> FAILED = new ConcurrentHashMap<>();

  static {
    for (FailureCategory category : FailureCategory.values()) {
      failedCounter(category.code());
    }
  }

  private IngestMeters() {}

  public static void fetched() {
    FETCHED.increment();
  }

  public static void failed(String category) {
    failedCounter(category == null ? "unknown" : category).increment();
  }

  /** A poll that found none of a full window's items seen before. */
  public static void suspectedGap() {
    SUSPECTED_GAPS.increment();
  }

  /** Raw articles the broker acknowledged. */
  public static void published(int articles) {
    PUBLISHED.increment(articles);
  }

  private static Counter failedCounter(String category) {
    return FAILED.computeIfAbsent(category, c -> Counter.builder("newsflow.feeds.failed").tag("category", c)
        .description("feed polls that failed, by failure category").register(Metrics.globalRegistry));
  }
}
