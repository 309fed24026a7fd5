package io.newsflow.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.newsflow.gateway.support.FakeBackend.Reply;
import io.newsflow.gateway.support.Fixtures;
import io.newsflow.gateway.support.GatewayTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With no trusted proxy (the default) X-Forwarded-For is ignored for rate limits. */
@MicronautTest
class UntrustedForwardedForTest extends GatewayTest {

  @Override
  protected Map<String, String> extraProperties() {
    return Map.of("newsflow.gateway.rate-limit-per-address", "2", "newsflow.gateway.rate-limit-window", "1h");
  }

  @Test
  void ignoresTheHeaderSoItCannotBeUsedToEscapeTheLimit() {
    store.on("GET /internal/v1/themes", Reply.json(200, Fixtures.read("store/themes.json")));

    assertThat(http.get("/api/v1/themes", "X-Forwarded-For", "203.0.113.1").statusCode()).isEqualTo(200);
    assertThat(http.get("/api/v1/themes", "X-Forwarded-For", "203.0.113.2").statusCode()).isEqualTo(200);
    assertThat(http.get("/api/v1/themes", "X-Forwarded-For", "203.0.113.3").statusCode()).isEqualTo(429);
  }
}
