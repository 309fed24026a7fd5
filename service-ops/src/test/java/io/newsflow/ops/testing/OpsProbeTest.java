package io.newsflow.ops.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The probe against a small HTTP server that plays a service whose counters and health change over time. */
class OpsProbeTest {

  private final AtomicInteger scrapes = new AtomicInteger();
  private final AtomicInteger healthCalls = new AtomicInteger();
  private HttpServer server;
  private OpsProbe probe;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    // each scrape counts one more stored article, as a consumer working through a topic would
    server.createContext("/actuator/prometheus", ex -> answer(ex, 200,
        "newsflow_articles_total{stage=\"stored\"} " + scrapes.incrementAndGet() + ".0\n"));
    // ready for the first two calls, then the broker is gone
    server.createContext("/actuator/health/readiness", ex -> {
      boolean up = healthCalls.incrementAndGet() <= 2;
      answer(ex, up ? 200 : 503, "{\"status\":\"" + (up ? "UP" : "DOWN") + "\",\"components\":{\"kafka\":{\"status\":\""
          + (up ? "UP" : "DOWN") + "\"},\"mongo\":{\"status\":\"UP\"}}}");
    });
    server.start();
    probe = new OpsProbe("http://127.0.0.1:" + server.getAddress().getPort(), Duration.ofSeconds(5));
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void waitsForACounterToReachItsTarget() {
    probe.awaitMetricAtLeast("newsflow_articles_total", "stage=\"stored\"", 4);
    assertThat(scrapes.get()).isGreaterThanOrEqualTo(4);
  }

  @Test
  void waitsForReadinessToTurnAndNamesTheComponent() {
    OpsProbe.Answer down = probe.awaitStatus("/actuator/health/readiness", 503);
    assertThat(OpsProbe.componentStatus(down.json(), "kafka")).isEqualTo("DOWN");
    assertThat(OpsProbe.componentStatuses(down.json())).containsExactly(entry("kafka", "DOWN"), entry("mongo", "UP"));
    assertThat(OpsProbe.componentStatus(down.json(), "dedupeIndex")).isEmpty();
  }

  @Test
  void givesUpWithTheLastAnswerWhenTheStatusNeverComes() {
    OpsProbe impatient = new OpsProbe("http://127.0.0.1:" + server.getAddress().getPort(), Duration.ofMillis(500));
    assertThatThrownBy(() -> impatient.awaitComponentStatus("/actuator/health/readiness", "mongo", "DOWN"))
        .isInstanceOf(AssertionError.class).hasMessageContaining("expected mongo DOWN");
    assertThatThrownBy(() -> impatient.awaitStatus("/actuator/prometheus", 503))
        .isInstanceOf(AssertionError.class).hasMessageContaining("expected 503 from /actuator/prometheus, last 200");
  }

  private static void answer(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }
}
