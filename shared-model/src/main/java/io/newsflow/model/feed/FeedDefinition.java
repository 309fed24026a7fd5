package io.newsflow.model.feed;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A feed an operator registered.
 *
 * @param feedId          stable id derived from the normalised feed URL
 * @param url             the feed's URL (after discovery and redirects)
 * @param title           the feed's title, from the operator or the feed itself
 * @param siteUrl         the site the feed belongs to, may be null
 * @param tags            operator tags
 * @param language        BCP 47 language tag, may be null (then taken from the feed or page)
 * @param timeZone        IANA zone used for dates without an offset, may be null (then UTC)
 * @param minPollInterval the scheduler never polls more often than this
 * @param maxPollInterval the scheduler never waits longer than this between polls
 * @param state           ACTIVE, PAUSED or REMOVED
 */
public record FeedDefinition(
    String feedId,
    String url,
    String title,
    String siteUrl,
    List<String> tags,
    String language,
    String timeZone,
    Duration minPollInterval,
    Duration maxPollInterval,
    FeedState state) {

  public FeedDefinition {
    Objects.requireNonNull(feedId, "feedId");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(state, "state");
    tags = tags == null ? List.of() : List.copyOf(tags);
    if (minPollInterval != null && maxPollInterval != null && maxPollInterval.compareTo(minPollInterval) < 0) {
      throw new IllegalArgumentException("maxPollInterval " + maxPollInterval + " is below minPollInterval " + minPollInterval);
    }
  }
}
