package io.newsflow.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.newsflow.gateway.support.FakeBackend.Reply;
import io.newsflow.gateway.support.Fixtures;
import io.newsflow.gateway.support.GatewayTest;
import io.newsflow.gateway.support.Http;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A deployment where reads need a key too. */
@MicronautTest
class ApiAccessTest extends GatewayTest {

  static final String OPERATOR = "op-9d8c7b6a5f4e3d2c1b0a";
  static final String READER = "rd-0a1b2c3d4e5f6a7b8c9d";

  @Override
  protected Map<String, String> extraProperties() {
    return Map.of(
        "newsflow.gateway.api-keys", "operator:" + OPERATOR + ", reader:" + READER,
        "newsflow.gateway.reads-require-key", "true");
  }

  @BeforeEach
  void scriptBackends() {
    store.on("GET /internal/v1/timeline", Reply.json(200, Fixtures.read("store/timeline-kaz.json")));
    ingest.on("GET /internal/v1/feeds", Reply.json(200, Fixtures.read("ingest/feeds.json")));
  }

  @Test
  void refusesAReadWithoutAKey() {
    HttpResponse<String> response = http.get("/api/v1/timeline");

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate")).isPresent();
    assertThat(Http.json(response).get("detail").asText()).contains("reader");
    assertThat(store.requests()).isEmpty();
  }

  @Test
  void servesAReadWithAReaderKeyInEitherHeader() {
    assertThat(http.get("/api/v1/timeline", "X-API-Key", READER).statusCode()).isEqualTo(200);
    assertThat(http.get("/api/v1/timeline", "Authorization", "Bearer " + READER).statusCode()).isEqualTo(200);
  }

  @Test
  void refusesAnUnknownKeyEvenWhereNoneIsNeeded() {
    assertThat(http.get("/api/v1/timeline", "X-API-Key", "rd-not-a-configured-key-at-all").statusCode()).isEqualTo(401);
  }

  @Test
  void forbidsFeedAdministrationToAReader() {
    HttpResponse<String> response = http.post("/api/v1/feeds", "application/json",
        "{\"url\": \"https://kz.kursiv.example/rss/\"}", "X-API-Key", READER);

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(Http.json(response).get("requiredRole").asText()).isEqualTo("operator");
    assertThat(ingest.requests()).isEmpty();
  }

  @Test
  void letsAnOperatorReadAndAdministerFeeds() {
    assertThat(http.get("/api/v1/feeds", "X-API-Key", OPERATOR).statusCode()).isEqualTo(200);
    assertThat(http.get("/api/v1/timeline", "X-API-Key", OPERATOR).statusCode()).isEqualTo(200);
  }

  @Test
  void takesTheKeyOfTheLiveStreamFromTheQueryBecauseEventSourceSendsNoHeaders() throws Exception {
    assertThat(liveStatus("/api/v1/live?actor=KAZ")).isEqualTo(401);
    assertThat(liveStatus("/api/v1/live?actor=KAZ&apiKey=" + READER)).isEqualTo(200);
    assertThat(liveStatus("/api/v1/live?apiKey=rd-not-a-configured-key-at-all")).isEqualTo(401);
  }

  private int liveStatus(String path) throws Exception {
    var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.getURL() + path)).build();
    var future = java.net.http.HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofLines());
    HttpResponse<java.util.stream.Stream<String>> response = future.get(10, java.util.concurrent.TimeUnit.SECONDS);
    response.body().close(); // the stream never ends by itself
    return response.statusCode();
  }

  @Test
  void keepsHealthOpen() {
    assertThat(http.get("/health").statusCode()).isEqualTo(200);
  }
}
