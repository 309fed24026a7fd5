package io.newsflow.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.newsflow.gateway.support.Http;
import io.newsflow.localstack.Ports;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Both back-ends point at free ports where nothing listens. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BackendDownTest implements TestPropertyProvider {

  @Inject
  EmbeddedServer server;

  @Override
  public Map<String, String> getProperties() {
    return Map.of(
        "newsflow.gateway.store-url", "http://127.0.0.1:" + Ports.free(),
        "newsflow.gateway.ingest-url", "http://127.0.0.1:" + Ports.free(),
        "newsflow.gateway.live-enabled", "false",
        "newsflow.gateway.api-keys", "operator:op-3c1f0e9a7b5d4c2e8f6a");
  }

  @Test
  void answersServiceUnavailableWhenStoreIsDown() {
    HttpResponse<String> response = new Http(server.getURL().toString()).get("/api/v1/timeline?actor=KAZ");

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    assertThat(response.headers().firstValue("Retry-After")).isPresent();
    assertThat(Http.json(response).get("backend").asText()).isEqualTo("store-service");
  }

  @Test
  void answersServiceUnavailableWhenIngestIsDown() {
    HttpResponse<String> response = new Http(server.getURL().toString())
        .with("X-API-Key", "op-3c1f0e9a7b5d4c2e8f6a")
        .post("/api/v1/feeds", "application/json", "{\"url\": \"https://kz.kursiv.example/rss/\"}");

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(Http.json(response).get("backend").asText()).isEqualTo("ingest-service");
  }

  @Test
  void staysAliveButIsNotReadyWhileBackEndsAreDown() {
    Http http = new Http(server.getURL().toString());
    assertThat(http.get("/health/liveness").statusCode()).isEqualTo(200);

    HttpResponse<String> readiness = http.get("/health/readiness");
    assertThat(readiness.statusCode()).isEqualTo(503);
    JsonNode dependencies = Http.json(readiness).path("details").path("dependencies").path("details");
    assertThat(dependencies.path("store-service").path("status").asText()).isEqualTo("DOWN");
    assertThat(dependencies.path("ingest-service").path("status").asText()).isEqualTo("DOWN");
    assertThat(dependencies.path("store-service").path("lastError").asText()).contains("ConnectException");
  }
}
