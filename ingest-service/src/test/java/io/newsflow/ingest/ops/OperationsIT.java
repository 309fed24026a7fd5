package io.newsflow.ingest.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.ingest.support.IngestInstance;
import io.newsflow.ingest.support.TestWebServer;
import io.newsflow.localstack.EmbeddedKafkaBroker;
import io.newsflow.model.feed.FeedIds;
import io.newsflow.ops.testing.JsonLogLines;
import io.newsflow.ops.testing.OpsProbe;
import io.newsflow.ops.testing.PrometheusText;
import io.newsflow.ops.testing.Shutdown;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.env.Environment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * What an operator sees of a running ingest-service: readiness follows the broker, the Prometheus
 * endpoint counts fetched, failed and published work and the feed set's health, and with
 * NEWSFLOW_LOG_FORMAT=json each log line of a poll is a JSON object carrying the feed id.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OperationsIT {

  @TempDir
  static Path tempDir;

  static EmbeddedKafkaBroker broker;
  static TestWebServer web;
  static IngestInstance ingest;
  static OpsProbe probe;

  @BeforeAll
  static void start() {
    broker = new EmbeddedKafkaBroker(tempDir.resolve("kafka"), 0).start();
    web = new TestWebServer();
    web.fixture("/feeds/security.rss", "feeds/steppe-dispatch.rss.xml", "application/rss+xml; charset=UTF-8", true)
        .fixture("/2024/09/12/joint-staff-exercise-shymkent/", "pages/joint-staff-exercise-shymkent.html", "text/html; charset=UTF-8", false)
        .fixture("/2024/09/08/cpc-terminal-resumes-loadings/", "pages/cpc-terminal-resumes-loadings.html", "text/html; charset=UTF-8", false);
    ingest = new IngestInstance(broker.bootstrapServers(), Map.of(
        "newsflow.ingest.http.allowed-hosts", "127.0.0.1:" + web.port(),
        "newsflow.ops.kafka-check-cache", "PT0S",
        "newsflow.ops.kafka-check-timeout", "PT1S",
        "newsflow.log-format", "json"));
    probe = OpsProbe.onPort(ingest.bean(Environment.class).getRequiredProperty("local.server.port", Integer.class));
  }

  @AfterAll
  static void stop() throws Exception {
    Shutdown.inOrder(ingest, web, broker);
  }

  @Test
  @Order(1)
  void readinessIsUpWithTheBrokerCheckInIt() throws Exception {
    JsonNode body = probe.awaitStatus("/actuator/health/readiness", 200).json();
    assertThat(body.path("status").asText()).isEqualTo("UP");
    assertThat(OpsProbe.componentStatus(body, "kafka")).isEqualTo("UP");
    assertThat(body.path("components").path("kafka").path("details").path("brokers").asInt()).isEqualTo(1);
    assertThat(probe.get("/actuator/health/liveness").status()).isEqualTo(200);
  }

  @Test
  @Order(2)
  void prometheusCountsPollsPublishedArticlesFailuresAndFeedHealth(CapturedOutput output) throws Exception {
    String good = web.url("/feeds/security.rss");
    String broken = web.url("/feeds/broken.rss");
    assertThat(ingest.post("/internal/v1/feeds", "{\"url\":\"" + good + "\",\"minPollInterval\":\"PT1H\"}").status()).isEqualTo(201);
    double publishedBefore = probe.metric("newsflow_articles_total", "stage=\"published\"");
    probe.awaitMetricAtLeast("newsflow_articles_total", "stage=\"published\"", publishedBefore + 3);
    String text = probe.scrape();
    assertThat(PrometheusText.value(text, "newsflow_feeds_fetched_total", "")).isGreaterThanOrEqualTo(1);
    assertThat(PrometheusText.value(text, "newsflow_feeds", "state=\"ok\"")).isEqualTo(1);
    assertThat(text).as("the gap counter is exposed before the first gap").containsPattern("(?m)^newsflow_feeds_gaps_suspected_total 0");

    // registration needs a valid feed; the same feed then starts failing with 500s
    web.fixture("/feeds/broken.rss", "feeds/steppe-dispatch.rss.xml", "application/rss+xml; charset=UTF-8", false);
    assertThat(ingest.post("/internal/v1/feeds", "{\"url\":\"" + broken + "\",\"minPollInterval\":\"PT1H\"}").status()).isEqualTo(201);
    web.route("/feeds/broken.rss", exchange -> {
      exchange.sendResponseHeaders(500, -1);
      exchange.close();
    });
    ingest.post("/internal/v1/feeds/" + FeedIds.fromUrl(broken) + "/refresh", null);
    probe.awaitMetricAtLeast("newsflow_feeds_failed_total", "category=\"http_status\"", 1);
    probe.awaitMetricAtLeast("newsflow_feeds", "state=\"failing\"", 1);
    assertThat(probe.metric("newsflow_feeds_failed_total", "category=\"dns\"")).as("categories start at zero").isZero();
    assertThat(probe.scrape()).as("Kafka producer metrics are bound").contains("kafka_producer_record_send_total");

    JsonNode line = JsonLogLines.firstMention(output.getOut(), "published 3 article(s)");
    assertThat(line.path("feedId").asText()).isEqualTo(FeedIds.fromUrl(good));
    assertThat(line.path("level").asText()).isEqualTo("INFO");
  }

  @Test
  @Order(3)
  void readinessGoesDownWhenTheBrokerStops() throws Exception {
    broker.close();
    JsonNode body = probe.awaitStatus("/actuator/health/readiness", 503).json();
    assertThat(OpsProbe.componentStatus(body, "kafka")).isEqualTo("DOWN");
    assertThat(probe.get("/actuator/health/liveness").status()).as("the process itself is alive").isEqualTo(200);
  }
}
