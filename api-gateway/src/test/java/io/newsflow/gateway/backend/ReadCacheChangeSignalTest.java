package io.newsflow.gateway.backend;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.newsflow.gateway.support.FakeBackend.Reply;
import io.newsflow.gateway.support.GatewayTest;
import io.newsflow.localstack.EmbeddedKafkaBroker;
import io.newsflow.model.SampleEvents;
import io.newsflow.model.article.ActorTag;
import io.newsflow.model.article.Dedupe;
import io.newsflow.model.article.DedupeVerdict;
import io.newsflow.model.article.EnrichedArticle;
import io.newsflow.model.article.RawArticle;
import io.newsflow.model.article.ThemeTag;
import io.newsflow.model.json.EventJson;
import io.newsflow.model.topic.Topics;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The read cache fed by a real Kafka broker: a new article on the enriched topic refreshes the cached
 * timelines it belongs to (and only those) once store-service has written it, while readers keep
 * getting the cached answer until the refresh is done. The TTLs are a minute, so any refresh seen
 * here came from a change signal; the test plays store-service's part by committing its consumer
 * group's offsets, which store-service does after writing a batch.
 */
@MicronautTest
class ReadCacheChangeSignalTest extends GatewayTest {

  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final String OLD = "{\"items\":[{\"title\":\"Astana hosts SCO foreign ministers\"}],\"nextCursor\":null}";
  private static final String NEW = "{\"items\":[{\"title\":\"Kazakh and Russian troops drill at Oral\"},"
      + "{\"title\":\"Astana hosts SCO foreign ministers\"}],\"nextCursor\":null}";

  private static final String STORE_GROUP = "newsflow-store";
  private EmbeddedKafkaBroker broker;
  private KafkaProducer<String, byte[]> producer;

  @Inject
  ReadCache cache;

