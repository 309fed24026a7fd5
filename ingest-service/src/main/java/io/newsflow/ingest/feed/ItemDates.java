package io.newsflow.ingest.feed;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The publication dates of a feed document that may be used to reason about its window. Undated items
 * say nothing about when items appear. A date more than a day ahead of our clock is the feed's mistake
 * (a scheduled post listed early, a wrong year) and one before the web existed is a placeholder; the
 * parser flags both, and both are left out here so that one bad date cannot stretch or shrink a
 * window. A few hours of zone error are kept: they shift every date of a feed alike, and only
 * differences between dates of one document are used.
 */
final class ItemDates {

  static final Duration FUTURE_TOLERANCE = Duration.ofDays(1);
  static final Instant EARLIEST_PLAUSIBLE = Instant.parse("1991-01-01T00:00:00Z");

  private ItemDates() {}

  /** The plausible publication dates of the items, oldest first. */
  static List<Instant> plausible(List<ParsedItem> items, Instant now) {
    Instant latest = now.plus(FUTURE_TOLERANCE);
    return items.stream().map(ParsedItem::publishedAt).filter(Objects::nonNull)
        .filter(d -> !d.isBefore(EARLIEST_PLAUSIBLE) && !d.isAfter(latest)).sorted().toList();
  }

  /** The newest plausible publication date, or null when no item has one. */
  static Instant newest(List<ParsedItem> items, Instant now) {
    List<Instant> dates = plausible(items, now);
    return dates.isEmpty() ? null : dates.getLast();
  }
}
