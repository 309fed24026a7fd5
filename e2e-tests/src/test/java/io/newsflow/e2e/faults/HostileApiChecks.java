package io.newsflow.e2e.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.assertj.core.api.SoftAssertions;
import org.slf4j.Logger;

/**
 * Hostile requests to the public API of the running gateway: oversized and invalid parameters,
 * injection-shaped values, path traversal in ids, wrong methods, missing, wrong and under-privileged
 * keys, malformed and oversized bodies. Each must get a 4xx with a problem document naming what is wrong
 * (never a 5xx, never a stack trace), and an injection-shaped filter must match nothing rather than everything.
 */
final class HostileApiChecks {

  private record Probe(String name, String method, String path, String key, String body, Set<Integer> statuses,
      boolean problemJson) {}

  private HostileApiChecks() {}

  static void run(FaultSystem system, Logger log) throws Exception {
    String gateway = system.url("api-gateway");
    String op = FaultSystem.OPERATOR_KEY;
    String rd = FaultSystem.READER_KEY;
    List<Probe> probes = List.of(
        new Probe("mongo operator as actor", "GET", "/api/v1/timeline?actor=" + enc("{\"$gt\":\"\"}"), rd, null, Set.of(400), true),
        new Probe("mongo operator as theme", "GET", "/api/v1/timeline?theme=" + enc("{\"$ne\":null}"), rd, null, Set.of(400), true),
        // an unknown parameter name, ignored: what matters is that it is no operator
        new Probe("bracket operator as parameter name", "GET", "/api/v1/timeline?actor%5B%24ne%5D=x", rd, null, Set.of(200, 400), false),
        new Probe("operator as source", "GET", "/api/v1/timeline?source=" + enc("{\"$regex\":\".*\"}"), rd, null, Set.of(400), true),
        new Probe("limit too large", "GET", "/api/v1/timeline?limit=100000", rd, null, Set.of(400), true),
        new Probe("limit negative", "GET", "/api/v1/timeline?limit=-1", rd, null, Set.of(400), true),
        new Probe("limit not a number", "GET", "/api/v1/timeline?limit=1e9", rd, null, Set.of(400), true),
        new Probe("from not a date", "GET", "/api/v1/timeline?from=" + enc("yesterday'; DROP TABLE articles;--"), rd, null, Set.of(400), true),
        new Probe("to before from", "GET", "/api/v1/timeline?from=2025-01-02&to=2024-01-01", rd, null, Set.of(400), true),
        new Probe("forged cursor", "GET", "/api/v1/timeline?cursor=" + enc("{\"$where\": \"sleep(5000)\"}"), rd, null, Set.of(400), true),
        new Probe("q too long", "GET", "/api/v1/timeline?q=" + "a".repeat(300), rd, null, Set.of(400), true),
        new Probe("URL of 20 KB", "GET", "/api/v1/timeline?q=" + "a".repeat(20_000), rd, null, Set.of(400, 413, 414), false),
        new Probe("q with control characters", "GET", "/api/v1/timeline?q=" + enc("tokayev\u0000\u0007"), rd, null, Set.of(400), true),
        new Probe("too many actors", "GET", "/api/v1/timeline?" + manyActors(30), rd, null, Set.of(400), true),
        new Probe("bad actorMode", "GET", "/api/v1/timeline?actorMode=" + enc("any||1==1"), rd, null, Set.of(400), true),
        new Probe("bad includeDuplicates", "GET", "/api/v1/timeline?includeDuplicates=yes-please", rd, null, Set.of(400), true),
        new Probe("traversal in article id", "GET", "/api/v1/articles/..%2F..%2F..%2Fetc%2Fpasswd", rd, null, Set.of(400, 404), true),
        new Probe("dot-dot article id", "GET", "/api/v1/articles/..", rd, null, Set.of(400, 404), false),
        new Probe("operator in article id", "GET", "/api/v1/articles/" + enc("{\"$gt\":\"\"}"), rd, null, Set.of(400), true),
        new Probe("unknown article id", "GET", "/api/v1/articles/00000000000000000000000000000000", rd, null, Set.of(404), true),
        new Probe("traversal in story id", "GET", "/api/v1/stories/..%2Finternal%2Fv1%2Fthemes", rd, null, Set.of(400, 404), true),
        new Probe("bad stats dimension", "GET", "/api/v1/stats/volume?dimension=" + enc("$where"), rd, null, Set.of(400), true),
        new Probe("live with operator actor", "GET", "/api/v1/live?actor=" + enc("{\"$gt\":\"\"}"), rd, null, Set.of(400), true),
        new Probe("wrong method on timeline", "DELETE", "/api/v1/timeline", op, null, Set.of(405), false),
        new Probe("wrong method on feeds", "PUT", "/api/v1/feeds", op, "{}", Set.of(405), false),
        new Probe("register without key", "POST", "/api/v1/feeds", null, "{\"url\": \"https://example.org/feed\"}", Set.of(401), true),
        new Probe("register with reader key", "POST", "/api/v1/feeds", rd, "{\"url\": \"https://example.org/feed\"}", Set.of(403), true),
        new Probe("register with unknown key", "POST", "/api/v1/feeds", "not-a-key-of-ours-0000", "{\"url\": \"https://example.org/feed\"}", Set.of(401), true),
        new Probe("list feeds with reader key", "GET", "/api/v1/feeds", rd, null, Set.of(403), true),
        new Probe("register: body not JSON", "POST", "/api/v1/feeds", op, "url=https://example.org/feed", Set.of(400, 415), true),
        new Probe("register: file URL", "POST", "/api/v1/feeds", op, "{\"url\": \"file:///etc/passwd\"}", Set.of(400), true),
        new Probe("register: gopher URL", "POST", "/api/v1/feeds", op, "{\"url\": \"gopher://127.0.0.1:6379/_FLUSHALL\"}", Set.of(400), true),
        new Probe("register: operator member", "POST", "/api/v1/feeds", op, "{\"url\": \"https://example.org/f\", \"$where\": \"1\"}", Set.of(400), true),
        new Probe("register: url is an object", "POST", "/api/v1/feeds", op, "{\"url\": {\"$gt\": \"\"}}", Set.of(400), true),
        new Probe("register: metadata address", "POST", "/api/v1/feeds", op, "{\"url\": \"http://169.254.169.254/latest/meta-data/\"}", Set.of(400), true),
        new Probe("register: 3 MB body", "POST", "/api/v1/feeds", op, "{\"url\": \"https://example.org/" + "x".repeat(3_000_000) + "\"}", Set.of(400, 413), false),
        new Probe("feed id traversal", "GET", "/api/v1/feeds/..%2F..%2Finternal%2Fv1%2Ffeeds", op, null, Set.of(400, 404), true));

    SoftAssertions soft = new SoftAssertions();
    List<String> outcomes = new ArrayList<>();
    for (Probe p : probes) {
      HttpResponse<String> r = send(gateway, p);
      String type = problemType(r);
      outcomes.add(p.name() + " -> " + r.statusCode() + (type == null ? "" : " " + type));
      soft.assertThat(r.statusCode()).as(p.name() + ": " + shorten(r.body())).isIn(p.statuses().toArray());
      soft.assertThat(r.body()).as(p.name() + " leaks no stack trace").doesNotContain("Exception", "\tat ");
      if (p.problemJson()) {
        soft.assertThat(type).as(p.name() + " answers a problem document: " + shorten(r.body())).isNotNull();
      }
    }
    // a request head far beyond any sane size is refused by the server itself
    HttpResponse<String> hugeHeader = Http.CLIENT.send(HttpRequest.newBuilder(URI.create(gateway + "/api/v1/themes"))
        .header("X-API-Key", rd).header("X-Padding", "p".repeat(200_000)).timeout(Duration.ofSeconds(30)).build(),
        HttpResponse.BodyHandlers.ofString());
    outcomes.add("200 KB request header -> " + hugeHeader.statusCode());
    soft.assertThat(hugeHeader.statusCode()).as("200 KB request header").isIn(400, 413, 431);

    // an injection-shaped value reaching store-service directly is a literal, not an operator: it matches nothing
    HttpResponse<String> direct = Http.get(system.url("store-service") + "/internal/v1/timeline?limit=200&actor="
        + enc("{\"$gt\":\"\"}") + "&source=" + enc("{\"$ne\":null}"));
    outcomes.add("store direct with operator filters -> " + direct.statusCode());
    if (direct.statusCode() == 200) {
      soft.assertThat(HostileInputIT.json(direct.body()).get("items")).as("items matched by operator-shaped filters").isEmpty();
    } else {
      soft.assertThat(direct.statusCode()).isEqualTo(400);
    }
    // and after all of it the gateway still serves
    HttpResponse<String> timeline = Http.get(gateway + "/api/v1/timeline?limit=5", "X-API-Key", rd);
    outcomes.add("ordinary timeline afterwards -> " + timeline.statusCode());
    soft.assertThat(timeline.statusCode()).isEqualTo(200);
    soft.assertThat(HostileInputIT.json(timeline.body()).get("items")).isNotEmpty();
    log.info("FIGURES hostile-api: {} probes: {}", outcomes.size(), String.join("; ", outcomes));
    soft.assertAll();
  }

  private static HttpResponse<String> send(String gateway, Probe p) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(gateway + p.path())).timeout(Duration.ofSeconds(30));
    if (p.key() != null) {
      b.header("X-API-Key", p.key());
    }
    if (p.body() != null) {
      b.header("Content-Type", "application/json");
    }
    b.method(p.method(), p.body() == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(p.body()));
    try {
      return Http.CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    } catch (java.io.IOException e) {
      throw new AssertionError(p.name() + ": the gateway dropped the connection instead of answering", e);
    }
  }

  private static String problemType(HttpResponse<String> r) {
    if (!r.headers().firstValue("Content-Type").orElse("").contains("json")) {
      return null;
    }
    try {
      JsonNode body = HostileInputIT.json(r.body());
      return body.hasNonNull("type") && body.hasNonNull("status") ? body.get("type").asText() : null;
    } catch (Exception e) {
      return null;
    }
  }

  private static String manyActors(int n) {
    StringBuilder q = new StringBuilder();
    for (int i = 0; i < n; i++) {
      q.append("actor=A").append(i).append('&');
    }
    return q.toString();
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static String shorten(String s) {
    return s == null || s.length() < 300 ? s : s.substring(0, 300) + "...";
  }
}
