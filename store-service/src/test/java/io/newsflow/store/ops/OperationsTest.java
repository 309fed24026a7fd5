package io.newsflow.store.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.localstack.EmbeddedKafkaBroker;
import io.newsflow.localstack.EmbeddedMongoServer;
import io.newsflow.localstack.Ports;
import io.newsflow.model.article.EnrichedArticle;
import io.newsflow.model.json.EventJson;
import io.newsflow.model.topic.Topics;
import io.newsflow.ops.testing.JsonLogLines;
import io.newsflow.ops.testing.OpsProbe;
import io.newsflow.ops.testing.Shutdown;
import io.newsflow.store.Articles;
import io.newsflow.store.StoreApplication;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
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

  @TempDir static Path dataDir;
  static EmbeddedKafkaBroker broker;
  static EmbeddedMongoServer mongo;
  static ConfigurableApplicationContext app;
  static OpsProbe probe;

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
        "--newsflow.ops.lag-refresh=200ms",
        "--newsflow.log-format=json",
        "--logging.config=classpath:ops/structured-logback.xml");
    probe = OpsProbe.onPort(port);
  }

  @AfterAll
  static void stop() throws Exception {
    Shutdown.inOrder(app, broker, mongo);
  }

  @Test
  @Order(1)
  void readinessIsUpWithMongoAndKafkaChecksInIt() throws Exception {
    JsonNode body = probe.awaitStatus("/actuator/health/readiness", 200).json();
    assertThat(OpsProbe.componentStatuses(body)).containsEntry("mongo", "UP").containsEntry("kafka", "UP");
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
    probe.awaitMetricAtLeast("newsflow_articles_total", "stage=\"stored\"", 2);
    probe.awaitMetricAtLeast("newsflow_articles_total", "stage=\"replayed\"", 1);
    probe.awaitMetricAtLeast("newsflow_deadletters_total", "reason=\"malformed\"", 1);
    probe.awaitMetricAtLeast("newsflow_store_articles", "", 2);
    String text = probe.scrape();
    assertThat(text).contains("topic=\"newsflow.articles.enriched.v1.dlt\"");
    assertThat(text).as("the enriched-topic consumer is bound to the registry").contains("kafka_consumer_fetch_manager_records_lag_max");
    // every record (the broken one dead-lettered) committed: the lag by committed offsets comes down to zero
    probe.awaitMetricAtMost("newsflow_consumer_lag", "group=\"store-ops-test\",topic=\"newsflow.articles.enriched.v1\"", 0);
    assertThat(probe.scrape()).as("the lag is reported, not absent").contains("newsflow_consumer_lag{group=\"store-ops-test\",topic=\"newsflow.articles.enriched.v1\"}");
    assertThat(text).as("MongoDB command times by collection (Micrometer's command listener on the store's client)")
        .containsPattern("mongodb_driver_commands_seconds_count\\{[^}]*collection=\"articles\"[^}]*command=\"insert\"");

    JsonNode line = JsonLogLines.firstJson(output.getOut(), "dead-lettered");
    assertThat(line.path("articleId").asText()).isEqualTo("broken-ops-1");
    assertThat(line.path("level").asText()).isEqualTo("WARN");
  }

  @Test
  @Order(3)
  void readinessGoesDownWhileMongoIsAway() throws Exception {
    mongo.close();
    JsonNode body = probe.awaitStatus("/actuator/health/readiness", 503).json();
    assertThat(OpsProbe.componentStatuses(body)).containsEntry("mongo", "DOWN").containsEntry("kafka", "UP");
    assertThat(probe.get("/actuator/health/liveness").status()).isEqualTo(200);
    assertThat(probe.scrape()).as("a scrape still answers during the outage").contains("newsflow_store_articles");
  }

  @Test
  @Order(4)
  void readinessNamesTheBrokerWhenItStops() throws Exception {
    broker.close();
    JsonNode body = probe.awaitComponentStatus("/actuator/health/readiness", "kafka", "DOWN");
    assertThat(OpsProbe.componentStatus(body, "kafka")).isEqualTo("DOWN");
  }
}
