package io.newsflow.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.localstack.EmbeddedKafkaBroker;
import io.newsflow.localstack.EmbeddedMongoServer;
import io.newsflow.model.article.EnrichedArticle;
import io.newsflow.model.json.EventJson;
import io.newsflow.model.topic.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole service: a real Kafka broker feeds enriched articles to the listener, the embedded
 * MongoDB-wire server (H2) stores them, and the internal HTTP API answers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class StoreServiceEndToEndTest {

  static Path dataDir;
  static EmbeddedKafkaBroker broker;
  static EmbeddedMongoServer mongo;
  static final HttpClient http = HttpClient.newHttpClient();

  @LocalServerPort
  int port;

  @DynamicPropertySource
  static void servers(DynamicPropertyRegistry registry) throws Exception {
    dataDir = Files.createTempDirectory("store-e2e");
    broker = new EmbeddedKafkaBroker(dataDir.resolve("kafka"), 0).start();
    mongo = new EmbeddedMongoServer(dataDir.resolve("mongo"), 0).start();
    registry.add("spring.kafka.bootstrap-servers", broker::bootstrapServers);
    registry.add("newsflow.store.mongodb-uri", mongo::uri);
    registry.add("spring.kafka.consumer.properties.metadata.max.age.ms", () -> "1000");
    registry.add("newsflow.store.actors.refresh-interval", () -> "0s");
  }

  /** Stops the servers when the test context closes, after its listener containers stopped. */
  @TestConfiguration(proxyBeanMethods = false)
  static class Servers {
    @Bean
    DisposableBean stopEmbeddedServers() {
      return () -> {
        broker.close();
        mongo.close();
      };
    }
  }

  @Test
  void consumesStoresAndServesArticles() throws Exception {
    Articles drills = StoreSuite.kazakhDrills("2024/09/drills-open", "2024-09-10T06:00:00Z").title("CSTO drills open at Matybulak");
    Articles closing = StoreSuite.kazakhDrills("2024/09/drills-close", "2024-09-14T18:45:00Z").title("CSTO drills end with live firing");
    Articles reprint = StoreSuite.kazakhDrills("2024/09/reprint", "2024-09-14T19:00:00Z").feed("f-astana-daily")
        .title("CSTO drills end with live firing (reprint)").duplicateOf(closing.id());
    EnrichedArticle first = drills.build();
    try (KafkaProducer<String, byte[]> producer = producer()) {
      send(producer, first.articleId(), EventJson.toBytes(first));
      send(producer, "broken-1", "{\"eventId\": \"x\", \"articleId\": 42".getBytes(StandardCharsets.UTF_8));
      send(producer, closing.id(), EventJson.toBytes(closing.build()));
      send(producer, reprint.id(), EventJson.toBytes(reprint.build()));
      send(producer, first.articleId(), EventJson.toBytes(first)); // a replay
    }

    String timeline = awaitBody("/internal/v1/timeline?actor=KAZ&theme=military-exercises", body -> body.contains(closing.id())
        && body.contains(first.articleId()));
    assertThat(timeline.indexOf(closing.id())).isLessThan(timeline.indexOf(first.articleId()));
    assertThat(timeline).doesNotContain(reprint.id()).contains("\"nextCursor\":null");
    awaitBody("/internal/v1/timeline?actor=KAZ&includeDuplicates=true", body -> body.contains(reprint.id()));

    HttpResponse<String> article = get("/internal/v1/articles/" + closing.id());
    assertThat(article.statusCode()).isEqualTo(200);
    assertThat(article.body()).contains("\"title\":\"CSTO drills end with live firing\"", "\"versionCount\":1",
        "\"duplicates\":[\"" + reprint.id() + "\"]", "\"text\":\"Troops from Kazakhstan", "\"canonicalUrl\"");
    HttpResponse<String> replayed = get("/internal/v1/articles/" + first.articleId());
    assertThat(replayed.body()).contains("\"versionCount\":1");

    HttpResponse<String> missing = get("/internal/v1/articles/0123456789abcdef0123456789abcdef");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).contains("problem+json"));
    HttpResponse<String> badLimit = get("/internal/v1/timeline?limit=500");
    assertThat(badLimit.statusCode()).isEqualTo(400);
    assertThat(badLimit.body()).contains("\"parameter\":\"limit\"");
    assertThat(get("/internal/v1/timeline?from=yesterday").statusCode()).isEqualTo(400);
    assertThat(get("/internal/v1/timeline?cursor=not-a-cursor").statusCode()).isEqualTo(400);

    ConsumerRecord<String, byte[]> dead = awaitDeadLetter();
    assertThat(dead.key()).isEqualTo("broken-1");
    assertThat(new String(dead.headers().lastHeader(Topics.DeadLetterHeaders.REASON).value(), StandardCharsets.UTF_8))
        .startsWith("malformed");
    assertThat(new String(dead.headers().lastHeader(Topics.DeadLetterHeaders.ORIGINAL_TOPIC).value(), StandardCharsets.UTF_8))
        .isEqualTo(Topics.ENRICHED_ARTICLES.name());

    HttpResponse<String> actors = get("/internal/v1/actors?q=KAZA&limit=5");
    assertThat(actors.statusCode()).isEqualTo(200);
    assertThat(actors.body()).isEqualTo("[{\"actorId\":\"KAZ\",\"name\":\"Kazakhstan\",\"type\":\"STATE\",\"articleCount\":2}]");
    assertThat(get("/internal/v1/actors").body()).startsWith("[{\"actorId\":\"KAZ\"").contains("\"actorId\":\"RUS\"");
    assertThat(get("/internal/v1/actors?q=uzbek").body()).isEqualTo("[]");
    assertThat(get("/internal/v1/actors?q=kaz&limit=0").statusCode()).isEqualTo(400);
    assertThat(get("/actuator/health").body()).contains("\"textSearch\":\"title-word fallback\"");

    HttpResponse<String> readiness = get("/actuator/health/readiness");
    assertThat(readiness.statusCode()).isEqualTo(200);
    assertThat(readiness.body()).contains("\"status\":\"UP\"");
  }

  private static KafkaProducer<String, byte[]> producer() {
    return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
        ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
  }

  private static void send(KafkaProducer<String, byte[]> producer, String key, byte[] value) throws Exception {
    producer.send(new ProducerRecord<>(Topics.ENRICHED_ARTICLES.name(), key, value)).get();
  }

  private ConsumerRecord<String, byte[]> awaitDeadLetter() {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    p.put(ConsumerConfig.GROUP_ID_CONFIG, "dlt-reader");
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(Topics.ENRICHED_ARTICLES.deadLetter()));
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (System.nanoTime() < deadline) {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
          return r;
        }
      }
    }
    throw new AssertionError("no dead letter within 60 s");
  }

  private String awaitBody(String path, java.util.function.Predicate<String> done) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    String last = null;
    while (System.nanoTime() < deadline) {
      HttpResponse<String> r = get(path);
      last = r.body();
      if (r.statusCode() == 200 && done.test(last)) {
        return last;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("timed out waiting on " + path + ", last body: " + last);
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
