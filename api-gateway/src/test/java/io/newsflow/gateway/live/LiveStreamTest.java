package io.newsflow.gateway.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.newsflow.gateway.support.GatewayTest;
import io.newsflow.localstack.EmbeddedKafkaBroker;
import io.newsflow.model.SampleEvents;
import io.newsflow.model.article.ActorTag;
import io.newsflow.model.article.Dedupe;
import io.newsflow.model.article.DedupeVerdict;
import io.newsflow.model.article.EnrichedArticle;
import io.newsflow.model.article.RawArticle;
import io.newsflow.model.article.Span;
import io.newsflow.model.article.ThemeTag;
import io.newsflow.model.json.EventJson;
import io.newsflow.model.topic.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The live stream fed by a real Kafka broker, read as a browser's EventSource would. */
@MicronautTest
class LiveStreamTest extends GatewayTest {

  private static final Duration WAIT = Duration.ofSeconds(20);
  private EmbeddedKafkaBroker broker;
  private KafkaProducer<String, byte[]> producer;

  @Override
  protected Map<String, String> extraProperties() {
    try {
      broker = new EmbeddedKafkaBroker(Files.createTempDirectory("gateway-live-kafka"), 0).start();
      try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
        admin.createTopics(List.of(new NewTopic(Topics.ENRICHED_ARTICLES.name(), 1, (short) 1))).all().get();
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    Properties config = new Properties();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    return Map.of("newsflow.gateway.live-enabled", "true", "newsflow.gateway.kafka-bootstrap-servers", broker.bootstrapServers());
  }

  @AfterAll
  void stopKafka() {
    producer.close();
    broker.close();
  }

  @Test
  void streamsMatchingArticlesAndResumesAfterTheLastEventId() throws Exception {
    String url = server.getURL() + "/api/v1/live?actor=KAZ&theme=military-exercises";
    String firstId;
    try (SseReader reader = new SseReader(url, null)) {
      assertThat(reader.status()).isEqualTo(200);
      awaitSubscribed(1);
      // bad records are logged and skipped; the stream goes on with the next article
      publishRaw("<html>502 Bad Gateway</html>".getBytes(java.nio.charset.StandardCharsets.UTF_8));
      publishRaw("null".getBytes(java.nio.charset.StandardCharsets.UTF_8));
      publishRaw(null); // a tombstone
      publish(article("Kazakh and Russian troops drill at Oral", "KAZ", "military-exercises", DedupeVerdict.NEW));
      publish(article("CSTO secretary-general visits Dushanbe", "org.csto", "military-exercises", DedupeVerdict.NEW));
      publish(article("Kazakhstan raises CPC oil quota", "KAZ", "energy-transit", DedupeVerdict.NEW));
      publish(article("Reprint: Kazakh and Russian troops drill at Oral", "KAZ", "military-exercises", DedupeVerdict.DUPLICATE));
      publish(article("Astana hosts Steppe Eagle staff talks", "KAZ", "military-exercises", DedupeVerdict.NEW));

      SseReader.SseEvent first = reader.next(WAIT);
      assertThat(first.name()).isEqualTo("article");
      JsonNode item = EventJson.mapper().readTree(first.data());
      assertThat(item.get("title").asText()).isEqualTo("Kazakh and Russian troops drill at Oral");
      assertThat(item.get("themes").get(0).get("evidence").get(0).asText()).isEqualTo("joint exercises");
      firstId = first.id();
      assertThat(firstId).matches("0-\\d+");

      SseReader.SseEvent second = reader.next(WAIT);
      assertThat(EventJson.mapper().readTree(second.data()).get("title").asText()).isEqualTo("Astana hosts Steppe Eagle staff talks");
      assertThat(reader.poll(Duration.ofMillis(500))).as("no other article matches").isNull();
    }

    try (SseReader resumed = new SseReader(url, firstId)) {
      SseReader.SseEvent replayed = resumed.next(WAIT);
      assertThat(EventJson.mapper().readTree(replayed.data()).get("title").asText()).isEqualTo("Astana hosts Steppe Eagle staff talks");
      assertThat(resumed.poll(Duration.ofMillis(500))).isNull();
    }
  }

  @Test
  void rejectsAnInvalidFilter() {
    assertThat(http.get("/api/v1/live?actor=%3Cb%3E").statusCode()).isEqualTo(400);
  }

  private void awaitSubscribed(int count) throws InterruptedException {
    LiveHub hub = server.getApplicationContext().getBean(LiveHub.class);
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (hub.subscriberCount() < count && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(hub.subscriberCount()).isGreaterThanOrEqualTo(count);
  }

  private void publishRaw(byte[] value) throws Exception {
    producer.send(new ProducerRecord<>(Topics.ENRICHED_ARTICLES.name(), "bad", value)).get();
  }

  private void publish(EnrichedArticle article) throws Exception {
    producer.send(new ProducerRecord<>(Topics.ENRICHED_ARTICLES.name(), article.articleId(), EventJson.toBytes(article))).get();
  }

  private static EnrichedArticle article(String title, String actorId, String themeId, DedupeVerdict verdict) {
    String url = "https://steppe-herald.example/news/" + UUID.randomUUID();
    RawArticle raw = SampleEvents.rawArticle(url, title, title + ". The defence ministry said the joint exercises would last a week.");
    return new EnrichedArticle(UUID.randomUUID().toString(), EnrichedArticle.SCHEMA_VERSION, raw.fetchedAt(), raw.articleId(), raw,
        new Dedupe(verdict, verdict == DedupeVerdict.DUPLICATE ? "0123456789abcdef0123456789abcdef" : null, 0.97, "s-1", raw.contentHash()),
        List.of(new ActorTag(actorId, actorId, "STATE", 1, 0, true, false, 0.8, List.of())),
        List.of(new ThemeTag(themeId, themeId, 2.5, "2024.1", List.of(new Span("text", 10, 25, "joint exercises")))),
        List.of(), "2024.1", "2024.1");
  }
}
