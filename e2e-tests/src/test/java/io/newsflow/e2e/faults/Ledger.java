package io.newsflow.e2e.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import io.newsflow.model.json.EventJson;
import io.newsflow.model.topic.Topics;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bounce-test check: what is stored (MongoDB, counted by id, with its version count) plus what is in
 * the dead-letter topics, against what was seeded, and how often each article shows in the store's
 * timeline. {@link Tally#isExact()} when every seeded article is in exactly one place exactly once.
 */
final class Ledger {

  private static final Logger log = LoggerFactory.getLogger(Ledger.class);
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final String kafkaBootstrapServers;
  private final String mongoUri;

  Ledger(String kafkaBootstrapServers, String mongoUri) {
    this.kafkaBootstrapServers = kafkaBootstrapServers;
    this.mongoUri = mongoUri;
  }

  /** What the system holds of {@code expected}. */
  record Tally(int seeded, int stored, int deadLettered, Set<String> missing, Set<String> storedAndDeadLettered,
      Set<String> deadLetteredTwice, int reVersioned, int versionsBeyondEvents) {

    boolean isComplete() {
      return missing.isEmpty();
    }

    boolean isExact() {
      return missing.isEmpty() && storedAndDeadLettered.isEmpty() && deadLetteredTwice.isEmpty();
    }

    @Override
    public String toString() {
      return "seeded=" + seeded + " stored=" + stored + " deadLettered=" + deadLettered + " missing=" + missing.size()
          + " storedAndDeadLettered=" + storedAndDeadLettered.size() + " deadLetteredTwice=" + deadLetteredTwice.size()
          + " storedWithMoreThanOneVersion=" + reVersioned + " (of which counting more versions than enriched events: "
          + versionsBeyondEvents + ")" + (missing.isEmpty() ? "" : " firstMissing=" + first(missing));
    }

    private static String first(Set<String> s) {
      return s.stream().limit(5).toList().toString();
    }
  }

  Tally count(Collection<String> expected) {
    Map<String, Integer> versions = storedVersions(expected);
    Map<String, Integer> dead = deadLetterCounts(expected);
    Set<String> missing = new TreeSet<>();
    Set<String> both = new TreeSet<>();
    Set<String> deadTwice = new TreeSet<>();
    for (String id : expected) {
      boolean stored = versions.containsKey(id);
      int d = dead.getOrDefault(id, 0);
      if (!stored && d == 0) {
        missing.add(id);
      }
      if (stored && d > 0) {
        both.add(id);
      }
      if (d > 1) {
        deadTwice.add(id);
      }
    }
    int reVersioned = (int) versions.values().stream().filter(v -> v > 1).count();
    int beyond = 0;
    if (reVersioned > 0) {
      // a second version is right when enrich published the article twice (a redelivered raw record is
      // enriched again, with a new occurredAt); more versions than enriched events means store counted a retry
      Map<String, Integer> events = recordCounts(Topics.ENRICHED_ARTICLES.name(), versions.keySet());
      beyond = (int) versions.entrySet().stream().filter(e -> e.getValue() > events.getOrDefault(e.getKey(), 0)).count();
    }
    return new Tally(expected.size(), versions.size(), dead.size(), missing, both, deadTwice, reVersioned, beyond);
  }

  /** Fails when an article is stored with more versions than enriched events: a retry or a second store counted twice. */
  static void checkVersions(Tally tally, String test) {
    if (tally.versionsBeyondEvents() > 0) {
      throw new AssertionError(test + ": " + tally.versionsBeyondEvents() + " articles stored with more versions than "
          + "enriched events (the same enriched event, redelivered or written by a second store, counted as a new version)");
    }
  }

  /** Polls until every expected article is stored or dead-lettered, or the timeout passes; returns the last tally. */
  Tally awaitComplete(Collection<String> expected, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    Tally tally = count(expected);
    while (!tally.isComplete() && System.nanoTime() < deadline) {
      Thread.sleep(1000);
      tally = count(expected);
    }
    return tally;
  }

  /** Article id to its version count, for the stored ones among {@code ids}. */
  Map<String, Integer> storedVersions(Collection<String> ids) {
    Map<String, Integer> found = new HashMap<>();
    try (MongoClient client = MongoClients.create(mongoUri)) {
      client.getDatabase("newsflow").getCollection("articles")
          .find(Filters.in("_id", new ArrayList<>(ids))).projection(Projections.include("versionCount"))
          .forEach((Document d) -> found.merge(d.getString("_id"), d.getInteger("versionCount", 1), Math::max));
    }
    return found;
  }

  /** How often each of {@code ids} is in the raw or enriched dead-letter topic. */
  Map<String, Integer> deadLetterCounts(Collection<String> ids) {
    Map<String, Integer> counts = new HashMap<>(recordCounts(Topics.RAW_ARTICLES.deadLetter(), ids));
    recordCounts(Topics.ENRICHED_ARTICLES.deadLetter(), ids).forEach((k, v) -> counts.merge(k, v, Integer::sum));
    return counts;
  }

  /** How many records of {@code topic} have each of {@code ids} as key. */
  Map<String, Integer> recordCounts(String topic, Collection<String> ids) {
    Set<String> wanted = Set.copyOf(ids);
    Map<String, Integer> counts = new HashMap<>();
    for (ConsumerRecord<String, byte[]> r : readAll(topic)) {
      if (r.key() != null && wanted.contains(r.key())) {
        counts.merge(r.key(), 1, Integer::sum);
      }
    }
    return counts;
  }

  /** Every record of {@code topic} from its beginning to its current end; empty if it does not exist. */
  List<ConsumerRecord<String, byte[]>> readAll(String topic) {
    List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrapServers,
        ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false,
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = c.partitionsFor(topic, Duration.ofSeconds(10)).stream()
          .map(p -> new TopicPartition(topic, p.partition())).toList();
      if (partitions.isEmpty()) {
        return records;
      }
      c.assign(partitions);
      c.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = c.endOffsets(partitions);
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (partitions.stream().anyMatch(p -> c.position(p) < end.get(p)) && System.nanoTime() < deadline) {
        c.poll(Duration.ofMillis(200)).forEach(records::add);
      }
    }
    return records;
  }

  /**
   * The timeline counts of {@code feedId} once it shows at least {@code expected} articles (store makes an
   * article visible on timelines after its document is written, so the two may differ for a moment), or the
   * last counts when {@code timeout} passed.
   */
  static Map<String, Integer> awaitTimeline(String storeUrl, String feedId, int expected, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    Map<String, Integer> counts = timelineCounts(storeUrl, feedId);
    while (counts.size() < expected && System.nanoTime() < deadline) {
      Thread.sleep(1000);
      counts = timelineCounts(storeUrl, feedId);
    }
    return counts;
  }

  /** How often each article of {@code feedId} appears in store's timeline (duplicates included), paging to the end. */
  static Map<String, Integer> timelineCounts(String storeUrl, String feedId) throws Exception {
    Map<String, Integer> counts = new HashMap<>();
    String cursor = null;
    for (int page = 0; page < 500; page++) {
      String url = storeUrl + "/internal/v1/timeline?limit=200&includeDuplicates=true&source="
          + URLEncoder.encode(feedId, StandardCharsets.UTF_8)
          + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
      HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
          HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException("timeline answered " + response.statusCode() + ": " + response.body());
      }
      JsonNode body = EventJson.mapper().readTree(response.body());
      body.get("items").forEach(i -> counts.merge(i.get("articleId").asText(), 1, Integer::sum));
      JsonNode next = body.get("nextCursor");
      if (next == null || next.isNull()) {
        return counts;
      }
      cursor = next.asText();
    }
    log.warn("timeline of {} not exhausted after 500 pages", feedId);
    return counts;
  }
}
