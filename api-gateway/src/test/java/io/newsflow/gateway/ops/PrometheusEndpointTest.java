package io.newsflow.gateway.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.newsflow.gateway.support.FakeBackend.Reply;
import io.newsflow.gateway.support.Fixtures;
import io.newsflow.gateway.support.GatewayTest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The gateway's Prometheus endpoint reports its requests by route template and status, with latency. */
@MicronautTest
class PrometheusEndpointTest extends GatewayTest {

  @Test
  void countsRequestsByRouteAndStatusWithTheirLatency() {
    store.on("GET /internal/v1/timeline", Reply.json(200, Fixtures.read("store/timeline-kaz.json")));
    String before = scrape();
    assertThat(http.get("/api/v1/timeline?actor=KAZ").statusCode()).isEqualTo(200);
    assertThat(http.get("/api/v1/timeline?actor=KAZ&limit=2").statusCode()).isEqualTo(200);
    assertThat(http.get("/api/v1/timeline?limit=ten").statusCode()).isEqualTo(400);

    String after = scrape();
    String ok = "status=\"200\",uri=\"/api/v1/timeline\"";
    String bad = "status=\"400\",uri=\"/api/v1/timeline\"";
    assertThat(count(after, ok) - count(before, ok)).isEqualTo(2);
    assertThat(count(after, bad) - count(before, bad)).isEqualTo(1);
    assertThat(after).contains("http_server_requests_seconds_sum").contains("http_server_requests_seconds_max");
  }

  private String scrape() {
    HttpResponse<String> response = http.get("/prometheus");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return response.body();
  }

  /** The request count of the series whose labels include {@code labels} (0 when there is none yet). */
  private static double count(String exposition, String labels) {
    Matcher m = Pattern.compile("(?m)^http_server_requests_seconds_count\\{([^}]*)\\} ([0-9.eE+-]+)$").matcher(exposition);
    double total = 0;
    while (m.find()) {
      if (m.group(1).contains(labels.split(",")[0]) && m.group(1).contains(labels.split(",")[1])) {
        total += Double.parseDouble(m.group(2));
      }
    }
    return total;
  }
}
