package io.newsflow.ingest.feed;

import io.newsflow.ingest.http.FailureCategory;
import io.newsflow.ingest.http.FetchException;
import io.newsflow.ingest.http.FetchedResponse;
import io.newsflow.ingest.http.SafeHttpClient;
import io.newsflow.ingest.kafka.RecordSender;
import io.newsflow.ingest.ops.IngestMeters;
import io.newsflow.ingest.publish.RawArticlePublisher;
import io.newsflow.model.feed.FeedDefinition;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One poll of one feed: conditional GET, parse, find new and changed items, publish them, and only
 * after the broker acknowledged every article advance the cursor. Any failure ends up categorised in
 * the feed's health; none escapes to the scheduler.
 */
public final class FeedPoller {

  private static final Logger log = LoggerFactory.getLogger(FeedPoller.class);

  private final SafeHttpClient http;
  private final FeedParser parser;
  private final ItemChangeDetector detector;
  private final RawArticlePublisher publisher;
  private final CursorStore cursors;
  private final PollScheduling scheduling;
  private final Clock clock;
  private final int maxItemsRemembered;

  FeedPoller(SafeHttpClient http, FeedParser parser, ItemChangeDetector detector, RawArticlePublisher publisher,
      CursorStore cursors, PollScheduling scheduling, Clock clock, int maxItemsRemembered) {
    this.http = http;
    this.parser = parser;
    this.detector = detector;
    this.publisher = publisher;
    this.cursors = cursors;
    this.scheduling = scheduling;
    this.clock = clock;
    this.maxItemsRemembered = maxItemsRemembered;
  }

  /** Polls the feed and returns its health afterwards, including the next attempt time. */
  public FeedHealth poll(FeedDefinition feed) {
    Instant started = clock.instant();
    FeedCursor cursor = cursors.get(feed.feedId());
    Duration previous = previousInterval(cursor.health());
    try {
      FetchedResponse response = http.get(URI.create(feed.url()), conditionalHeaders(cursor));
      if (response.isNotModified()) {
        Instant next = scheduling.afterSuccess(feed, started, response, null, null, previous);
        FeedHealth health = cursor.health().succeeded(started, next, 0);
        cursors.saveHealth(cursor, health, clock.instant());
        IngestMeters.fetched();
        return health;
      }
      ParsedFeed parsed;
      ItemChangeDetector.Changes changes;
      FeedHealth health;
      boolean gap;
      try (RawArticlePublisher.Turn turn = publisher.turn()) {
        parsed = parser.parse(response.body(), response.header("content-type"), response.finalUrl(), zoneOf(feed));
        changes = detector.detect(feed, parsed, cursor, started);
        publisher.publishAll(changes.articles());
        IngestMeters.published(changes.articles().size());
        gap = WindowGaps.suspected(cursor, parsed.items(), changes.knownItems(), started);
        Instant next = scheduling.afterSuccess(feed, started, response, parsed.items(), parsed.ttlMinutes(), previous, gap);
        health = cursor.health().succeeded(started, next, changes.articles().size(), ItemDates.newest(parsed.items(), started));
        if (gap) {
          health = health.withSuspectedGap(started);
        }
        String etag = response.header("etag");
        String lastModified = response.header("last-modified");
        if (!gap && changes.seen().isEmpty() && Objects.equals(etag, cursor.etag()) && Objects.equals(lastModified, cursor.lastModified())) {
          cursors.saveHealth(cursor, health, clock.instant());
        } else {
          cursors.save(cursor.withItems(changes.seen(), maxItemsRemembered, etag, lastModified, health, clock.instant()));
        }
      }
      IngestMeters.fetched();
      if (!changes.articles().isEmpty()) {
        log.info("feed {} published {} article(s)", feed.feedId(), changes.articles().size());
      }
      if (gap) {
        // counted once the cursor is saved: a poll whose publish failed is repeated and judged again
        IngestMeters.suspectedGap();
        log.warn("feed {} ({}): suspected gap, none of its {} item(s) had been seen before, {} since the last successful poll "
            + "at {}; items may have come and gone in between; next poll {}", feed.feedId(), feed.url(), parsed.items().size(),
            sinceLastSuccess(cursor.health(), started), cursor.health().lastSuccessAt(), health.nextAttemptAt());
      }
      return health;
    } catch (FetchException e) {
      boolean delayOnly = e.retryAfter() != null;
      return recordFailure(feed, cursor, started, e.category().code(), e.getMessage(), e.retryAfter(), !delayOnly);
    } catch (RecordSender.PublishException e) {
      // nothing advanced: the next poll sends the same articles again (downstream is idempotent by article id)
      return recordFailure(feed, cursor, started, FailureCategory.IO.code(), e.getMessage(), null, true);
    } catch (RuntimeException e) {
      log.error("unexpected failure polling feed {}", feed.feedId(), e);
      return recordFailure(feed, cursor, started, FailureCategory.IO.code(), String.valueOf(e), null, true);
    }
  }

  private FeedHealth recordFailure(FeedDefinition feed, FeedCursor cursor, Instant started, String category, String message,
      Duration retryAfter, boolean countsAsFailure) {
    int failures = cursor.health().consecutiveFailures() + (countsAsFailure ? 1 : 0);
    Instant next = scheduling.afterFailure(feed, started, Math.max(1, failures), retryAfter);
    FeedHealth health = cursor.health().failed(started, next, category, message, countsAsFailure);
    IngestMeters.failed(category);
    log.info("feed {} poll failed ({}), next attempt {}: {}", feed.feedId(), category, next, message);
    try {
      cursors.save(cursor.withHealth(health, clock.instant()));
    } catch (RuntimeException e) {
      cursors.keepLocally(cursor.withHealth(health, clock.instant()));
    }
    return health;
  }

  private static String sinceLastSuccess(FeedHealth before, Instant started) {
    return before.lastSuccessAt() == null ? "unknown time" : Duration.between(before.lastSuccessAt(), started).toString();
  }

  private static Map<String, String> conditionalHeaders(FeedCursor cursor) {
    Map<String, String> headers = new LinkedHashMap<>();
    if (cursor.etag() != null) {
      headers.put("If-None-Match", cursor.etag());
    }
    if (cursor.lastModified() != null) {
      headers.put("If-Modified-Since", cursor.lastModified());
    }
    return headers;
  }

  private static Duration previousInterval(FeedHealth health) {
    if (health.lastAttemptAt() == null || health.nextAttemptAt() == null || health.consecutiveFailures() > 0) {
      return null;
    }
    Duration d = Duration.between(health.lastAttemptAt(), health.nextAttemptAt());
    return d.isNegative() ? null : d;
  }

  static ZoneId zoneOf(FeedDefinition feed) {
    try {
      return feed.timeZone() == null ? ZoneOffset.UTC : ZoneId.of(feed.timeZone());
    } catch (RuntimeException e) {
      return ZoneOffset.UTC;
    }
  }
}
