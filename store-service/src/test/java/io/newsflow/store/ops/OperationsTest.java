package io.newsflow.store.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.localstack.EmbeddedKafkaBroker;
import io.newsflow.localstack.EmbeddedMongoServer;
import io.newsflow.localstack.Ports;
import io.newsflow.model.article.EnrichedArticle;
import io.newsflow.model.json.EventJson;
import io.newsflow.model.topic.Topics;
import io.newsflow.store.Articles;
import io.newsflow.store.StoreApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What an operator sees of a running store-service: readiness follows MongoDB and the broker, each
 * named in the answer; the Prometheus endpoint counts stored articles and dead letters by reason, reports
 * the stored total, and carries the enriched-topic consumer's lag; a JSON log line about one record names it.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OperationsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir static Path dataDir;
  static EmbeddedKafkaBroker broker;
  static EmbeddedMongoServer mongo;
  static ConfigurableApplicationContext app;
  static String base;

  @BeforeAll
  static void start() {
    broker = new EmbeddedKafkaBroker(dataDir.resolve("kafka"), 0).start();
    mongo = EmbeddedMongoServer.inMemory().start();
    int port = Ports.free();
    app = new SpringApplicationBuilder(StoreApplication.class).run(
        "--server.port=" + port,
        "--spring.kafka.bootstrap-servers=" + broker.bootstrapServers(),
        "--spring.kafka.consumer.properties.metadata.max.age.ms=1000",
        "--newsflow.store.mongodb-uri=" + mongo.uri(),
        "--newsflow.store.consumer-group=store-ops-test",
        "--newsflow.ops.kafka-check-cache=0s",
        "--newsflow.ops.kafka-check-timeout=1s",
        "--newsflow.log-format=json",
        "--logging.config=classpath:ops/structured-logback.xml");
    base = "http://127.0.0.1:" + port;
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
    if (broker != null) {
      broker.close();
    }
    if (mongo != null) {
      mongo.close();
    }
  }

  @Test
  @Order(1)
  void readinessIsUpWithMongoAndKafkaChecksInIt() throws Exception {
    JsonNode body = JSON.readTree(awaitStatus("/actuator/health/readiness", 200).body());
    assertThat(body.path("components").path("mongo").path("status").asText()).isEqualTo("UP");
    assertThat(body.path("components").path("kafka").path("status").asText()).isEqualTo("UP");
  }

  @Test
  @Order(2)
  void prometheusCountsStoredArticlesAndDeadLettersAndTheLogLineNamesTheArticle(CapturedOutput output) throws Exception {
    EnrichedArticle first = Articles.article("2025/02/aktau-port-expansion").publishedAt("2025-02-11T08:00:00Z")
        .title("Aktau port expansion gets Azerbaijani partner").actor("KAZ", "Kazakhstan", "STATE", 0.9).build();
    EnrichedArticle second = Articles.article("2025/02/middle-corridor-volumes").publishedAt("2025-02-12T09:30:00Z")
        .title("Middle Corridor volumes up a third").actor("KAZ", "Kazakhstan", "STATE", 0.8).build();
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
      producer.send(new ProducerRecord<>(Topics.ENRICHED_ARTICLES.name(), first.articleId(), EventJson.toBytes(first))).get();
      producer.send(new ProducerRecord<>(Topics.ENRICHED_ARTICLES.name(), "broken-ops-1",
          "{\"eventId\": \"x\", \"articleId\": 42".getBytes(StandardCharsets.UTF_8))).get();
      producer.send(new ProducerRecord<>(Topics.ENRICHED_ARTICLES.name(), second.articleId(), EventJson.toBytes(second))).get();
      producer.send(new ProducerRecord<>(Topics.ENRICHED_ARTICLES.name(), first.articleId(), EventJson.toBytes(first))).get();
    }
    awaitMetricAtLeast("newsflow_articles_total", "stage=\"stored\"", 2);
    awaitMetricAtLeast("newsflow_articles_total", "stage=\"replayed\"", 1);
    awaitMetricAtLeast("newsflow_deadletters_total", "reason=\"malformed\"", 1);
    awaitMetricAtLeast("newsflow_store_articles", "", 2);
    String text = scrape();
    assertThat(text).contains("topic=\"newsflow.articles.enriched.v1.dlt\"");
    assertThat(text).as("the enriched-topic consumer is bound to the registry").contains("kafka_consumer_fetch_manager_records_lag_max");

    String deadLettered = output.getOut().lines().filter(l -> l.startsWith("{") && l.contains("dead-lettered")).findFirst()
        .orElseThrow(() -> new AssertionError("no JSON log line about the dead letter"));
    JsonNode line = JSON.readTree(deadLettered);
    assertThat(line.path("articleId").asText()).isEqualTo("broken-ops-1");
    assertThat(line.path("level").asText()).isEqualTo("WARN");
  }

  @Test
  @Order(3)
  void readinessGoesDownWhileMongoIsAway() throws Exception {
    mongo.close();
    JsonNode body = JSON.readTree(awaitStatus("/actuator/health/readiness", 503).body());
    assertThat(body.path("components").path("mongo").path("status").asText()).isEqualTo("DOWN");
    assertThat(body.path("components").path("kafka").path("status").asText()).isEqualTo("UP");
    assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);
    assertThat(scrape()).as("a scrape still answers during the outage").contains("newsflow_store_articles");
  }

  @Test
  @Order(4)
  void readinessNamesTheBrokerWhenItStops() throws Exception {
    broker.close();
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    String kafka = "";
    while (System.nanoTime() < deadline && !kafka.equals("DOWN")) {
      kafka = JSON.readTree(get("/actuator/health/readiness").body()).path("components").path("kafka").path("status").asText();
      Thread.sleep(250);
    }
    assertThat(kafka).isEqualTo("DOWN");
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String scrape() throws Exception {
    HttpResponse<String> r = get("/actuator/prometheus");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return r.body();
  }

  /** The value of the first sample of {@code name} whose labels contain {@code labels}; 0 when absent. */
  static double metric(String exposition, String name, String labels) {
    Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "(\\{[^}]*\\})? ([0-9.eE+-]+|NaN)$").matcher(exposition);
    while (m.find()) {
      if (labels.isEmpty() || (m.group(1) != null && m.group(1).contains(labels))) {
        return m.group(2).equals("NaN") ? Double.NaN : Double.parseDouble(m.group(2));
      }
    }
    return 0;
  }

  private static void awaitMetricAtLeast(String name, String labels, double min) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    double value = 0;
    while (System.nanoTime() < deadline) {
      value = metric(scrape(), name, labels);
      if (value >= min) {
        return;
      }
      Thread.sleep(250);
    }
    throw new AssertionError(name + "{" + labels + "} stayed at " + value + ", expected at least " + min);
  }

  private static HttpResponse<String> awaitStatus(String path, int status) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    HttpResponse<String> last = null;
    while (System.nanoTime() < deadline) {
      last = get(path);
      if (last.statusCode() == status) {
        return last;
      }
      Thread.sleep(250);
    }
    throw new AssertionError("expected " + status + " from " + path + ", last " + (last == null ? "none" : last.statusCode() + " " + last.body()));
  }
}
