package io.newsflow.gateway;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.gateway.config.GatewayProperties;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class GatewayPropertiesTest {

  @Test
  void refusesToStartWithABackEndUrlThatIsNotHttp() {
    assertThatThrownBy(() -> properties(URI.create("ftp://store:21"), Duration.ofSeconds(5), 10))
        .hasMessageContaining("newsflow.gateway.store-url").hasMessageContaining("ftp://store:21");
  }

  @Test
  void refusesToStartWithAZeroTimeoutOrLimit() {
    assertThatThrownBy(() -> properties(URI.create("http://127.0.0.1:8083"), Duration.ZERO, 10))
        .hasMessageContaining("newsflow.gateway.backend-timeout");
    assertThatThrownBy(() -> properties(URI.create("http://127.0.0.1:8083"), Duration.ofSeconds(5), 0))
        .hasMessageContaining("newsflow.gateway.rate-limit-per-key");
  }

  @Test
  void refusesAMaxStaleShorterThanTheTtl() {
    assertThatThrownBy(() -> properties(URI.create("http://127.0.0.1:8083"), Duration.ofSeconds(5), 10, Duration.ofSeconds(1)))
        .hasMessageContaining("newsflow.gateway.read-cache-max-stale");
  }

  private static GatewayProperties properties(URI store, Duration timeout, int perKey) {
    return properties(store, timeout, perKey, Duration.ofSeconds(60));
  }

  private static GatewayProperties properties(URI store, Duration timeout, int perKey, Duration maxStale) {
    return new GatewayProperties(store, URI.create("http://127.0.0.1:8081"), timeout, "", false, perKey, 10,
        Duration.ofMinutes(1), Duration.ofSeconds(15), "127.0.0.1:9092", false, 100, 10,
        Duration.ofSeconds(2), 64, "", Duration.ofSeconds(5), Duration.ofSeconds(45),
        maxStale, Duration.ofSeconds(2), Duration.ofSeconds(1), 2, 16, "newsflow-store", Duration.ofSeconds(10));
  }
}
