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
 * When to poll a feed next.
 *
 * <p>After a success, the sooner of two rules. Miniflux's entry-frequency rule (one week divided by the
 * entries published in the last week) knows a feed's weekly rate but not its window: a feed lists only
 * its newest N items, and a busy one turns those over in hours, so polling at its weekly average loses
 * whatever appears and rotates out between two polls. The window rule therefore polls again within the
 * time the newest half of the current window took to appear: if the rate holds, at most half the window
 * turns over between two polls, and the other half is the margin for bursts, jitter and a scheduler
 * running late. It reads only differences between the document's own dates, so a feed whose clock or
 * zone is off by hours is measured right; it takes the newest half rather than newest minus oldest, so
 * a pinned or ten-year-old item (fewer than half of the window) does not stretch it; it ignores dates
 * more than a day ahead and undated items ({@link ItemDates}); and when the newest half shares one
 * timestamp (a feed that stamps every item with its build time) the dates carry no rate and only the
 * entry-frequency rule applies. A feed that published its whole window in one burst is polled often until
 * its window shows a slower rate: a wasted conditional GET costs less than a lost item. A 304 keeps the
 * previous interval as it was, jitter included, so a quiet night does not stretch it poll by poll.
 *
 * <p>After a poll that suspects a gap (none of a full window seen before, see {@link WindowGaps}) the
 * feed is polled next at its lower bound, to learn its rate while it is busy. Either way the result is
 * never sooner than the server's own freshness hints (Cache-Control max-age, Expires, RSS ttl), stays
 * within the feed's bounds, and gets jitter so feeds registered together spread out. After a failure:
 * the server's Retry-After when it gave one, otherwise exponential back-off from the lower bound up to
 * a ceiling at which the feed keeps being probed.
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

  Instant afterSuccess(io.newsflow.model.feed.FeedDefinition feed, Instant now, FetchedResponse response,
      List<ParsedItem> items, Integer ttl, Duration previous) {
    return afterSuccess(feed, now, response, items, ttl, previous, false);
  }

  /**
   * @param items        the parsed items, or null after a 304 (then the previous interval is kept)
   * @param ttl          RSS ttl in minutes, may be null
   * @param previous     the interval used last time, may be null
   * @param gapSuspected this poll suspects items were missed: poll again at the lower bound
   */
  Instant afterSuccess(io.newsflow.model.feed.FeedDefinition feed, Instant now, FetchedResponse response,
      List<ParsedItem> items, Integer ttl, Duration previous, boolean gapSuspected) {
    Duration min = minInterval(feed);
    Duration max = maxInterval(feed);
    Duration interval;
    boolean jittered = false;
    if (gapSuspected) {
      interval = min;
    } else if (items != null) {
      interval = entryFrequency(items, now, max);
      Duration window = windowTurnover(items, now);
      if (window != null && window.compareTo(interval) < 0) {
        interval = window;
      }
    } else {
      interval = previous != null ? previous : min;
      // the previous interval carries its jitter already: adding more on every 304 would let a quiet night
      // stretch a busy feed's interval by some 5% a poll until the morning's items overflow its window
      jittered = previous != null;
    }
    Duration hint = serverHint(response, now, ttl);
    if (hint != null && hint.compareTo(interval) > 0) {
      interval = hint;
      jittered = false;
    }
    Duration bounded = clamp(interval, min, max);
    return now.plus(jittered ? bounded : jitter(bounded));
  }

  private static Duration entryFrequency(List<ParsedItem> items, Instant now, Duration max) {
    long weekly = items.stream()
        .filter(i -> i.publishedAt() != null && i.publishedAt().isAfter(now.minus(Duration.ofDays(7))) && !i.publishedAt().isAfter(now))
        .count();
    return weekly == 0 ? max : Duration.ofDays(7).dividedBy(weekly);
  }

  /**
   * The time the newest half of the window took to appear: newest date minus the date of the item half a
   * window older. Null when fewer than two items are plausibly dated or that time is zero (no rate in it).
   */
  private static Duration windowTurnover(List<ParsedItem> items, Instant now) {
    List<Instant> dates = ItemDates.plausible(items, now);
    if (dates.size() < 2) {
      return null;
    }
    int newest = dates.size() - 1;
    Duration half = Duration.between(dates.get(newest - dates.size() / 2), dates.get(newest));
    return half.isZero() ? null : half;
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
