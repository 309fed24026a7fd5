package io.newsflow.ingest.feed;

import io.newsflow.ingest.config.IngestProperties;
import io.newsflow.ingest.http.FetchedResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When to poll a feed next. After a success: Miniflux's entry-frequency rule (one week divided by
 * the number of entries published in the last week), never sooner than the server's own freshness
 * hints (Cache-Control max-age, Expires, RSS ttl), within the feed's bounds, plus jitter so feeds
 * registered together spread out. After a failure: the server's Retry-After when it gave one,
 * otherwise exponential back-off from the lower bound up to a ceiling at which the feed keeps being
 * probed.
 */
final class PollScheduling {

  private static final Pattern MAX_AGE = Pattern.compile("(?:^|[,\\s])(?:s-)?max-age\\s*=\\s*\"?(\\d+)");

  private final IngestProperties.Schedule config;
  private final RandomGenerator random;

  PollScheduling(IngestProperties.Schedule config, RandomGenerator random) {
    this.config = config;
    this.random = random;
  }

  Duration minInterval(io.newsflow.model.feed.FeedDefinition feed) {
    return feed.minPollInterval() != null ? feed.minPollInterval() : config.defaultMinPollInterval();
  }

  Duration maxInterval(io.newsflow.model.feed.FeedDefinition feed) {
    Duration max = feed.maxPollInterval() != null ? feed.maxPollInterval() : config.defaultMaxPollInterval();
    return max.compareTo(minInterval(feed)) < 0 ? minInterval(feed) : max;
  }

  /**
   * @param items   the parsed items, or null after a 304 (then the previous interval is kept)
   * @param ttl     RSS ttl in minutes, may be null
   * @param previous the interval used last time, may be null
   */
  Instant afterSuccess(io.newsflow.model.feed.FeedDefinition feed, Instant now, FetchedResponse response,
      List<ParsedItem> items, Integer ttl, Duration previous) {
    Duration min = minInterval(feed);
    Duration max = maxInterval(feed);
    Duration interval;
    if (items != null) {
      long weekly = items.stream()
          .filter(i -> i.publishedAt() != null && i.publishedAt().isAfter(now.minus(Duration.ofDays(7))) && !i.publishedAt().isAfter(now))
          .count();
      interval = weekly == 0 ? max : Duration.ofDays(7).dividedBy(weekly);
    } else {
      interval = previous != null ? previous : min;
    }
    Duration hint = serverHint(response, now, ttl);
    if (hint != null && hint.compareTo(interval) > 0) {
      interval = hint;
    }
    return now.plus(jitter(clamp(interval, min, max)));
  }

  Instant afterFailure(io.newsflow.model.feed.FeedDefinition feed, Instant now, int consecutiveFailures, Duration retryAfter) {
    Duration min = minInterval(feed);
    Duration ceiling = config.maxBackoff().compareTo(min) < 0 ? min : config.maxBackoff();
    Duration delay;
    if (retryAfter != null) {
      delay = clamp(retryAfter, min, ceiling);
    } else {
      int exponent = Math.min(Math.max(0, consecutiveFailures - 1), 20);
      delay = min.multipliedBy(1L << exponent);
      delay = delay.compareTo(ceiling) > 0 ? ceiling : delay;
    }
    return now.plus(jitter(delay));
  }

  static Duration serverHint(FetchedResponse response, Instant now, Integer ttlMinutes) {
    Duration hint = ttlMinutes == null ? null : Duration.ofMinutes(ttlMinutes);
    if (response == null) {
      return hint;
    }
    Duration cache = null;
    String cacheControl = response.header("cache-control");
    if (cacheControl != null) {
      Matcher m = MAX_AGE.matcher(cacheControl.toLowerCase(Locale.ROOT));
      if (m.find()) {
        cache = Duration.ofSeconds(Long.parseLong(m.group(1)));
      }
    }
    if (cache == null && response.header("expires") != null) {
      try {
        Instant expires = ZonedDateTime.parse(response.header("expires").strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        cache = Duration.between(now, expires);
      } catch (DateTimeParseException ignored) {
        // an unreadable Expires (often "0" or "-1") means "already expired"
        cache = Duration.ZERO;
      }
    }
    if (cache != null && (hint == null || cache.compareTo(hint) > 0)) {
      hint = cache;
    }
    return hint;
  }

  private Duration jitter(Duration d) {
    if (config.jitter() <= 0) {
      return d;
    }
    return d.plusMillis((long) (d.toMillis() * config.jitter() * random.nextDouble()));
  }

  private static Duration clamp(Duration d, Duration min, Duration max) {
    return d.compareTo(min) < 0 ? min : d.compareTo(max) > 0 ? max : d;
  }
}
