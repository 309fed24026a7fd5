package io.newsflow.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsflow.ingest.http.SafeHttpClient;
import io.newsflow.ingest.support.RollingFeed;
import io.newsflow.ingest.support.TestWebServer;
import io.newsflow.model.feed.FeedDefinition;
import io.newsflow.model.feed.FeedIds;
import io.newsflow.model.feed.FeedState;
import io.newsflow.model.json.EventJson;
import io.newsflow.model.topic.Topics;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Suspected gaps through the poller: a feed whose whole window was replaced between two polls is reported
 * (health, counter, WARN line) and polled again at its lower bound; an overlapping window, a first poll,
 * a 304 and a feed that only renamed its items are not reported.
 */
@ExtendWith(OutputCaptureExtension.class)
class FeedGapDetectionTest {

  static final Duration MIN = Duration.ofMinutes(5);
  static final Duration SPACING = Duration.ofHours(1);

  final TestWebServer web = new TestWebServer();
  final MockBrokerPoller broker = new MockBrokerPoller();
  final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  // item n is filed n hours after this; items 1..30 all lie in the last 30 hours
  final RollingFeed wire = new RollingFeed(web.base(), Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(31)), SPACING);
  final String url = web.url("/wire.rss");
  final FeedDefinition feed = new FeedDefinition(FeedIds.fromUrl(url), url, null, null, null, null, null, null, null, FeedState.ACTIVE);
  SafeHttpClient http;
  FeedPoller poller;

  @BeforeEach
  void start() {
    Metrics.addRegistry(meters);
    http = MockBrokerPoller.http(web);
    poller = broker.poller(http, MIN);
  }

  @AfterEach
  void stop() throws java.io.IOException {
    Metrics.removeRegistry(meters);
    http.close();
    web.close();
  }

  FeedHealth pollWindow(int from, int to) {
    web.text("/wire.rss", wire.window(from, to), "application/rss+xml", false);
    return poller.poll(feed);
  }

  double gapsCounted() {
    Counter counter = meters.find("newsflow.feeds.gaps.suspected").counter();
    return counter == null ? 0 : counter.count();
  }

  long publishedArticles() {
    return broker.acknowledged.stream().filter(r -> r.topic().equals(Topics.RAW_ARTICLES.name())).count();
  }

  static Duration interval(FeedHealth health) {
    return Duration.between(health.lastAttemptAt(), health.nextAttemptAt());
  }

  @Test
  void aWindowReplacedBetweenTwoPollsIsASuspectedGap(CapturedOutput output) {
    FeedHealth first = pollWindow(1, 5);
    assertThat(first.suspectedGaps()).as("a first poll has nothing to overlap with").isZero();
    assertThat(first.newestItemAt()).isEqualTo(wire.publishedAt(5));
    assertThat(gapsCounted()).isZero();

    // items 6..10 came and went unseen: the next document lists 11..15 only
    FeedHealth second = pollWindow(11, 15);
    assertThat(second.suspectedGaps()).isEqualTo(1);
    assertThat(second.lastSuspectedGapAt()).isEqualTo(second.lastAttemptAt());
    assertThat(interval(second)).as("polled again at the lower bound, not after the window's 2 h").isEqualTo(MIN);
    assertThat(gapsCounted()).isEqualTo(1);
    assertThat(publishedArticles()).as("what the feed still lists is published").isEqualTo(10);
    assertThat(output.getOut()).contains("feed " + feed.feedId() + " (" + url + "): suspected gap, none of its 5 item(s) had been seen before");

    FeedCursor saved = EventJson.fromBytes(broker.acknowledged.getLast().value(), FeedCursor.class);
    assertThat(broker.acknowledged.getLast().topic()).isEqualTo("newsflow.ingest.cursors");
    assertThat(saved.health().suspectedGaps()).as("the count survives a restart").isEqualTo(1);
    assertThat(saved.health().newestItemAt()).isEqualTo(wire.publishedAt(15));
  }

  @Test
  void anOverlappingWindowIsNoGapAndKeepsTheWindowInterval() {
    pollWindow(1, 5);
    FeedHealth second = pollWindow(4, 8);
    assertThat(second.suspectedGaps()).isZero();
    assertThat(second.lastSuspectedGapAt()).isNull();
    assertThat(interval(second)).as("the newest half of 5 hourly items took 2 h").isEqualTo(Duration.ofHours(2));
    assertThat(gapsCounted()).isZero();
  }

  @Test
  void withoutDatesTheItemsIdentitiesDecideAlone() {
    web.text("/wire.rss", wire.undatedWindow(1, 5), "application/rss+xml", false);
    poller.poll(feed);
    web.text("/wire.rss", wire.undatedWindow(4, 8), "application/rss+xml", false);
    assertThat(poller.poll(feed).suspectedGaps()).as("items 4 and 5 seen before").isZero();
    web.text("/wire.rss", wire.undatedWindow(20, 24), "application/rss+xml", false);
    FeedHealth replaced = poller.poll(feed);
    assertThat(replaced.suspectedGaps()).isEqualTo(1);
    assertThat(replaced.newestItemAt()).isNull();
    assertThat(gapsCounted()).isEqualTo(1);
  }

  @Test
  void aNotModifiedIsNoGap() {
    web.text("/wire.rss", wire.window(1, 5), "application/rss+xml", true);
    poller.poll(feed);
    FeedHealth notModified = poller.poll(feed);
    assertThat(web.requests("/wire.rss")).hasSize(2);
    assertThat(web.requests("/wire.rss").getLast().headers()).containsKey("if-none-match");
    assertThat(notModified.suspectedGaps()).isZero();
    assertThat(gapsCounted()).isZero();
  }

  @Test
  void aWindowWhoseOldestItemSharesTheSecondOfTheNewestSeenIsStillAGap() {
    // a busy wire: four items a second, dated to the second as RFC 822 dates are
    RollingFeed busy = new RollingFeed(web.base(), Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(1)),
        Duration.ofMillis(250));
    web.text("/wire.rss", busy.window(1, 4), "application/rss+xml", false);
    poller.poll(feed);
    web.text("/wire.rss", busy.window(6, 10), "application/rss+xml", false);
    FeedHealth after = poller.poll(feed);
    assertThat(after.suspectedGaps()).as("item 5 came and went; item 6 is dated to the second of item 4, the newest seen")
        .isEqualTo(1);
    assertThat(gapsCounted()).isEqualTo(1);
  }

  @Test
  void aFeedThatRenamedEveryItemIsNotReportedAsAGap() {
    pollWindow(1, 5);
    web.text("/wire.rss", wire.renamedWindow(1, 5), "application/rss+xml", false);
    FeedHealth renamed = poller.poll(feed);
    assertThat(publishedArticles()).as("new GUIDs and links: the items look new").isEqualTo(10);
    assertThat(renamed.suspectedGaps()).as("but they are no newer than what was seen: nothing fell between the polls").isZero();
    assertThat(gapsCounted()).isZero();
  }

  @Test
  void aGapIsCountedOnceWhenThePollThatFindsItIsAcknowledged() {
    pollWindow(1, 5);
    broker.down = true;
    FeedHealth failed = pollWindow(11, 15);
    assertThat(failed.consecutiveFailures()).isEqualTo(1);
    assertThat(failed.suspectedGaps()).isZero();
    assertThat(gapsCounted()).isZero();

    broker.down = false;
    FeedHealth retried = poller.poll(feed);
    assertThat(retried.suspectedGaps()).isEqualTo(1);
    assertThat(gapsCounted()).isEqualTo(1);
  }
}
