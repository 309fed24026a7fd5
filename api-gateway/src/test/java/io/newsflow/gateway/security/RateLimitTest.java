package io.newsflow.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.newsflow.gateway.support.FakeBackend.Reply;
import io.newsflow.gateway.support.Fixtures;
import io.newsflow.gateway.support.GatewayTest;
import io.newsflow.gateway.support.Http;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

@MicronautTest
class RateLimitTest extends GatewayTest {

  static final String READER = "rd-5e4d3c2b1a0f9e8d7c6b";

  @Override
  protected Map<String, String> extraProperties() {
    return Map.of(
        "newsflow.gateway.api-keys", "reader:" + READER,
        "newsflow.gateway.rate-limit-per-address", "3",
        "newsflow.gateway.rate-limit-per-key", "5",
        "newsflow.gateway.rate-limit-window", "1h");
  }

  @Test
  void limitsAnAddressAndThenAKeySeparately() {
    store.on("GET /internal/v1/themes", Reply.json(200, Fixtures.read("store/themes.json")));

    for (int i = 0; i < 3; i++) {
      assertThat(http.get("/api/v1/themes").statusCode()).isEqualTo(200);
    }
    HttpResponse<String> limited = http.get("/api/v1/themes");
    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(limited.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    // One request per 1h/3 = 1200 s comes back; the answer says when.
    assertThat(Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow())).isBetween(1100L, 1200L);
    assertThat(store.requests()).hasSize(3);

    // The key has its own, larger bucket.
    for (int i = 0; i < 5; i++) {
      assertThat(http.get("/api/v1/themes", "X-API-Key", READER).statusCode()).isEqualTo(200);
    }
    assertThat(http.get("/api/v1/themes", "X-API-Key", READER).statusCode()).isEqualTo(429);
    assertThat(Http.json(http.get("/api/v1/themes", "X-API-Key", READER)).get("status").asInt()).isEqualTo(429);
  }
}
