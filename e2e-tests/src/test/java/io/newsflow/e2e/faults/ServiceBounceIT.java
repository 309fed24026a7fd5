package io.newsflow.e2e.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.model.json.EventJson;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bounce tests on the services (the way Kafka's own bounce tests work): articles flow from a growing feed
 * through ingest and straight into the raw topic, while each service in turn is killed with kill -9 and
 * started again; then more instances join mid-stream, and two stores race on the same articles. Every
 * time, what is stored plus what is dead-lettered must be exactly what was seeded, once each.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ServiceBounceIT {

  private static final Logger log = LoggerFactory.getLogger(ServiceBounceIT.class);

  @TempDir
  static Path data;

  private static FaultSystem system;
  private static Ledger ledger;

  @BeforeAll
  static void startSystem() throws Exception {
    system = new FaultSystem(data, "service-bounce")
        .env("NEWSFLOW_INGEST_SCHEDULE_DEFAULTMINPOLLINTERVAL", "PT1S")
        .env("NEWSFLOW_INGEST_SCHEDULE_DEFAULTMAXPOLLINTERVAL", "PT2S");
    system.start("store-service", "enrich-service", "ingest-service", "api-gateway");
    ledger = new Ledger(system.kafkaBootstrapServers(), system.mongoUri());
  }

  @AfterAll
  static void stopSystem() throws Exception {
    if (system != null) {
      system.close();
    }
  }

  @Test
  @Order(1)
  void killingEachServiceInTurnWhileArticlesFlowLosesNothingAndStoresNothingTwice() throws Exception {
    SyntheticArticles run = new SyntheticArticles("bounce");
    Map<String, Double> recovery = new LinkedHashMap<>();
    try (GrowingFeedServer feed = new GrowingFeedServer("bounce-feed", 160, 3);
         Seeder seeder = new Seeder(system.kafkaBootstrapServers(), run);
         LiveStreamReader live = new LiveStreamReader()) {
      HttpResponse<String> registered = Http.postJson(system.url("ingest-service") + "/internal/v1/feeds",
          "{\"url\": \"" + feed.feedUrl() + "\", \"title\": \"Bounce feed\"}");
      assertThat(registered.statusCode()).as(registered.body()).isIn(200, 201);
      String feedId = EventJson.mapper().readTree(registered.body()).get("feedId").asText();
      live.connect(system.url("api-gateway"), FaultSystem.READER_KEY);
      live.awaitConnected(Duration.ofSeconds(60));

      int seeded = 600;
      long started = System.nanoTime();
      feed.open();
      seeder.publish(0, seeded, 8);
      // each service in turn: kill -9, then start it again at once; the next kill does not wait for the
      // previous service to be healthy, so for a while two or three services are down together
      Map<String, Long> killedAt = new LinkedHashMap<>();
      for (String service : List.of("enrich-service", "store-service", "ingest-service", "api-gateway")) {
        Thread.sleep(5_000);
        system.kill(service);
        killedAt.put(service, System.nanoTime());
        Thread.sleep(1_000);
        system.service(service).start();
      }
      for (var killed : killedAt.entrySet()) {
        system.service(killed.getKey()).awaitHealthy(FaultSystem.STARTUP);
        recovery.put(killed.getKey(), Http.secondsSince(killed.getValue()));
        log.info("FIGURES service-bounce: {} killed (kill -9) and healthy again after {} s", killed.getKey(),
            recovery.get(killed.getKey()));
      }
      seeder.awaitDone(Duration.ofSeconds(120));
      // the live stream after the gateway's restart: articles published from now on all reach the reconnected client
      SyntheticArticles after = new SyntheticArticles("bounce-live");
      try (Seeder afterSeeder = new Seeder(system.kafkaBootstrapServers(), after)) {
        afterSeeder.publish(0, 20, 10).awaitDone(Duration.ofSeconds(60));
      }
      feed.revealAll();
      double lastFault = Http.secondsSince(started);

      List<String> expected = new ArrayList<>(run.idsUpTo(seeded));
      expected.addAll(feed.ids());
      expected.addAll(after.idsUpTo(20));
      assertThat(seeder.acknowledged()).as("sends the broker acknowledged").hasSize(seeded);
      Ledger.Tally tally = ledger.awaitComplete(expected, Duration.ofSeconds(300));
      double complete = Http.secondsSince(started);
      Map<String, Integer> timeline = new java.util.HashMap<>(Ledger.awaitTimeline(system.url("store-service"),
          run.feedId(), seeded, Duration.ofSeconds(60)));
      timeline.putAll(Ledger.awaitTimeline(system.url("store-service"), feedId, feed.ids().size(), Duration.ofSeconds(60)));
      timeline.putAll(Ledger.awaitTimeline(system.url("store-service"), after.feedId(), 20, Duration.ofSeconds(60)));
      long timelineTwice = timeline.values().stream().filter(c -> c > 1).count();
      Http.within(Duration.ofSeconds(60), () -> after.idsUpTo(20).stream().allMatch(live.seen()::containsKey));
      long liveAfter = after.idsUpTo(20).stream().filter(live.seen()::containsKey).count();
      // articles enriched while the gateway was down come back only as far as its replay buffer reaches
      // (NEWSFLOW_LIVE_REPLAY_SIZE, 500 by default): this is counted, not required
      long liveSeen = run.idsUpTo(seeded).stream().filter(live.seen()::containsKey).count();
      long liveTwice = live.seen().values().stream().filter(c -> c > 1).count();
      log.info("FIGURES service-bounce: {} (raw {} + feed items {}); timeline items {} of which shown twice {}; "
              + "live stream: {} of {} seeded during the faults (bounded by the replay buffer), {} of 20 published after the "
              + "gateway's restart, {} delivered twice ({} connections, each reconnect with Last-Event-ID); seeding done at {} s, "
              + "complete at {} s; "
              + "restart-to-healthy {}",
          tally, seeded, feed.ids().size(), timeline.size(), timelineTwice, liveSeen, seeded, liveAfter, liveTwice, live.connections(), lastFault, complete,
          recovery);

      assertThat(tally.missing()).as("articles neither stored nor dead-lettered").isEmpty();
      assertThat(tally.isExact()).as(tally.toString()).isTrue();
      Ledger.checkVersions(tally, "service-bounce");
      assertThat(tally.deadLettered()).as("valid articles dead-lettered").isZero();
      assertThat(timeline).as("timeline entries per article").hasSize(expected.size());
      assertThat(timelineTwice).as("articles shown twice in the timeline").isZero();
      assertThat(liveAfter).as("articles published after the gateway's restart, delivered on the live stream")
          .isEqualTo(20);
    }
  }

  @Test
  @Order(2)
  void aSecondEnrichAndASecondStoreJoiningMidStreamKeepTheSeededSetCompleteOnceEach() throws Exception {
    SyntheticArticles run = new SyntheticArticles("rebalance");
    try (Seeder seeder = new Seeder(system.kafkaBootstrapServers(), run)) {
      int seeded = 500;
      long started = System.nanoTime();
      seeder.publish(0, seeded, 10);
      Thread.sleep(6_000);
      int storedBeforeJoin = ledger.count(run.idsUpTo(seeded)).stored();
      long joining = System.nanoTime();
      system.start("enrich-service-2", "store-service-2");
      double joined = Http.secondsSince(joining);
      seeder.awaitDone(Duration.ofSeconds(120));
      Ledger.Tally tally = ledger.awaitComplete(run.idsUpTo(seeded), Duration.ofSeconds(300));
      Map<String, Integer> timeline = Ledger.awaitTimeline(system.url("store-service"), run.feedId(), seeded,
          Duration.ofSeconds(60));
      long timelineTwice = timeline.values().stream().filter(c -> c > 1).count();
      log.info("FIGURES rebalance: seeded {}, stored before the second instances joined {}; enrich-service-2 and "
              + "store-service-2 healthy {} s after start; {}; timeline items {} (twice {}); complete {} s after start",
          seeded, storedBeforeJoin, joined, tally, timeline.size(), timelineTwice, Http.secondsSince(started));
      assertThat(seeder.acknowledged()).hasSize(seeded);
      assertThat(tally.isExact()).as(tally.toString()).isTrue();
      Ledger.checkVersions(tally, "rebalance");
      assertThat(tally.deadLettered()).isZero();
      assertThat(timeline).hasSize(seeded);
      assertThat(timelineTwice).isZero();
    }
  }

  @Test
  @Order(3)
  void twoStoresUpsertingTheSameArticlesAtOnceLeaveOneDocumentEach() throws Exception {
    // a third store in a consumer group of its own reads every enriched article too, so each article is
    // written by two stores at about the same moment: the unique id and the version guard must make it one
    system.start(Map.of("NEWSFLOW_STORE_CONSUMERGROUP", "newsflow-store-race",
        "SPRING_KAFKA_CONSUMER_AUTOOFFSETRESET", "latest"), "store-service-3");
    Thread.sleep(3_000);
    SyntheticArticles run = new SyntheticArticles("race");
    try (Seeder seeder = new Seeder(system.kafkaBootstrapServers(), run)) {
      int seeded = 300;
      seeder.publish(0, seeded, 30);
      seeder.awaitDone(Duration.ofSeconds(60));
      Ledger.Tally tally = ledger.awaitComplete(run.idsUpTo(seeded), Duration.ofSeconds(300));
      // both groups must have consumed everything before the count means "two writers"
      Http.await(Duration.ofSeconds(120), "the race group consumed every enriched article", () -> {
        long race = Offsets.sum(Offsets.committed(system.kafkaBootstrapServers(), "newsflow-store-race",
            io.newsflow.model.topic.Topics.ENRICHED_ARTICLES.name()));
        long main = Offsets.sum(Offsets.committed(system.kafkaBootstrapServers(), "newsflow-store",
            io.newsflow.model.topic.Topics.ENRICHED_ARTICLES.name()));
        return race >= main && race > 0 ? true : null;
      });
      tally = ledger.count(run.idsUpTo(seeded));
      Map<String, Integer> timeline = Ledger.awaitTimeline(system.url("store-service"), run.feedId(), seeded,
          Duration.ofSeconds(60));
      long timelineTwice = timeline.values().stream().filter(c -> c > 1).count();
      log.info("FIGURES store-race: {} articles each written by two store groups at once: {}; timeline items {} (twice {})",
          seeded, tally, timeline.size(), timelineTwice);
      assertThat(tally.isExact()).as(tally.toString()).isTrue();
      Ledger.checkVersions(tally, "store-race");
      assertThat(timeline).hasSize(seeded);
      assertThat(timelineTwice).isZero();
    }
  }
}
