package io.newsflow.store.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import io.newsflow.store.article.ArticleWriter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The counters of the store stage, called in one line where things happen (the batch consumer, the
 * dead-letter sender). They live in Micrometer's global registry, to which Spring Boot binds its
 * Prometheus registry, so those classes need no registry passed in; one service runs per process.
 */
public final class StoreMeters {

  /** The MDC key of the article a log line is about (JSON logs carry it as a field). */
  public static final String ARTICLE_ID = "articleId";

  private static final Counter STORED = stage("stored");
  private static final Counter REPLAYED = stage("replayed");
  private static final Counter STALE = stage("stale");
  private static final Map<String, Counter> DEAD_LETTERS = new ConcurrentHashMap<>();

  private StoreMeters() {}

  /** A batch MongoDB acknowledged: new versions stored, replays of stored versions, stale versions refused. */
  public static void written(ArticleWriter.WriteSummary summary) {
    STORED.increment(summary.stored());
    REPLAYED.increment(summary.replays());
    STALE.increment(summary.stale());
  }

  /** A record the broker acknowledged on a dead-letter topic. */
  public static void deadLettered(String deadLetterTopic, String reason) {
    DEAD_LETTERS.computeIfAbsent(deadLetterTopic + '\u0000' + reason, k -> Counter.builder("newsflow.deadletters")
        .tag("topic", deadLetterTopic).tag("reason", reason)
        .description("records sent to a dead-letter topic, by topic and reason").register(Metrics.globalRegistry))
        .increment();
  }

  private static Counter stage(String stage) {
    return Counter.builder("newsflow.articles").tag("stage", stage)
        .description("articles per pipeline stage").register(Metrics.globalRegistry);
  }
}
