package io.newsflow.ingest.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.ingest.support.IngestInstance;
import io.newsflow.ingest.support.TestWebServer;
import io.newsflow.localstack.EmbeddedKafkaBroker;
import io.newsflow.model.feed.FeedIds;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
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

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  static Path tempDir;

  static EmbeddedKafkaBroker broker;
  static TestWebServer web;
  static IngestInstance ingest;

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
  }

  @AfterAll
  static void stop() {
    if (ingest != null) {
      ingest.close();
    }
    if (web != null) {
      web.close();
    }
    if (broker != null) {
      broker.close();
    }
  }

  @Test
  @Order(1)
  void readinessIsUpWithTheBrokerCheckInIt() throws Exception {
    IngestInstance.Response ready = awaitStatus(() -> ingest.get("/actuator/health/readiness"), 200);
    JsonNode body = JSON.readTree(ready.body());
    assertThat(body.path("status").asText()).isEqualTo("UP");
    assertThat(body.path("components").path("kafka").path("status").asText()).isEqualTo("UP");
    assertThat(body.path("components").path("kafka").path("details").path("brokers").asInt()).isEqualTo(1);
    assertThat(ingest.get("/actuator/health/liveness").status()).isEqualTo(200);
  }

  @Test
  @Order(2)
  void prometheusCountsPollsPublishedArticlesFailuresAndFeedHealth(CapturedOutput output) throws Exception {
    String good = web.url("/feeds/security.rss");
    String broken = web.url("/feeds/broken.rss");
    assertThat(ingest.post("/internal/v1/feeds", "{\"url\":\"" + good + "\",\"minPollInterval\":\"PT1H\"}").status()).isEqualTo(201);
    double publishedBefore = metric(scrape(), "newsflow_articles_total", "stage=\"published\"");
    awaitMetricAtLeast("newsflow_articles_total", "stage=\"published\"", publishedBefore + 3);
    String text = scrape();
    assertThat(metric(text, "newsflow_feeds_fetched_total", "")).isGreaterThanOrEqualTo(1);
    assertThat(metric(text, "newsflow_feeds", "state=\"ok\"")).isEqualTo(1);

    // registration needs a valid feed; the same feed then starts failing with 500s
    web.fixture("/feeds/broken.rss", "feeds/steppe-dispatch.rss.xml", "application/rss+xml; charset=UTF-8", false);
    assertThat(ingest.post("/internal/v1/feeds", "{\"url\":\"" + broken + "\",\"minPollInterval\":\"PT1H\"}").status()).isEqualTo(201);
    web.route("/feeds/broken.rss", exchange -> {
      exchange.sendResponseHeaders(500, -1);
      exchange.close();
    });
    ingest.post("/internal/v1/feeds/" + FeedIds.fromUrl(broken) + "/refresh", null);
    awaitMetricAtLeast("newsflow_feeds_failed_total", "category=\"http_status\"", 1);
    awaitMetricAtLeast("newsflow_feeds", "state=\"failing\"", 1);
    assertThat(metric(scrape(), "newsflow_feeds_failed_total", "category=\"dns\"")).as("categories start at zero").isZero();
    assertThat(scrape()).as("Kafka producer metrics are bound").contains("kafka_producer_record_send_total");

    String pollLine = output.getOut().lines()
        .filter(l -> l.contains("published 3 article(s)")).findFirst().orElseThrow();
    JsonNode line = JSON.readTree(pollLine);
    assertThat(line.path("feedId").asText()).isEqualTo(FeedIds.fromUrl(good));
    assertThat(line.path("level").asText()).isEqualTo("INFO");
  }

  @Test
  @Order(3)
  void readinessGoesDownWhenTheBrokerStops() throws Exception {
    broker.close();
    IngestInstance.Response down = awaitStatus(() -> ingest.get("/actuator/health/readiness"), 503);
    JsonNode body = JSON.readTree(down.body());
    assertThat(body.path("components").path("kafka").path("status").asText()).isEqualTo("DOWN");
    assertThat(ingest.get("/actuator/health/liveness").status()).as("the process itself is alive").isEqualTo(200);
  }

  private static String scrape() {
    IngestInstance.Response r = ingest.get("/actuator/prometheus");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
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

  private static void awaitMetricAtLeast(String name, String labels, double min) throws InterruptedException {
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

  private static IngestInstance.Response awaitStatus(Supplier<IngestInstance.Response> call, int status) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    IngestInstance.Response last = null;
    while (System.nanoTime() < deadline) {
      last = call.get();
      if (last.status() == status) {
        return last;
      }
      Thread.sleep(250);
    }
    throw new AssertionError("expected status " + status + ", last answer " + (last == null ? "none" : last.status() + " " + last.body()));
  }
}
