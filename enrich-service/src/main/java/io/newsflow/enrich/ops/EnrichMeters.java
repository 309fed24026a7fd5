package io.newsflow.enrich.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import io.newsflow.model.article.DedupeVerdict;
import io.newsflow.model.article.EnrichedArticle;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The meters of the enrich stage, called in one line where things happen (the listener, the dead-letter
 * headers). They live in Micrometer's global registry, to which Spring Boot binds its Prometheus registry,
 * so the pipeline classes need no registry passed in; one service runs per process, so the global
 * registry is this service's. Meters are created once and kept: the hot path only increments.
 */
public final class EnrichMeters {

  private static final Logger log = LoggerFactory.getLogger(EnrichMeters.class);

  private static final Timer LATENCY = Timer.builder("newsflow.enrich.latency")
      .description("time to enrich one raw article: decode, dedupe, actors, themes, events")
      .serviceLevelObjectives(Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMillis(20), Duration.ofMillis(100),
          Duration.ofMillis(500), Duration.ofSeconds(2))
      .register(Metrics.globalRegistry);
  private static final Counter ENRICHED = stage("enriched");
  private static final Counter REPLAYED = stage("replayed");
  private static final Map<DedupeVerdict, Counter> VERDICTS = new EnumMap<>(DedupeVerdict.class);
  private static final Map<String, Counter> DEAD_LETTERS = new ConcurrentHashMap<>();

  static {
    for (DedupeVerdict verdict : DedupeVerdict.values()) {
      VERDICTS.put(verdict, Counter.builder("newsflow.dedupe.verdicts").tag("verdict", verdict.name())
          .description("dedupe verdicts of enriched articles").register(Metrics.globalRegistry));
    }
  }

  private EnrichMeters() {}

  /**
   * One raw record handled: its latency, its verdict, or a replay when empty. With DEBUG on for this
   * class, one log line per article (article id and feed id in the MDC) traces it through the stage.
   */
  public static void enriched(Optional<EnrichedArticle> result, long startedNanos) {
    long nanos = System.nanoTime() - startedNanos;
    LATENCY.record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
    if (result.isEmpty()) {
      REPLAYED.increment();
      return;
    }
    EnrichedArticle article = result.get();
    ENRICHED.increment();
    VERDICTS.get(article.dedupe().verdict()).increment();
    if (log.isDebugEnabled()) {
      try (MDC.MDCCloseable feed = MDC.putCloseable("feedId", article.article().feedId())) {
        log.debug("enriched: verdict={} actors={} themes={} events={} in {} µs", article.dedupe().verdict(),
            article.actors().size(), article.themes().size(), article.events().size(), nanos / 1000);
      }
    }
  }

  /** A record about to be sent to a dead-letter topic, with the error classifier's category. */
  public static void deadLettered(String deadLetterTopic, String category, String articleId, String origin, String reason) {
    DEAD_LETTERS.computeIfAbsent(deadLetterTopic + '\u0000' + category, k -> Counter.builder("newsflow.deadletters")
        .tag("topic", deadLetterTopic).tag("reason", category)
        .description("records sent to a dead-letter topic, by topic and reason").register(Metrics.globalRegistry))
        .increment();
    try (MDC.MDCCloseable id = MDC.putCloseable("articleId", articleId)) {
      log.warn("dead-lettering {} to {}: {}", origin, deadLetterTopic, reason);
    }
  }

  private static Counter stage(String stage) {
    return Counter.builder("newsflow.articles").tag("stage", stage)
        .description("articles per pipeline stage").register(Metrics.globalRegistry);
  }
}
