package io.newsflow.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.newsflow.gateway.support.FakeBackend.Reply;
import io.newsflow.gateway.support.Fixtures;
import io.newsflow.gateway.support.GatewayTest;
import org.junit.jupiter.api.Test;

/** The default: reads open, feed administration closed even when no key is configured at all. */
@MicronautTest
class OpenReadsTest extends GatewayTest {

  @Test
  void servesReadsWithoutAKey() {
    store.on("GET /internal/v1/timeline", Reply.json(200, Fixtures.read("store/timeline-kaz.json")));
    assertThat(http.get("/api/v1/timeline").statusCode()).isEqualTo(200);
  }

  @Test
  void neverOpensFeedAdministration() {
    assertThat(http.get("/api/v1/feeds").statusCode()).isEqualTo(401);
    assertThat(http.delete("/api/v1/feeds/f-1a2b3c4d5e6f7a8b").statusCode()).isEqualTo(401);
    assertThat(ingest.requests()).isEmpty();
  }
}
