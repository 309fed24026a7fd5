package io.newsflow.gateway.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.newsflow.gateway.support.FakeBackend.Reply;
import io.newsflow.gateway.support.Fixtures;
import io.newsflow.gateway.support.GatewayTest;
import io.newsflow.gateway.support.Http;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@MicronautTest
class FeedsApiTest extends GatewayTest {

  static final String OPERATOR_KEY = "op-3c1f0e9a7b5d4c2e8f6a";

  @Override
  protected Map<String, String> extraProperties() {
    return Map.of("newsflow.gateway.api-keys", "operator:" + OPERATOR_KEY);
  }

  @BeforeEach
  void actAsOperator() {
    http = http.with("X-API-Key", OPERATOR_KEY);
  }

  @Test
  void registersANewFeedAndPassesOnCreated() {
    ingest.on("POST /internal/v1/feeds", Reply.json(201, Fixtures.read("ingest/feed-new.json")));

    HttpResponse<String> response = http.post("/api/v1/feeds", "application/json",
        "{\"url\": \" https://kz.kursiv.example/rss/ \", \"title\": \"Kursiv\", \"tags\": [\"business\"], \"language\": \"ru\","
            + " \"timeZone\": \"Asia/Almaty\", \"minPollInterval\": \"PT10M\"}");

    assertThat(response.statusCode()).isEqualTo(201);
    assertThat(Http.json(response).get("feedId").asText()).isEqualTo("f-5566778899aabbcc");
    JsonNode forwarded = json(ingest.lastRequest().body());
    assertThat(forwarded.get("url").asText()).isEqualTo("https://kz.kursiv.example/rss/");
    assertThat(forwarded.get("timeZone").asText()).isEqualTo("Asia/Almaty");
    assertThat(forwarded.get("minPollInterval").asText()).isEqualTo("PT10M");
  }

