package io.newsflow.enrich.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.enrich.EnrichApplication;
import io.newsflow.enrich.support.RawArticles;
import io.newsflow.localstack.EmbeddedKafkaBroker;
import io.newsflow.localstack.Ports;
import io.newsflow.model.article.RawArticle;
import io.newsflow.model.json.EventJson;
import io.newsflow.model.topic.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
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
 * What an operator sees of a running enrich-service: readiness follows the broker; the Prometheus
 * endpoint counts enriched articles, dedupe verdicts, dead letters by reason and the enrichment latency,
 * beside the Kafka consumer's lag; with NEWSFLOW_LOG_FORMAT=json the lines about one record are JSON
 * objects carrying its article id.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OperationsIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final Instant PUBLISHED = Instant.parse("2025-03-04T06:15:00Z");
  private static final String TEXT = """
      ASTANA, March 4 — Kazakhstan and Uzbekistan agreed on Tuesday to speed up work on a joint industrial zone \
      on their border, President Kassym-Jomart Tokayev said after talks with Shavkat Mirziyoyev.

      The two leaders also discussed water sharing on the Syr Darya and transit of Kazakh grain to Afghanistan.""";

  @TempDir static Path brokerDir;
  static EmbeddedKafkaBroker broker;
  static KafkaProducer<String, byte[]> producer;
  static ConfigurableApplicationContext app;
  static String base;

  @BeforeAll
  static void start() throws Exception {
    broker = new EmbeddedKafkaBroker(brokerDir, 0).start();
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
      admin.createTopics(List.of(new NewTopic(Topics.RAW_ARTICLES.name(), 2, (short) 1))).all().get();
    }
    producer = new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
    int port = Ports.free();
    app = new SpringApplicationBuilder(EnrichApplication.class).run(
        "--server.port=" + port,
        "--newsflow.enrich.bootstrap-servers=" + broker.bootstrapServers(),
        "--newsflow.enrich.consumer-group=enrich-ops-it",
        "--newsflow.ops.kafka-check-cache=0s",
        "--newsflow.ops.kafka-check-timeout=1s",
        "--newsflow.log-format=json",
        "--logging.level.io.newsflow.enrich.ops=DEBUG");
    base = "http://127.0.0.1:" + port;
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
    if (producer != null) {
      producer.close(Duration.ofSeconds(2));
    }
    if (broker != null) {
      broker.close();
    }
  }

  @Test
  @Order(1)
  void readinessIsUpWithTheBrokerCheckInIt() throws Exception {
    HttpResponse<String> ready = awaitStatus("/actuator/health/readiness", 200);
    JsonNode body = JSON.readTree(ready.body());
    assertThat(body.path("components").path("kafka").path("status").asText()).isEqualTo("UP");
    assertThat(body.path("components").path("dedupeIndex").path("status").asText()).isEqualTo("UP");
  }

  @Test
  @Order(2)
  void prometheusCountsVerdictsLatencyAndDeadLettersAndLogsCarryTheArticleId(CapturedOutput output) throws Exception {
    RawArticle original = RawArticles.article("https://steppe-herald.example/news/kz-uz-border-zone",
        "steppe-herald.example", "Kazakhstan and Uzbekistan speed up border industrial zone", TEXT, PUBLISHED);
    RawArticle copy = RawArticles.article("https://kz-daily.example/region/border-zone-talks",
        "kz-daily.example", "Tokayev, Mirziyoyev agree on border zone", TEXT.replace("ASTANA, March 4 — ", ""),
        PUBLISHED.plusSeconds(1800));
    send(original.articleId(), EventJson.toBytes(original));
    awaitMetricAtLeast("newsflow_dedupe_verdicts_total", "verdict=\"NEW\"", 1);
    send(copy.articleId(), EventJson.toBytes(copy));
    send("poison-ops-1", "{\"articleId\": \"cut off".getBytes(StandardCharsets.UTF_8));

    awaitMetricAtLeast("newsflow_dedupe_verdicts_total", "verdict=\"DUPLICATE\"", 1);
    awaitMetricAtLeast("newsflow_deadletters_total", "reason=\"undecodable\"", 1);
    String text = scrape();
    assertThat(metric(text, "newsflow_articles_total", "stage=\"enriched\"")).isEqualTo(2);
    assertThat(metric(text, "newsflow_enrich_latency_seconds_count", "")).isGreaterThanOrEqualTo(2);
    assertThat(metric(text, "newsflow_dedupe_verdicts_total", "verdict=\"UPDATE\"")).as("registered at zero").isZero();
    assertThat(text).contains("topic=\"newsflow.articles.raw.v1.dlt\"");
    assertThat(text).as("the raw-topic consumer is bound to the registry").contains("kafka_consumer_fetch_manager_records_lag_max");

    JsonNode enriched = jsonLine(output, "enriched: verdict=DUPLICATE");
    assertThat(enriched.path("articleId").asText()).isEqualTo(copy.articleId());
    assertThat(enriched.path("feedId").asText()).isEqualTo(copy.feedId());
    JsonNode deadLetter = jsonLine(output, "dead-lettering");
    assertThat(deadLetter.path("articleId").asText()).isEqualTo("poison-ops-1");
    assertThat(deadLetter.path("level").asText()).isEqualTo("WARN");
    assertThat(deadLetter.path("message").asText()).contains("newsflow.articles.raw.v1.dlt").contains("undecodable");
  }

  @Test
  @Order(3)
  void readinessGoesDownWhenTheBrokerStops() throws Exception {
    broker.close();
    HttpResponse<String> down = awaitStatus("/actuator/health/readiness", 503);
    assertThat(JSON.readTree(down.body()).path("components").path("kafka").path("status").asText()).isEqualTo("DOWN");
    assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);
  }

  private static JsonNode jsonLine(CapturedOutput output, String messagePart) throws Exception {
    String line = output.getOut().lines().filter(l -> l.startsWith("{") && l.contains(messagePart)).findFirst()
        .orElseThrow(() -> new AssertionError("no JSON log line containing '" + messagePart + "'"));
    return JSON.readTree(line);
  }

  private static void send(String key, byte[] value) throws Exception {
    producer.send(new ProducerRecord<>(Topics.RAW_ARTICLES.name(), 0, key, value)).get();
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
    Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "(\\{[^}]*\\})? ([0-9.eE+-]+)$").matcher(exposition);
    while (m.find()) {
      if (labels.isEmpty() || (m.group(1) != null && m.group(1).contains(labels))) {
        return Double.parseDouble(m.group(2));
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
      Thread.sleep(200);
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
