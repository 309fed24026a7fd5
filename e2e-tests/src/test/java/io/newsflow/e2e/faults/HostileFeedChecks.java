package io.newsflow.e2e.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;

/**
 * Registers each hostile feed through the gateway and checks that ingest answers with the right failure
 * category, either at once (registration refused) or in the feed's health after its first poll, while an
 * ordinary feed registered beside them is read completely.
 */
final class HostileFeedChecks {

  private HostileFeedChecks() {}

  static void run(FaultSystem system, HostileFeedServer hostile, GrowingFeedServer ordinary, Ledger ledger, Logger log)
      throws Exception {
    String gateway = system.url("api-gateway");
    Map<HostileFeedServer.Attack, String> outcomes = new LinkedHashMap<>();
    HttpResponse<String> ordinaryRegistered = Http.postJson(gateway + "/api/v1/feeds",
        "{\"url\": \"" + ordinary.feedUrl() + "\"}", "X-API-Key", FaultSystem.OPERATOR_KEY);
    assertThat(ordinaryRegistered.statusCode()).as(ordinaryRegistered.body()).isIn(200, 201);
    ordinary.open();
    try (GrowingFeedServer notAllowed = new GrowingFeedServer("not-allowed", 5, 5)) {
      // this server's port is not in the allowed hosts, so it is refused like any loopback address
      HttpResponse<String> refusedLoopback = Http.postJson(gateway + "/api/v1/feeds",
          "{\"url\": \"" + notAllowed.feedUrl() + "\"}", "X-API-Key", FaultSystem.OPERATOR_KEY);
      assertThat(refusedLoopback.statusCode()).as(refusedLoopback.body()).isEqualTo(400);
      assertThat(HostileInputIT.json(refusedLoopback.body()).path("category").asText()).isEqualTo("blocked");
      log.info("FIGURES hostile-feed LOOPBACK: a loopback feed not in the allowed hosts: 400 blocked");
    }
    List<String> registeredIds = new ArrayList<>();
    for (HostileFeedServer.Attack attack : HostileFeedServer.Attack.values()) {
      long started = System.nanoTime();
      HttpResponse<String> r = Http.postJson(gateway + "/api/v1/feeds", "{\"url\": \"" + hostile.url(attack) + "\"}",
          "X-API-Key", FaultSystem.OPERATOR_KEY);
      if (r.statusCode() == 400) {
        JsonNode problem = HostileInputIT.json(r.body());
        assertThat(r.headers().firstValue("Content-Type").orElse("")).contains("problem+json");
        assertThat(problem.path("category").asText()).as(attack + ": " + r.body()).isEqualTo(attack.category);
        outcomes.put(attack, "registration refused: 400 " + problem.path("category").asText() + " in "
            + Http.secondsSince(started) + " s (" + problem.path("detail").asText() + ")");
        log.info("FIGURES hostile-feed {}: {}", attack, outcomes.get(attack));
        continue;
      }
      assertThat(r.statusCode()).as(attack + ": " + r.body()).isIn(200, 201);
      String feedId = HostileInputIT.json(r.body()).get("feedId").asText();
      registeredIds.add(feedId);
      // polls repeat (with back-off); the category must show up within a few of them, and never a success
      java.util.Set<String> seen = new java.util.LinkedHashSet<>();
      JsonNode[] last = new JsonNode[1];
      Http.within(Duration.ofSeconds(90), () -> {
        HttpResponse<String> feed = Http.get(gateway + "/api/v1/feeds/" + feedId, "X-API-Key", FaultSystem.OPERATOR_KEY);
        JsonNode h = HostileInputIT.json(feed.body()).path("health");
        last[0] = h;
        if (h.hasNonNull("lastErrorCategory")) {
          seen.add(h.get("lastErrorCategory").asText());
        }
        return attack.category.equals(h.path("lastErrorCategory").asText(null));
      });
      JsonNode health = last[0];
      log.info("FIGURES hostile-feed {}: categories seen in the feed's health: {}", attack, seen);
      assertThat(health.path("lastErrorCategory").asText(null)).as(attack + ": " + health).isEqualTo(attack.category);
      assertThat(health.path("lastSuccessAt").isNull() || health.path("lastSuccessAt").isMissingNode()).isTrue();
      outcomes.put(attack, "registered, polls fail: " + attack.category + " after " + Http.secondsSince(started)
          + " s (" + health.path("lastErrorMessage").asText() + ")");
      log.info("FIGURES hostile-feed {}: {}", attack, outcomes.get(attack));
    }
    // the ordinary feed, growing all along, was read completely, each item once
    ordinary.revealAll();
    Ledger.Tally tally = ledger.awaitComplete(ordinary.ids(), Duration.ofSeconds(300));
    assertThat(tally.isExact()).as("ordinary feed beside the hostile ones: " + tally).isTrue();
    assertThat(tally.deadLettered()).isZero();
    log.info("FIGURES hostile-feed: ordinary feed beside the hostile ones: {}", tally);
    // the gateway and ingest are still there and still answer
    assertThat(Http.get(gateway + "/api/v1/feeds", "X-API-Key", FaultSystem.OPERATOR_KEY).statusCode()).isEqualTo(200);
    assertThat(Http.get(system.url("ingest-service") + "/actuator/health/liveness").statusCode()).isEqualTo(200);
  }
}