  @Test
  void passesOnOkWhenTheFeedWasAlreadyRegistered() {
    ingest.on("POST /internal/v1/feeds", Reply.json(200, Fixtures.read("ingest/feed-new.json")));

    HttpResponse<String> response = http.post("/api/v1/feeds", "application/json", "{\"url\": \"https://kz.kursiv.example/rss/\"}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
  }

  @Test
  void passesOnIngestsRefusalWithItsCategory() {
    ingest.on("POST /internal/v1/feeds", Reply.problem(400, "{\"type\":\"about:blank\",\"title\":\"Feed refused\",\"status\":400,"
        + "\"detail\":\"host resolves to a private address\",\"category\":\"blocked\"}"));

    HttpResponse<String> response = http.post("/api/v1/feeds", "application/json", "{\"url\": \"http://intranet.example/feed\"}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(Http.json(response).get("category").asText()).isEqualTo("blocked");
  }

  @Test
  void changesAFeedsSettingsButNeverItsUrl() {
    ingest.on("PATCH /internal/v1/feeds/f-5566778899aabbcc", Reply.json(200, Fixtures.read("ingest/feed-new.json")));

    HttpResponse<String> response = http.patch("/api/v1/feeds/f-5566778899aabbcc", "application/json",
        "{\"title\": \"Kursiv (business)\", \"maxPollInterval\": \"PT2H\"}");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode forwarded = json(ingest.lastRequest().body());
    assertThat(forwarded.get("title").asText()).isEqualTo("Kursiv (business)");
    assertThat(forwarded.get("maxPollInterval").asText()).isEqualTo("PT2H");
    assertThat(forwarded.has("url")).isFalse();

    assertProblem(http.patch("/api/v1/feeds/f-5566778899aabbcc", "application/json", "{\"url\": \"https://b.example/rss\"}"), "url");
    assertProblem(http.patch("/api/v1/feeds/f-5566778899aabbcc", "application/json", "{\"timeZone\": \"Mars/Olympus\"}"), "timeZone");
    assertThat(ingest.requests()).hasSize(1);
  }

  @Test
  void rejectsAFeedWithoutAnHttpUrlBeforeCallingIngest() {
    assertProblem(http.post("/api/v1/feeds", "application/json", "{\"url\": \"file:///etc/passwd\"}"), "url");
    assertProblem(http.post("/api/v1/feeds", "application/json", "{\"title\": \"no url\"}"), "url");
    assertProblem(http.post("/api/v1/feeds", "application/json", "[\"https://a.example/rss\"]"), "body");
    assertProblem(http.post("/api/v1/feeds", "application/json", "{\"url\": "), "body");
    assertThat(ingest.requests()).isEmpty();
  }

  @Test
  void rejectsUnknownMembersAndBadDurationsAndZones() {
    assertProblem(http.post("/api/v1/feeds", "application/json", "{\"url\": \"https://a.example/rss\", \"admin\": true}"), "admin");
    assertProblem(http.post("/api/v1/feeds", "application/json", "{\"url\": \"https://a.example/rss\", \"minPollInterval\": \"5 minutes\"}"),
        "minPollInterval");
    assertProblem(http.post("/api/v1/feeds", "application/json", "{\"url\": \"https://a.example/rss\", \"timeZone\": \"Mars/Olympus\"}"),
        "timeZone");
    assertProblem(http.post("/api/v1/feeds", "application/json",
        "{\"url\": \"https://a.example/rss\", \"minPollInterval\": \"PT6H\", \"maxPollInterval\": \"PT5M\"}"), "maxPollInterval");
    assertThat(ingest.requests()).isEmpty();
  }

  @Test
  void listsFeedsWithTheirHealth() {
    ingest.on("GET /internal/v1/feeds", Reply.json(200, Fixtures.read("ingest/feeds.json")));

    HttpResponse<String> response = http.get("/api/v1/feeds");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode feeds = Http.json(response);
    assertThat(feeds).hasSize(2);
    assertThat(feeds.get(1).get("health").get("lastErrorCategory").asText()).isEqualTo("timeout");
  }

  @Test
  void pausesResumesRefreshesAndRemovesAFeed() {
    String feed = Fixtures.read("ingest/feed-new.json");
    ingest.on("POST /internal/v1/feeds/f-5566778899aabbcc/pause", Reply.json(200, feed.replace("\"ACTIVE\"", "\"PAUSED\"")));
    ingest.on("POST /internal/v1/feeds/f-5566778899aabbcc/resume", Reply.json(200, feed));
    ingest.on("POST /internal/v1/feeds/f-5566778899aabbcc/refresh", Reply.json(200, feed));
    ingest.on("DELETE /internal/v1/feeds/f-5566778899aabbcc", new Reply(204, null, null));

    assertThat(Http.json(http.post("/api/v1/feeds/f-5566778899aabbcc/pause", "application/json", "")).get("state").asText())
        .isEqualTo("PAUSED");
    assertThat(http.post("/api/v1/feeds/f-5566778899aabbcc/resume", "application/json", "").statusCode()).isEqualTo(200);
    assertThat(http.post("/api/v1/feeds/f-5566778899aabbcc/refresh", "application/json", "").statusCode()).isEqualTo(200);
    assertThat(http.delete("/api/v1/feeds/f-5566778899aabbcc").statusCode()).isEqualTo(204);
    assertThat(ingest.requests()).extracting(r -> r.method() + " " + r.path()).containsExactly(
        "POST /internal/v1/feeds/f-5566778899aabbcc/pause",
        "POST /internal/v1/feeds/f-5566778899aabbcc/resume",
        "POST /internal/v1/feeds/f-5566778899aabbcc/refresh",
        "DELETE /internal/v1/feeds/f-5566778899aabbcc");
  }

  @Test
  void passesOnUnknownFeedAsNotFound() {
    HttpResponse<String> response = http.post("/api/v1/feeds/f-0000000000000000/pause", "application/json", "");
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
  }

  @Test
  void importsEveryFeedOfAnOpmlDocumentAndReportsEachResult() {
    ingest.on("POST /internal/v1/feeds", Reply.json(201, Fixtures.read("ingest/feed-new.json")));

    HttpResponse<String> response = http.post("/api/v1/feeds/opml", "text/x-opml", Fixtures.read("ingest/subscriptions.opml"));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode results = Http.json(response).get("results");
    assertThat(results).hasSize(3);
    assertThat(results.get(0).get("url").asText()).isEqualTo("https://kz.kursiv.example/rss/");
    assertThat(results.get(0).get("status").asInt()).isEqualTo(201);
    assertThat(ingest.requests()).hasSize(3);
    assertThat(json(ingest.requests().get(1).body()).get("title").asText()).isEqualTo("Tengrinews (EN)");
  }

  @Test
  void refusesOpmlWithADoctypeSoNoEntityIsExpanded() {
    String evil = "<?xml version=\"1.0\"?><!DOCTYPE opml [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
        + "<opml><body><outline xmlUrl=\"https://a.example/&x;\"/></body></opml>";

    assertProblem(http.post("/api/v1/feeds/opml", "text/x-opml", evil), "OPML");
    assertThat(ingest.requests()).isEmpty();
  }

  private static void assertProblem(HttpResponse<String> response, String detailContains) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    assertThat(Http.json(response).get("detail").asText()).contains(detailContains);
  }

  private static JsonNode json(String body) {
    try {
      return io.newsflow.model.json.EventJson.mapper().readTree(body);
    } catch (java.io.IOException e) {
      throw new AssertionError(body, e);
    }
  }
}
