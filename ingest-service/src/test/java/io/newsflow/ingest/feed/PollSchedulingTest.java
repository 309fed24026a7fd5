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
