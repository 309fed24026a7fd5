package io.newsflow.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.ingest.config.IngestProperties;
import io.newsflow.ingest.http.FetchedResponse;
import io.newsflow.model.feed.FeedDefinition;
import io.newsflow.model.feed.FeedState;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class PollSchedulingTest {

  static final Instant NOW = Instant.parse("2024-09-15T12:00:00Z");
  final IngestProperties.Schedule config = new IngestProperties.Schedule(Duration.ofMinutes(5), Duration.ofHours(6),
      Duration.ofMillis(250), 0.0, Duration.ofHours(6), 600, 1000);
  final PollScheduling scheduling = new PollScheduling(config, RandomGenerator.getDefault());
  final FeedDefinition feed = new FeedDefinition("f-1", "https://x.example/feed", null, null, null, null, null, null, null, FeedState.ACTIVE);

  static List<ParsedItem> itemsEvery(Duration spacing, int count) {
    List<ParsedItem> items = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      items.add(new ParsedItem(null, "https://x.example/" + i, "t", null, null, null, NOW.minus(spacing.multipliedBy(i + 1)), null, null));
    }
    return items;
  }

  static FetchedResponse response(Map<String, String> headers) {
    return new FetchedResponse(URI.create("https://x.example/feed"), 200, headers, new byte[0]);
  }

  @Test
  void pollsBusyFeedsOftenAndQuietFeedsRarelyWithinBounds() {
    Instant busy = scheduling.afterSuccess(feed, NOW, response(Map.of()), itemsEvery(Duration.ofMinutes(10), 200), null, null);
    Instant daily = scheduling.afterSuccess(feed, NOW, response(Map.of()), itemsEvery(Duration.ofDays(1), 5), null, null);
    Instant silent = scheduling.afterSuccess(feed, NOW, response(Map.of()), itemsEvery(Duration.ofDays(30), 3), null, null);
    assertThat(Duration.between(NOW, busy)).isEqualTo(Duration.ofDays(7).dividedBy(200)); // 200 entries this week
    assertThat(Duration.between(NOW, daily)).isEqualTo(Duration.ofHours(6)); // 7 days / 6 entries = 28 h, capped at 6 h
    assertThat(Duration.between(NOW, silent)).isEqualTo(Duration.ofHours(6));
  }

  @Test
  void entryFrequencyBetweenTheBoundsIsUsedAsIs() {
    // one entry a day: 6 of them fall inside the last 7 days -> one poll every 28 h
    FeedDefinition wide = new FeedDefinition("f-2", "https://x.example/feed", null, null, null, null, null,
        Duration.ofMinutes(1), Duration.ofDays(2), FeedState.ACTIVE);
    Instant next = scheduling.afterSuccess(wide, NOW, response(Map.of()), itemsEvery(Duration.ofHours(24), 10), null, null);
    assertThat(Duration.between(NOW, next)).isEqualTo(Duration.ofHours(28));
  }

  @Test
  void serverFreshnessHintsAreNeverUndercut() {
    FeedDefinition wide = new FeedDefinition("f-3", "https://x.example/feed", null, null, null, null, null,
        Duration.ofMinutes(1), Duration.ofDays(2), FeedState.ACTIVE);
    List<ParsedItem> busy = itemsEvery(Duration.ofMinutes(1), 1000); // entry frequency alone: every 10 min
    assertThat(Duration.between(NOW, scheduling.afterSuccess(wide, NOW, response(Map.of("cache-control", "public, max-age=3600")), busy, null, null)))
        .isEqualTo(Duration.ofHours(1));
    assertThat(Duration.between(NOW, scheduling.afterSuccess(wide, NOW, response(Map.of()), busy, 90, null))).isEqualTo(Duration.ofMinutes(90));
    assertThat(Duration.between(NOW, scheduling.afterSuccess(wide, NOW, response(Map.of("expires", "Sun, 15 Sep 2024 14:00:00 GMT")), busy, null, null)))
        .isEqualTo(Duration.ofHours(2));
  }

  /** {@code count} items {@code spacing} apart, the newest {@code newestAge} before NOW, newest first as feeds list them. */
  static List<ParsedItem> window(Duration newestAge, Duration spacing, int count) {
    List<ParsedItem> items = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      items.add(dated("https://x.example/w" + i, NOW.minus(newestAge).minus(spacing.multipliedBy(i))));
    }
    return items;
  }

  static ParsedItem dated(String link, Instant publishedAt) {
    return new ParsedItem(null, link, "t", null, null, null, publishedAt, null, null);
  }

  Duration nextAfter(FeedDefinition f, List<ParsedItem> items) {
    return Duration.between(NOW, scheduling.afterSuccess(f, NOW, response(Map.of()), items, null, null));
  }

  @Test
  void aBusyFeedIsPolledBeforeHalfItsWindowTurnsOverNotAtItsWeeklyAverage() {
    // 40 items 3 minutes apart span 2 hours; the weekly rule alone says 7 d / 40 = 4.2 h, two whole windows
    Duration next = nextAfter(feed, window(Duration.ofMinutes(1), Duration.ofMinutes(3), 40));
    assertThat(next).as("the newest 20 items took 60 minutes to appear").isEqualTo(Duration.ofMinutes(60));
  }

  @Test
  void theWindowRuleNeverPollsFasterThanTheFeedsLowerBound() {
    assertThat(nextAfter(feed, window(Duration.ZERO, Duration.ofSeconds(10), 40))).isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void aSlowFeedKeepsItsEntryFrequencyInterval() {
    // one item a day over 20 days: the newest half of the window took 10 days, the weekly rule says 28 h
    FeedDefinition wide = new FeedDefinition("f-4", "https://x.example/feed", null, null, null, null, null,
        Duration.ofMinutes(1), Duration.ofDays(3), FeedState.ACTIVE);
    assertThat(nextAfter(wide, window(Duration.ofHours(24), Duration.ofDays(1), 20))).isEqualTo(Duration.ofHours(28));
  }

  @Test
  void aPinnedTenYearOldItemDoesNotStretchTheWindow() {
    List<ParsedItem> items = new ArrayList<>(window(Duration.ofMinutes(1), Duration.ofMinutes(3), 39));
    items.addFirst(dated("https://x.example/about-us", Instant.parse("2014-03-01T09:00:00Z")));
    // 40 dated items: the newest half took 60 minutes to appear; newest minus oldest would be ten years
    assertThat(nextAfter(feed, items)).isEqualTo(Duration.ofMinutes(60));
  }

  @Test
  void itemsDatedInTheFutureAreLeftOut() {
    List<ParsedItem> items = new ArrayList<>(window(Duration.ofMinutes(1), Duration.ofMinutes(3), 38));
    items.addFirst(dated("https://x.example/typo-1", Instant.parse("2031-09-15T12:00:00Z")));
    items.addFirst(dated("https://x.example/typo-2", NOW.plus(Duration.ofDays(3))));
    assertThat(nextAfter(feed, items)).as("the 38 plausible items: 19 x 3 min").isEqualTo(Duration.ofMinutes(57));
  }

  @Test
  void aFeedWhoseClockRunsHoursAheadIsMeasuredByItsOwnDates() {
    // every date 3 h ahead (a zone error): none counts for the weekly rule, the spacing still holds
    assertThat(nextAfter(feed, window(Duration.ofHours(-3), Duration.ofMinutes(3), 40))).isEqualTo(Duration.ofMinutes(60));
  }

  @Test
  void itemsAllStampedWithOneTimeCarryNoRate() {
    // a feed that stamps each item with its build time: not a burst of 40 items in one second
    List<ParsedItem> items = window(Duration.ofMinutes(30), Duration.ZERO, 40);
    assertThat(nextAfter(feed, items)).as("entry frequency: 7 d / 40").isEqualTo(Duration.ofDays(7).dividedBy(40));
  }

  @Test
  void undatedItemsAreLeftOutAndAFullyUndatedFeedGetsItsUpperBound() {
    List<ParsedItem> undated = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      undated.add(new ParsedItem(null, "https://x.example/u" + i, "t", null, null, null, null, null, null));
    }
    assertThat(nextAfter(feed, undated)).isEqualTo(Duration.ofHours(6));
    List<ParsedItem> mixed = new ArrayList<>(undated);
    mixed.addAll(window(Duration.ofMinutes(1), Duration.ofMinutes(6), 10));
    assertThat(nextAfter(feed, mixed)).as("the 10 dated items: 5 x 6 min").isEqualTo(Duration.ofMinutes(30));
  }

  @Test
  void aSuspectedGapPollsAgainAtTheLowerBoundButNotBeforeTheServerAllows() {
    List<ParsedItem> items = window(Duration.ofMinutes(1), Duration.ofMinutes(30), 40); // alone: 10 h, capped at 6 h
    assertThat(Duration.between(NOW, scheduling.afterSuccess(feed, NOW, response(Map.of()), items, null, null, true)))
        .isEqualTo(Duration.ofMinutes(5));
    assertThat(Duration.between(NOW, scheduling.afterSuccess(feed, NOW, response(Map.of("cache-control", "max-age=900")), items, null, null, true)))
        .isEqualTo(Duration.ofMinutes(15));
  }

  @Test
  void aLongRunOfNotModifiedKeepsTheIntervalInsteadOfDriftingUpwards() {
    PollScheduling jittery = new PollScheduling(new IngestProperties.Schedule(Duration.ofMinutes(5), Duration.ofHours(6),
        Duration.ofMillis(250), 0.1, Duration.ofHours(6), 600, 1000), RandomGenerator.of("L64X128MixRandom"));
    Duration interval = Duration.between(NOW, jittery.afterSuccess(feed, NOW, response(Map.of()),
        window(Duration.ofMinutes(1), Duration.ofMinutes(3), 40), null, null));
    assertThat(interval).isBetween(Duration.ofMinutes(60), Duration.ofMinutes(66));
    Duration first = interval;
    for (int night = 0; night < 40; night++) { // a quiet night of 304s
      interval = Duration.between(NOW, jittery.afterSuccess(feed, NOW, response(Map.of()), null, null, interval));
    }
    assertThat(interval).as("jitter is added once, not once per 304").isEqualTo(first);
  }

  @Test
  void failuresBackOffExponentiallyUpToTheCeilingAndRetryAfterIsADelay() {
    assertThat(Duration.between(NOW, scheduling.afterFailure(feed, NOW, 1, null))).isEqualTo(Duration.ofMinutes(5));
    assertThat(Duration.between(NOW, scheduling.afterFailure(feed, NOW, 3, null))).isEqualTo(Duration.ofMinutes(20));
    assertThat(Duration.between(NOW, scheduling.afterFailure(feed, NOW, 40, null))).as("still probed at the ceiling").isEqualTo(Duration.ofHours(6));
    assertThat(Duration.between(NOW, scheduling.afterFailure(feed, NOW, 1, Duration.ofMinutes(42)))).isEqualTo(Duration.ofMinutes(42));
  }

  @Test
  void jitterSpreadsFeedsButStaysWithinItsFraction() {
    PollScheduling jittery = new PollScheduling(new IngestProperties.Schedule(Duration.ofMinutes(5), Duration.ofHours(6),
        Duration.ofMillis(250), 0.1, Duration.ofHours(6), 600, 1000), RandomGenerator.of("L64X128MixRandom"));
    for (int i = 0; i < 50; i++) {
      Duration d = Duration.between(NOW, jittery.afterFailure(feed, NOW, 1, null));
      assertThat(d).isBetween(Duration.ofMinutes(5), Duration.ofMinutes(5).plusSeconds(30));
    }
  }
}
