package io.newsflow.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.ingest.kafka.FeedOwnership;
import io.newsflow.ingest.support.IngestInstance;
import io.newsflow.ingest.support.TestWebServer;
import io.newsflow.localstack.EmbeddedKafkaBroker;
import io.newsflow.model.feed.FeedIds;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Two instances share the feeds: each feed is fetched only by the instance that owns its partition
 * of the feeds topic, and when one instance dies without saying goodbye, the other takes its feeds
 * over within the session timeout.
 */
class ScaleOutIT {

  private static final Logger log = LoggerFactory.getLogger(ScaleOutIT.class);
  private static final int FEEDS = 8;

  @TempDir
  static Path tempDir;

  static EmbeddedKafkaBroker broker;
  static TestWebServer web;
  static IngestInstance a;
  static IngestInstance b;

  @BeforeAll
  static void start() {
    broker = new EmbeddedKafkaBroker(tempDir.resolve("kafka"), 0).start();
    web = new TestWebServer();
    for (int i = 0; i < FEEDS; i++) {
      web.text("/scale/feed-" + i + ".xml", "<rss version=\"2.0\"><channel><title>Regional feed " + i + "</title><link>" + web.base()
          + "/</link><item><title>Item " + i + "</title><link>" + web.base() + "/scale/item-" + i + "</link><description>"
          + "Short note on the Eurasian Economic Union customs talks, number " + i + ".</description></item></channel></rss>",
          "application/rss+xml", false);
    }
    a = instance("A");
    b = instance("B");
  }

  static IngestInstance instance(String name) {
    return new IngestInstance(broker.bootstrapServers(), Map.of(
        "newsflow.ingest.http.allowed-hosts", "127.0.0.1:" + web.port(),
        "newsflow.ingest.http.user-agent", "newsflow-ingest/test instance-" + name));
  }

  @AfterAll
  static void stop() {
    for (AutoCloseable c : new AutoCloseable[] {b, a, web, broker}) {
      try {
        if (c != null) {
          c.close();
        }
      } catch (Exception e) {
        log.warn("closing {}", c, e);
      }
    }
  }

  @Test
  void eachFeedIsPolledByItsOwnerAndAKilledInstancesFeedsAreTakenOver() {
    FeedOwnership ownsA = a.bean(FeedOwnership.class);
    FeedOwnership ownsB = b.bean(FeedOwnership.class);
    await("both instances own partitions", Duration.ofSeconds(30),
        () -> !ownsA.ownedPartitions().isEmpty() && !ownsB.ownedPartitions().isEmpty()
            && ownsA.ownedPartitions().size() + ownsB.ownedPartitions().size() == 4);
    assertThat(ownsA.ownedPartitions()).doesNotContainAnyElementsOf(ownsB.ownedPartitions());

    List<String> feedIds = new ArrayList<>();
    for (int i = 0; i < FEEDS; i++) {
      String url = web.url("/scale/feed-" + i + ".xml");
      IngestInstance.Response r = (i % 2 == 0 ? a : b).post("/internal/v1/feeds",
          "{\"url\":\"" + url + "\",\"minPollInterval\":\"PT1S\",\"maxPollInterval\":\"PT1S\"}");
      assertThat(r.status()).as(r.body()).isEqualTo(201);
      feedIds.add(FeedIds.fromUrl(url));
    }
    long observeFrom = System.nanoTime();
    sleep(Duration.ofSeconds(4));

    FeedRegistry registryA = a.bean(FeedRegistry.class);
    Set<String> agentsSeen = new HashSet<>();
    for (int i = 0; i < FEEDS; i++) {
      int partition = registryA.find(feedIds.get(i)).orElseThrow().partition();
      String owner = ownsA.owns(partition) ? "instance-A" : "instance-B";
      List<String> agents = agentsSince("/scale/feed-" + i + ".xml", observeFrom);
      assertThat(agents).as("feed %d polled repeatedly", i).hasSizeGreaterThanOrEqualTo(2);
      assertThat(agents).as("feed %d (partition %d) polled only by its owner", i, partition).allMatch(ua -> ua.endsWith(owner));
      agentsSeen.addAll(agents);
    }

    // a manual refresh on the instance that does not own the feed is refused, and nothing is fetched there
    int partition0 = registryA.find(feedIds.getFirst()).orElseThrow().partition();
    IngestInstance owner0 = ownsA.owns(partition0) ? a : b;
    IngestInstance other0 = owner0 == a ? b : a;
    String otherAgent = other0 == a ? "instance-A" : "instance-B";
    long refreshFrom = System.nanoTime();
    IngestInstance.Response refused = other0.post("/internal/v1/feeds/" + feedIds.getFirst() + "/refresh", null);
    assertThat(refused.status()).as(refused.body()).isEqualTo(409);
    assertThat(refused.body()).contains("feed-not-owned").contains("\"partition\":" + partition0);
    assertThat(agentsSince("/scale/feed-0.xml", refreshFrom)).noneMatch(ua -> ua.endsWith(otherAgent));
    IngestInstance.Response refreshed = owner0.post("/internal/v1/feeds/" + feedIds.getFirst() + "/refresh", null);
    assertThat(refreshed.status()).as(refreshed.body()).isEqualTo(200);

    // A dies without leaving the group: B must pick up A's feeds once the session times out (6 s here)
    a.bean(FeedScheduler.class).close();
    ownsA.abandon();
    long killedAt = System.nanoTime();
    await("B polls every feed", Duration.ofSeconds(30), () -> {
      for (int i = 0; i < FEEDS; i++) {
        if (agentsSince("/scale/feed-" + i + ".xml", killedAt).stream().noneMatch(ua -> ua.endsWith("instance-B"))) {
          return false;
        }
      }
      return true;
    });
    Duration takeover = Duration.ofNanos(System.nanoTime() - killedAt);
    log.info("instance B polled all of A's feeds {} ms after A died", takeover.toMillis());
    assertThat(ownsB.ownedPartitions()).hasSize(4);
  }

  private static List<String> agentsSince(String path, long fromNanos) {
    return web.requests(path).stream().filter(r -> r.atNanos() >= fromNanos).map(r -> r.headers().get("user-agent")).toList();
  }

  private static void await(String what, Duration timeout, BooleanSupplier condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting until " + what);
      }
      sleep(Duration.ofMillis(100));
    }
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
