package io.newsflow.gateway.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.newsflow.gateway.support.FakeBackend.Reply;
import io.newsflow.gateway.support.Fixtures;
import io.newsflow.gateway.support.GatewayTest;
import io.newsflow.gateway.support.Http;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

@MicronautTest
class TimelineApiTest extends GatewayTest {

  @Test
  void forwardsEveryFilterToStoreAndReturnsItsPageUnchanged() {
    store.on("GET /internal/v1/timeline", Reply.json(200, Fixtures.read("store/timeline-kaz.json")));

    HttpResponse<String> response = http.get("/api/v1/timeline?actor=KAZ&actor=org.csto&actorMode=all&theme=peacekeeping"
        + "&from=2022-01-01&to=2022-02-01T00:00:00Z&limit=20&cursor=eyJwIjoiMjAyMi0wMy0zMCJ9&q=CSTO%20troops&language=en");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(ct -> assertThat(ct).startsWith("application/json"));
    JsonNode page = Http.json(response);
    assertThat(page.get("items")).hasSize(3);
    assertThat(page.get("items").get(0).get("title").asText()).contains("Oral");
    assertThat(page.get("nextCursor").asText()).isEqualTo("eyJwIjoiMjAyMi0wMy0zMCJ9");
    assertThat(store.lastRequest().path()).isEqualTo("/internal/v1/timeline");
    assertThat(store.lastRequest().query()).isEqualTo("actor=KAZ&actor=org.csto&actorMode=all&theme=peacekeeping"
        + "&language=en&q=CSTO+troops&from=2022-01-01&to=2022-02-01T00%3A00%3A00Z&limit=20&cursor=eyJwIjoiMjAyMi0wMy0zMCJ9");
  }

  @Test
  void answersAnEtagAndNotModifiedWhenTheClientHasTheSamePage() {
    store.on("GET /internal/v1/timeline", Reply.json(200, Fixtures.read("store/timeline-kaz.json")));

    HttpResponse<String> first = http.get("/api/v1/timeline?actor=KAZ");
    String etag = first.headers().firstValue("ETag").orElseThrow();
    assertThat(first.headers().firstValue("Cache-Control")).hasValue("public, max-age=2");

    HttpResponse<String> second = http.get("/api/v1/timeline?actor=KAZ", "If-None-Match", etag);
    assertThat(second.statusCode()).isEqualTo(304);
    assertThat(second.body()).isEmpty();
  }

  @Test
  void rejectsAnOutOfRangeLimitWithoutCallingStore() {
    HttpResponse<String> response = http.get("/api/v1/timeline?limit=500");

    assertProblem(response, 400, "limit");
    assertThat(store.requests()).isEmpty();
  }

  @Test
  void rejectsANonNumericLimit() {
    assertProblem(http.get("/api/v1/timeline?limit=ten"), 400, "limit");
    assertThat(store.requests()).isEmpty();
  }

  @Test
  void rejectsARangeWhoseEndIsBeforeItsStart() {
    assertProblem(http.get("/api/v1/timeline?from=2024-09-12&to=2024-09-01"), 400, "to");
    assertThat(store.requests()).isEmpty();
  }

  @Test
  void rejectsADateThatIsNotIso8601() {
    assertProblem(http.get("/api/v1/timeline?from=12%2F09%2F2024"), 400, "from");
  }

  @Test
  void rejectsAnActorIdWithCharactersNoGazetteerIdHas() {
    assertProblem(http.get("/api/v1/timeline?actor=%3Cscript%3E"), 400, "actor");
    assertThat(store.requests()).isEmpty();
  }

  @Test
  void rejectsAnUnknownActorMode() {
    assertProblem(http.get("/api/v1/timeline?actorMode=most"), 400, "actorMode");
  }

  @Test
  void returnsOneArticle() {
    store.on("GET /internal/v1/articles/3f9a1c0d2b7e4a5f8c6d1e2f3a4b5c6d", Reply.json(200, Fixtures.read("store/article.json")));

    HttpResponse<String> response = http.get("/api/v1/articles/3f9a1c0d2b7e4a5f8c6d1e2f3a4b5c6d");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(Http.json(response).get("authors").get(0).asText()).isEqualTo("Aigerim Seitkali");
  }

  @Test
  void passesOnStoresNotFoundAsAProblem() {
    store.on("GET /internal/v1/articles/00000000000000000000000000000000", Reply.problem(404,
        "{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,\"detail\":\"no article 00000000000000000000000000000000\",\"articleId\":\"00000000000000000000000000000000\"}"));

    HttpResponse<String> response = http.get("/api/v1/articles/00000000000000000000000000000000");

    JsonNode problem = assertProblem(response, 404, "no article");
    assertThat(problem.get("articleId").asText()).isEqualTo("00000000000000000000000000000000");
  }

  @Test
  void wrapsABackEndFourHundredThatIsNotAProblem() {
    store.on("GET /internal/v1/timeline", new Reply(400, "text/plain", "bad cursor"));

    assertProblem(http.get("/api/v1/timeline?cursor=abc"), 400, "bad cursor");
  }

  @Test
  void answersBadGatewayWhenStoreFails() {
    store.on("GET /internal/v1/timeline", Reply.json(500, "{\"error\":\"boom\"}"));

    JsonNode problem = assertProblem(http.get("/api/v1/timeline"), 502, "store-service answered 500");
    assertThat(problem.get("backend").asText()).isEqualTo("store-service");
  }

  @Test
  void rejectsAnArticleIdThatIsNoId() {
    assertProblem(http.get("/api/v1/articles/..%2F..%2Fadmin"), 400, "id");
    assertThat(store.requests()).isEmpty();
  }

  @Test
  void answersUnknownRoutesWithAProblem() {
    HttpResponse<String> response = http.get("/api/v1/nothing-here");
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(ct -> assertThat(ct).startsWith("application/problem+json"));
  }

  @Test
  void healthIsUp() {
    HttpResponse<String> response = http.get("/health");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(Http.json(response).get("status").asText()).isEqualTo("UP");
  }

  static JsonNode assertProblem(HttpResponse<String> response, int status, String detailContains) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(ct -> assertThat(ct).startsWith("application/problem+json"));
    JsonNode problem = Http.json(response);
    assertThat(problem.get("status").asInt()).isEqualTo(status);
    assertThat(problem.get("title").asText()).isNotBlank();
    assertThat(problem.get("detail").asText()).contains(detailContains);
    return problem;
  }
}
