package io.newsflow.e2e.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.model.json.EventJson;
import io.newsflow.model.topic.Topics;
import io.newsflow.model.topic.Topics.DeadLetterHeaders;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
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
 * Hostile input against the assembled system: poison records on every topic it consumes, a dead-letter
 * topic that refuses writes, hostile feed hosts, and hostile API requests. Each gets a clear, categorised
 * outcome, and meanwhile ordinary articles and an ordinary feed keep flowing.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileInputIT {

  private static final Logger log = LoggerFactory.getLogger(HostileInputIT.class);

  @TempDir
  static Path data;

  private static FaultSystem system;
  private static Ledger ledger;
  private static HostileFeedServer hostile;
  private static GrowingFeedServer normalFeed;
  private static GrowingFeedServer ordinaryFeed;

  @BeforeAll
  static void startSystem() throws Exception {
    hostile = new HostileFeedServer();
    normalFeed = new GrowingFeedServer("hostile-normal", 30, 10);
    ordinaryFeed = new GrowingFeedServer("hostile-ordinary", 60, 2);
    system = new FaultSystem(data, "hostile-input")
        // the address guard on, with only the test's two feed hosts let through
        .env("NEWSFLOW_ALLOW_PRIVATE_FEEDS", "false")
        .env("NEWSFLOW_ALLOWED_HOSTS", hostile.hostAndPort() + "," + normalFeed.hostAndPort() + "," + ordinaryFeed.hostAndPort())
        .env("NEWSFLOW_INGEST_HTTP_FETCHDEADLINE", "PT5S")
        .env("NEWSFLOW_INGEST_SCHEDULE_DEFAULTMINPOLLINTERVAL", "PT2S")
        .env("NEWSFLOW_INGEST_SCHEDULE_DEFAULTMAXPOLLINTERVAL", "PT4S");
    system.start("store-service", "enrich-service", "ingest-service", "api-gateway");
    ledger = new Ledger(system.kafkaBootstrapServers(), system.mongoUri());
  }

  @AfterAll
  static void stopSystem() throws Exception {
    if (system != null) {
      system.close();
    }
    if (hostile != null) {
      hostile.close();
    }
    if (normalFeed != null) {
      normalFeed.close();
    }
    if (ordinaryFeed != null) {
      ordinaryFeed.close();
    }
  }

  @Test
  @Order(1)
  void poisonRecordsOnEveryConsumedTopicAreSetAsideAndTheNextRecordIsProcessed() throws Exception {
    SyntheticArticles run = new SyntheticArticles("poison");
    byte[] garbage = "{\"eventId\": \"x\", \"oops\": [1, 2,".getBytes(StandardCharsets.UTF_8);
    byte[] binary = {0, 1, 2, (byte) 0xff, (byte) 0xfe, '{', '}'};
    try (PoisonRecords poison = new PoisonRecords(system.kafkaBootstrapServers());
         LiveStreamReader live = new LiveStreamReader()) {
      live.connect(system.url("api-gateway"), FaultSystem.READER_KEY);
      live.awaitConnected(Duration.ofSeconds(60));
      Map<String, RecordMetadata> sent = new LinkedHashMap<>();
      sent.put("raw-garbage", poison.send(Topics.RAW_ARTICLES.name(), null, "poison-raw-garbage", garbage));
      // a well-formed raw article under a key that is not its id: breaks the contract, not the parser
      byte[] wrongKey = EventJson.toBytes(run.article(100));
      sent.put("raw-wrong-key", poison.send(Topics.RAW_ARTICLES.name(), null, "poison-raw-wrong-key", wrongKey));
      sent.put("enriched-binary", poison.send(Topics.ENRICHED_ARTICLES.name(), null, "poison-enriched-binary", binary));
      sent.put("feeds-garbage", poison.send(Topics.FEEDS.name(), null, "poison-feed", garbage));
      sent.put("cursors-garbage", poison.send("newsflow.ingest.cursors", null, "poison-cursor", garbage));
      sent.put("signatures-garbage", poison.send("newsflow.enrich.signatures.v1", null, "poison-signature", garbage));
      // the next records: valid articles on raw (then enriched), and a feed registered after the bad feed record
      Seeder seeder = new Seeder(system.kafkaBootstrapServers(), run);
      seeder.publish(0, 20, 20);
      seeder.awaitDone(Duration.ofSeconds(60));
      seeder.close();
      HttpResponse<String> registered = Http.postJson(system.url("api-gateway") + "/api/v1/feeds",
          "{\"url\": \"" + normalFeed.feedUrl() + "\"}", "X-API-Key", FaultSystem.OPERATOR_KEY);
      assertThat(registered.statusCode()).as(registered.body()).isIn(200, 201);
      normalFeed.open();

      List<String> expected = new ArrayList<>(run.idsUpTo(20));
      expected.addAll(normalFeed.ids());
      Ledger.Tally tally = ledger.awaitComplete(expected, Duration.ofSeconds(300));
      assertThat(tally.isExact()).as(tally.toString()).isTrue();
      assertThat(tally.deadLettered()).isZero();

      ConsumerRecord<String, byte[]> rawGarbage = awaitDeadLetter(Topics.RAW_ARTICLES.deadLetter(), "poison-raw-garbage");
      ConsumerRecord<String, byte[]> rawWrongKey = awaitDeadLetter(Topics.RAW_ARTICLES.deadLetter(), "poison-raw-wrong-key");
      ConsumerRecord<String, byte[]> enrichedBinary =
          awaitDeadLetter(Topics.ENRICHED_ARTICLES.deadLetter(), "poison-enriched-binary");
      assertDeadLetter(rawGarbage, garbage, Topics.RAW_ARTICLES.name(), sent.get("raw-garbage"), "enrich-service");
      assertDeadLetter(rawWrongKey, wrongKey, Topics.RAW_ARTICLES.name(),
          sent.get("raw-wrong-key"), "enrich-service");
      assertDeadLetter(enrichedBinary, binary, Topics.ENRICHED_ARTICLES.name(), sent.get("enriched-binary"), "store-service");
      assertThat(PoisonRecords.header(rawWrongKey, DeadLetterHeaders.REASON)).contains("key");

      // the state topics are followed without a consumer group (every instance reads all of them from the start),
      // so their services set a bad record aside in the log, by coordinates, instead of dead-lettering it
      String ingestLog = Files.readString(system.service("ingest-service").log());
      String enrichLog = Files.readString(system.service("enrich-service").log());
      assertThat(ingestLog).as("ingest notes the bad feed record").contains(coordinates(sent.get("feeds-garbage")));
      assertThat(ingestLog).as("ingest notes the bad cursor record").contains(coordinates(sent.get("cursors-garbage")));
      assertThat(enrichLog).as("enrich notes the bad signature").contains(coordinates(sent.get("signatures-garbage")));
      // and the live stream went on past the bad enriched record
      Http.await(Duration.ofSeconds(30), "the live stream delivering the articles after the poison",
          () -> run.idsUpTo(20).stream().allMatch(live.seen()::containsKey) ? true : null);
      log.info("FIGURES poison: 6 poison records (raw x2, enriched, feeds, cursors, signatures); dead-lettered with original "
          + "bytes and reasons: raw '{}', raw '{}', enriched '{}'; state topics skipped with coordinates in the logs; "
          + "next records: {}; live stream delivered {} of 20",
          PoisonRecords.header(rawGarbage, DeadLetterHeaders.REASON), PoisonRecords.header(rawWrongKey, DeadLetterHeaders.REASON),
          PoisonRecords.header(enrichedBinary, DeadLetterHeaders.REASON), tally,
          run.idsUpTo(20).stream().filter(live.seen()::containsKey).count());
    }
  }

  @Test
  @Order(2)
  void aDeadLetterTopicThatRefusesWritesNeverLetsTheRecordBeSkipped() throws Exception {
    SyntheticArticles run = new SyntheticArticles("dlt-blocked");
    String rawDlt = Topics.RAW_ARTICLES.deadLetter();
    String enrichedDlt = Topics.ENRICHED_ARTICLES.deadLetter();
    byte[] rawPoison = "raw poison that no dead-letter topic will take".getBytes(StandardCharsets.UTF_8);
    byte[] enrichedPoison = "enriched poison that no dead-letter topic will take".getBytes(StandardCharsets.UTF_8);
    try (PoisonRecords poison = new PoisonRecords(system.kafkaBootstrapServers())) {
      poison.makeUnwritable(rawDlt);
      poison.makeUnwritable(enrichedDlt);
      long blocked = System.nanoTime();
      // poison first, then a valid article behind it on the same partition
      RecordMetadata rawBad = poison.send(Topics.RAW_ARTICLES.name(), 0, "poison-raw-blocked", rawPoison);
      RecordMetadata behind = poison.send(Topics.RAW_ARTICLES.name(), 0, run.id(0), EventJson.toBytes(run.article(0)));
      RecordMetadata enrichedBad = poison.send(Topics.ENRICHED_ARTICLES.name(), 0, "poison-enriched-blocked", enrichedPoison);
      Thread.sleep(15_000);

      Map<String, Long> enrichCommitted = Offsets.committed(system.kafkaBootstrapServers(), "newsflow-enrich",
          Topics.RAW_ARTICLES.name());
      Map<String, Long> storeCommitted = Offsets.committed(system.kafkaBootstrapServers(), "newsflow-store",
          Topics.ENRICHED_ARTICLES.name());
      boolean rawPoisonInDlt = hasKey(rawDlt, "poison-raw-blocked");
      boolean enrichedPoisonInDlt = hasKey(enrichedDlt, "poison-enriched-blocked");
      boolean behindStored = !ledger.storedVersions(List.of(run.id(0))).isEmpty();
      log.info("FIGURES dlt-blocked: after 15 s with both dead-letter topics refusing writes: enrich committed {} "
              + "(poison at {}-{}@{}), store committed {} (poison at {}-{}@{}); article behind the raw poison stored: {}",
          enrichCommitted, rawBad.topic(), rawBad.partition(), rawBad.offset(), storeCommitted,
          enrichedBad.topic(), enrichedBad.partition(), enrichedBad.offset(), behindStored);
      assertThat(rawPoisonInDlt).isFalse();
      assertThat(enrichedPoisonInDlt).isFalse();
      assertThat(enrichCommitted.getOrDefault(Topics.RAW_ARTICLES.name() + "-0", 0L))
          .as("enrich's committed offset stays at the raw poison").isLessThanOrEqualTo(rawBad.offset());
      assertThat(storeCommitted.getOrDefault(Topics.ENRICHED_ARTICLES.name() + "-0", 0L))
          .as("store's committed offset stays at the enriched poison").isLessThanOrEqualTo(enrichedBad.offset());
      assertThat(behindStored).as("the article behind the poison is not processed past it").isFalse();

      poison.makeWritable(rawDlt);
      poison.makeWritable(enrichedDlt);
      double blockedFor = Http.secondsSince(blocked);
      long opened = System.nanoTime();
      ConsumerRecord<String, byte[]> rawDead = awaitDeadLetter(rawDlt, "poison-raw-blocked");
      ConsumerRecord<String, byte[]> enrichedDead = awaitDeadLetter(enrichedDlt, "poison-enriched-blocked");
      assertThat(rawDead.value()).isEqualTo(rawPoison);
      assertThat(enrichedDead.value()).isEqualTo(enrichedPoison);
      Ledger.Tally tally = ledger.awaitComplete(List.of(run.id(0)), Duration.ofSeconds(60));
      assertThat(tally.isExact()).as(tally.toString()).isTrue();
      Map<String, Long> enrichAfter = Http.await(Duration.ofSeconds(60), "enrich committing past the poison", () -> {
        Map<String, Long> c = Offsets.committed(system.kafkaBootstrapServers(), "newsflow-enrich", Topics.RAW_ARTICLES.name());
        return c.getOrDefault(Topics.RAW_ARTICLES.name() + "-0", 0L) > behind.offset() ? c : null;
      });
      Http.await(Duration.ofSeconds(60), "store committing past the poison", () -> {
        Map<String, Long> c = Offsets.committed(system.kafkaBootstrapServers(), "newsflow-store", Topics.ENRICHED_ARTICLES.name());
        return c.getOrDefault(Topics.ENRICHED_ARTICLES.name() + "-0", 0L) > enrichedBad.offset() ? c : null;
      });
      log.info("FIGURES dlt-blocked: blocked {} s; after the topics took writes again both poison records were "
          + "dead-lettered and the article behind stored within {} s; enrich committed {}; {}",
          blockedFor, Http.secondsSince(opened), enrichAfter, tally);
    }
  }

  @Test
  @Order(3)
  void hostileFeedHostsGetCategorisedErrorsWhileAnOrdinaryFeedFlows() throws Exception {
    HostileFeedChecks.run(system, hostile, ordinaryFeed, ledger, log);
  }

  @Test
  @Order(4)
  void hostileApiRequestsGetClearCategorisedErrors() throws Exception {
    HostileApiChecks.run(system, log);
  }

  private static String coordinates(RecordMetadata m) {
    return m.topic() + "-" + m.partition() + "@" + m.offset();
  }

  private static void assertDeadLetter(ConsumerRecord<String, byte[]> dead, byte[] original, String topic,
      RecordMetadata from, String service) {
    assertThat(dead.value()).as("original bytes").isEqualTo(original);
    assertThat(PoisonRecords.header(dead, DeadLetterHeaders.REASON)).as("reason header").isNotBlank();
    assertThat(PoisonRecords.header(dead, DeadLetterHeaders.EXCEPTION)).as("exception header").isNotBlank();
    assertThat(PoisonRecords.header(dead, DeadLetterHeaders.ORIGINAL_TOPIC)).isEqualTo(topic);
    assertThat(PoisonRecords.header(dead, DeadLetterHeaders.ORIGINAL_PARTITION)).isEqualTo(String.valueOf(from.partition()));
    assertThat(PoisonRecords.header(dead, DeadLetterHeaders.ORIGINAL_OFFSET)).isEqualTo(String.valueOf(from.offset()));
    assertThat(PoisonRecords.header(dead, DeadLetterHeaders.SERVICE)).isEqualTo(service);
  }

  private static ConsumerRecord<String, byte[]> awaitDeadLetter(String topic, String key) throws Exception {
    return Http.await(Duration.ofSeconds(60), key + " in " + topic, () -> ledger.readAll(topic).stream()
        .filter(r -> key.equals(r.key())).findFirst().orElse(null));
  }

  private static boolean hasKey(String topic, String key) {
    return ledger.readAll(topic).stream().anyMatch(r -> key.equals(r.key()));
  }

  static JsonNode json(String body) throws Exception {
    return EventJson.mapper().readTree(body);
  }
}