  @Override
  protected Map<String, String> extraProperties() {
    try {
      broker = new EmbeddedKafkaBroker(Files.createTempDirectory("gateway-cache-kafka"), 0).start();
      try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
        admin.createTopics(List.of(new NewTopic(Topics.ENRICHED_ARTICLES.name(), 1, (short) 1))).all().get();
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    Properties config = new Properties();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    return Map.of(
        "newsflow.gateway.live-enabled", "true",
        "newsflow.gateway.kafka-bootstrap-servers", broker.bootstrapServers(),
        "newsflow.gateway.read-cache-ttl", "60s",
        "newsflow.gateway.read-cache-max-stale", "120s",
        "newsflow.gateway.read-cache-blind-ttl", "60s",
        "newsflow.gateway.read-cache-settle", "200ms",
        "newsflow.gateway.read-cache-store-wait", "60s",
        "newsflow.gateway.store-consumer-group", STORE_GROUP);
  }

  @AfterAll
  void stopKafka() {
    producer.close();
    broker.close();
  }

  @BeforeEach
  void followTheTopicWithAnEmptyCache() throws InterruptedException {
    await(() -> cache.isFollowingChanges(), "the gateway follows the enriched topic");
    cache.invalidateAll();
  }

  @Test
  void aNewArticleRefreshesTheTimelinesItBelongsToAndNoOther() throws Exception {
    store.on("GET /internal/v1/timeline?actor=KAZ&limit=50", Reply.json(200, OLD));
    store.on("GET /internal/v1/timeline?actor=MNG&limit=50", Reply.json(200, "{\"items\":[],\"nextCursor\":null}"));
    for (int i = 0; i < 3; i++) {
      assertThat(http.get("/api/v1/timeline?actor=KAZ&limit=50").body()).isEqualTo(OLD);
      http.get("/api/v1/timeline?actor=MNG&limit=50");
    }
    assertThat(store.requests()).hasSize(2);

    store.on("GET /internal/v1/timeline?actor=KAZ&limit=50", Reply.json(200, NEW));
    storeWrote(publish(article("Kazakh and Russian troops drill at Oral", "KAZ", "RUS")));

    await(() -> NEW.equals(http.get("/api/v1/timeline?actor=KAZ&limit=50").body()), "the Kazakh timeline shows the article");
    assertThat(store.requests()).extracting(r -> r.query()).containsExactly(
        "actor=KAZ&limit=50", "actor=MNG&limit=50", "actor=KAZ&limit=50");
    assertThat(cache.changeCounts().get("refreshedOnChange")).isGreaterThanOrEqualTo(1L);
  }

  @Test
  void readersGetTheCachedAnswerAtOnceWhileTheStoreIsSlowToRefreshIt() throws Exception {
    store.on("GET /internal/v1/timeline?actor=RUS&limit=50", Reply.json(200, OLD));
    http.get("/api/v1/timeline?actor=RUS&limit=50");
    http.get("/api/v1/timeline?actor=RUS&limit=50");

    store.on("GET /internal/v1/timeline?actor=RUS&limit=50", Reply.json(200, NEW).after(2_500));
    storeWrote(publish(article("Lavrov and Vassilenko discuss the CPC pipeline", "RUS", "KAZ")));
    await(() -> store.requests().size() == 2, "the refresh reached the store");

    long started = System.nanoTime();
    HttpResponse<String> during = http.get("/api/v1/timeline?actor=RUS&limit=50");
    long millis = (System.nanoTime() - started) / 1_000_000;
    assertThat(during.body()).as("the cached answer, not a wait for the slow store").isEqualTo(OLD);
    assertThat(millis).as("answered from memory while the store takes 2.5 s").isLessThan(1_500);

    await(() -> NEW.equals(http.get("/api/v1/timeline?actor=RUS&limit=50").body()), "the refreshed answer");
    assertThat(store.requests()).hasSize(2);
  }

  @Test
  void waitsForStoreServiceToWriteTheArticleBeforeRefreshing() throws Exception {
    store.on("GET /internal/v1/timeline?actor=CHN&limit=50", Reply.json(200, OLD));
    http.get("/api/v1/timeline?actor=CHN&limit=50");
    http.get("/api/v1/timeline?actor=CHN&limit=50");

    long offset = publish(article("Xi Jinping opens the China-Central Asia summit in Astana", "CHN", "KAZ"));
    Thread.sleep(1_500); // the gateway has read it by now (it polls every 0.5 s), but store-service has not written it
    assertThat(store.requests()).as("a refresh now would fetch the store's old answer").hasSize(1);

    store.on("GET /internal/v1/timeline?actor=CHN&limit=50", Reply.json(200, NEW));
    storeWrote(offset);
    await(() -> NEW.equals(http.get("/api/v1/timeline?actor=CHN&limit=50").body()), "refreshed once store-service wrote it");
    assertThat(store.requests()).hasSize(2);
  }

  /** @return the record's offset */
  private long publish(EnrichedArticle article) throws Exception {
    return producer.send(new ProducerRecord<>(Topics.ENRICHED_ARTICLES.name(), article.articleId(), EventJson.toBytes(article)))
        .get().offset();
  }

  /** What store-service does after writing a batch: commit its consumer group's offset past it. */
  private void storeWrote(long offset) {
    Properties config = new Properties();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    config.put(ConsumerConfig.GROUP_ID_CONFIG, STORE_GROUP);
    try (KafkaConsumer<String, byte[]> storeService = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
      TopicPartition partition = new TopicPartition(Topics.ENRICHED_ARTICLES.name(), 0);
      storeService.assign(List.of(partition));
      storeService.commitSync(Map.of(partition, new OffsetAndMetadata(offset + 1)));
    }
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + WAIT + ": " + what);
      }
      Thread.sleep(50);
    }
  }

  private static EnrichedArticle article(String title, String... actorIds) {
    String url = "https://steppe-herald.example/news/" + UUID.randomUUID();
    RawArticle raw = SampleEvents.rawArticle(url, title, title + ". Officials in Astana confirmed the talks on Thursday.");
    return new EnrichedArticle(UUID.randomUUID().toString(), EnrichedArticle.SCHEMA_VERSION, raw.fetchedAt(), raw.articleId(), raw,
        new Dedupe(DedupeVerdict.NEW, null, 0.0, "s-" + UUID.randomUUID(), raw.contentHash()),
        List.of(actorIds).stream().map(id -> new ActorTag(id, id, "STATE", 1, 0, true, false, 0.7, List.of())).toList(),
        List.<ThemeTag>of(), List.of(), "2024.1", "2024.1");
  }
}
