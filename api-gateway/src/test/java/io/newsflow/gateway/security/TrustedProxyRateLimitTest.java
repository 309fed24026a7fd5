package io.newsflow.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.newsflow.gateway.support.FakeBackend.Reply;
import io.newsflow.gateway.support.Fixtures;
import io.newsflow.gateway.support.GatewayTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Per-address limits behind a trusted proxy: each forwarded client has its own allowance. */
@MicronautTest
class TrustedProxyRateLimitTest extends GatewayTest {

  @Override
  protected Map<String, String> extraProperties() {
    // the tests' client is on loopback, so it plays the proxy
    return Map.of("newsflow.gateway.trusted-proxies", "127.0.0.0/8, ::1",
        "newsflow.gateway.rate-limit-per-address", "2", "newsflow.gateway.rate-limit-window", "1h");
  }

  @Test
  void limitsEachForwardedClientOnItsOwn() {
    store.on("GET /internal/v1/themes", Reply.json(200, Fixtures.read("store/themes.json")));

    for (int i = 0; i < 2; i++) {
      assertThat(http.get("/api/v1/themes", "X-Forwarded-For", "203.0.113.7").statusCode()).isEqualTo(200);
    }
    assertThat(http.get("/api/v1/themes", "X-Forwarded-For", "203.0.113.7").statusCode()).isEqualTo(429);
    // another client behind the same proxy still has its own allowance
    assertThat(http.get("/api/v1/themes", "X-Forwarded-For", "203.0.113.8").statusCode()).isEqualTo(200);
    // a client cannot dodge its limit by prepending an address of its own choosing
    assertThat(http.get("/api/v1/themes", "X-Forwarded-For", "192.0.2.99, 203.0.113.7").statusCode()).isEqualTo(429);
  }
}
