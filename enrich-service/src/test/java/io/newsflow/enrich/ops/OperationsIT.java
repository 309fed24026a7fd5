package io.newsflow.enrich.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.enrich.EnrichApplication;
import io.newsflow.enrich.support.RawArticles;
import io.newsflow.localstack.EmbeddedKafkaBroker;
import io.newsflow.localstack.Ports;
import io.newsflow.model.article.RawArticle;
import io.newsflow.model.json.EventJson;
import io.newsflow.model.topic.Topics;
import io.newsflow.ops.testing.JsonLogLines;
import io.newsflow.ops.testing.OpsProbe;
import io.newsflow.ops.testing.PrometheusText;
import io.newsflow.ops.testing.Shutdown;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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

  private static final Instant PUBLISHED = Instant.parse("2025-03-04T06:15:00Z");
  private static final String TEXT = """
      ASTANA, March 4 — Kazakhstan and Uzbekistan agreed on Tuesday to speed up work on a joint industrial zone \
      on their border, President Kassym-Jomart Tokayev said after talks with Shavkat Mirziyoyev.

      The two leaders also discussed water sharing on the Syr Darya and transit of Kazakh grain to Afghanistan.""";

  @TempDir static Path brokerDir;
  static EmbeddedKafkaBroker broker;
  static KafkaProducer<String, byte[]> producer;
  static ConfigurableApplicationContext app;
  static OpsProbe probe;

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
        "--newsflow.ops.lag-refresh=200ms",
        "--newsflow.log-format=json",
        "--logging.level.io.newsflow.enrich.ops=DEBUG");
    probe = OpsProbe.onPort(port);
  }

  @AfterAll
  static void stop() throws Exception {
    Shutdown.inOrder(app, producer == null ? null : () -> producer.close(Duration.ofSeconds(2)), broker);
  }

  @Test
  @Order(1)
  void readinessIsUpWithTheBrokerCheckInIt() throws Exception {
    JsonNode body = probe.awaitStatus("/actuator/health/readiness", 200).json();
    assertThat(OpsProbe.componentStatuses(body)).containsEntry("kafka", "UP").containsEntry("dedupeIndex", "UP");
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
    probe.awaitMetricAtLeast("newsflow_dedupe_verdicts_total", "verdict=\"NEW\"", 1);
    send(copy.articleId(), EventJson.toBytes(copy));
    send("poison-ops-1", "{\"articleId\": \"cut off".getBytes(StandardCharsets.UTF_8));

    probe.awaitMetricAtLeast("newsflow_dedupe_verdicts_total", "verdict=\"DUPLICATE\"", 1);
    probe.awaitMetricAtLeast("newsflow_deadletters_total", "reason=\"undecodable\"", 1);
    String text = probe.scrape();
    assertThat(PrometheusText.value(text, "newsflow_articles_total", "stage=\"enriched\"")).isEqualTo(2);
    assertThat(PrometheusText.value(text, "newsflow_enrich_latency_seconds_count", "")).isGreaterThanOrEqualTo(2);
    assertThat(PrometheusText.value(text, "newsflow_dedupe_verdicts_total", "verdict=\"UPDATE\"")).as("registered at zero").isZero();
    assertThat(text).contains("topic=\"newsflow.articles.raw.v1.dlt\"");
    assertThat(text).as("the raw-topic consumer is bound to the registry").contains("kafka_consumer_fetch_manager_records_lag_max");
    probe.awaitMetricAtMost("newsflow_consumer_lag", "group=\"enrich-ops-it\",topic=\"newsflow.articles.raw.v1\"", 0);
    assertThat(probe.scrape()).as("the lag is reported, not absent").contains("newsflow_consumer_lag{group=\"enrich-ops-it\",topic=\"newsflow.articles.raw.v1\"}");

    JsonNode enriched = JsonLogLines.firstJson(output.getOut(), "enriched: verdict=DUPLICATE");
    assertThat(enriched.path("articleId").asText()).isEqualTo(copy.articleId());
    assertThat(enriched.path("feedId").asText()).isEqualTo(copy.feedId());
    JsonNode deadLetter = JsonLogLines.firstJson(output.getOut(), "dead-lettering");
    assertThat(deadLetter.path("articleId").asText()).isEqualTo("poison-ops-1");
    assertThat(deadLetter.path("level").asText()).isEqualTo("WARN");
    assertThat(deadLetter.path("message").asText()).contains("newsflow.articles.raw.v1.dlt").contains("undecodable");
  }

  @Test
  @Order(3)
  void readinessGoesDownWhenTheBrokerStops() throws Exception {
    broker.close();
    JsonNode down = probe.awaitStatus("/actuator/health/readiness", 503).json();
    assertThat(OpsProbe.componentStatuses(down)).containsEntry("kafka", "DOWN");
    assertThat(probe.get("/actuator/health/liveness").status()).isEqualTo(200);
  }

  private static void send(String key, byte[] value) throws Exception {
    producer.send(new ProducerRecord<>(Topics.RAW_ARTICLES.name(), 0, key, value)).get();
  }
}
