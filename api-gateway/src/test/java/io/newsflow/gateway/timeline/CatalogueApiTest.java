package io.newsflow.gateway.timeline;

import static io.newsflow.gateway.timeline.TimelineApiTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.newsflow.gateway.support.FakeBackend.Reply;
import io.newsflow.gateway.support.Fixtures;
import io.newsflow.gateway.support.GatewayTest;
import io.newsflow.gateway.support.Http;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Events, stories, actors, themes and statistics: each forwarded with validated parameters. */
@MicronautTest
class CatalogueApiTest extends GatewayTest {

  @Test
  void forwardsTheEventTimelineWithDateOnlyBounds() {
    store.on("GET /internal/v1/events", Reply.json(200, Fixtures.read("store/events.json")));

    HttpResponse<String> response = http.get("/api/v1/events?actor=org.csto&theme=peacekeeping&from=2022-01-01&to=2022-02-01&limit=10");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(Http.json(response).get("items").get(1).get("start").asText()).isEqualTo("2022-01-06");
    assertThat(store.lastRequest().query()).isEqualTo("actor=org.csto&theme=peacekeeping&from=2022-01-01&to=2022-02-01&limit=10");
    assertProblem(http.get("/api/v1/events?from=2022-01-01T10:00:00Z"), 400, "from");
    assertProblem(http.get("/api/v1/events?actor=KAZ&actor=RUS"), 400, "at most one");
  }

  @Test
  void returnsAStory() {
    store.on("GET /internal/v1/stories/s-22bb02", Reply.json(200, "{\"storyId\":\"s-22bb02\",\"articles\":[]}"));
    assertThat(Http.json(http.get("/api/v1/stories/s-22bb02")).get("storyId").asText()).isEqualTo("s-22bb02");
  }

  @Test
  void searchesActorsByNameAndNeedsAName() {
    store.on("GET /internal/v1/actors", Reply.json(200,
        "[{\"actorId\":\"person.tokayev\",\"name\":\"Kassym-Jomart Tokayev\",\"type\":\"PERSON\",\"articleCount\":311}]"));

    HttpResponse<String> response = http.get("/api/v1/actors?q=Tokaev&limit=5");

    assertThat(Http.json(response).get(0).get("actorId").asText()).isEqualTo("person.tokayev");
    assertThat(store.lastRequest().query()).isEqualTo("q=Tokaev&limit=5");
    assertProblem(http.get("/api/v1/actors"), 400, "q");
  }

  @Test
  void returnsOneActor() {
    store.on("GET /internal/v1/actors/org.csto", Reply.json(200,
        "{\"actorId\":\"org.csto\",\"name\":\"CSTO\",\"type\":\"ALLIANCE\",\"articleCount\":702}"));
    assertThat(Http.json(http.get("/api/v1/actors/org.csto")).get("articleCount").asInt()).isEqualTo(702);
  }

  @Test
  void listsThemesWithCounts() {
    store.on("GET /internal/v1/themes", Reply.json(200, Fixtures.read("store/themes.json")));
    assertThat(Http.json(http.get("/api/v1/themes"))).hasSize(4);
  }

  @Test
  void forwardsVolumeAndRequiresADimension() {
    store.on("GET /internal/v1/stats/volume", Reply.json(200, Fixtures.read("store/volume.json")));

    HttpResponse<String> response = http.get("/api/v1/stats/volume?dimension=theme&key=unrest&key=peacekeeping&from=2022-01-03&to=2022-01-08&interval=day");

    assertThat(Http.json(response).get("series")).hasSize(3);
    assertThat(store.lastRequest().query()).isEqualTo("dimension=theme&key=unrest&key=peacekeeping&from=2022-01-03&to=2022-01-08&interval=day");
    assertProblem(http.get("/api/v1/stats/volume?key=unrest"), 400, "dimension");
    assertProblem(http.get("/api/v1/stats/volume?dimension=actor"), 400, "key");
    assertProblem(http.get("/api/v1/stats/volume?dimension=theme&key=unrest&interval=hour"), 400, "interval");
  }

  @Test
  void forwardsCooccurrence() {
    store.on("GET /internal/v1/stats/cooccurrence", Reply.json(200, Fixtures.read("store/cooccurrence.json")));

    HttpResponse<String> response = http.get("/api/v1/stats/cooccurrence?actor=KAZ&limit=3");

    assertThat(Http.json(response).get("pairs").get(1).get("b").asText()).isEqualTo("org.csto");
    assertThat(store.lastRequest().query()).isEqualTo("actor=KAZ&limit=3");
  }
}
