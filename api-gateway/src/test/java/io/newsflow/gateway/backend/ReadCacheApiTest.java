package io.newsflow.gateway.backend;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.newsflow.gateway.support.FakeBackend.Reply;
import io.newsflow.gateway.support.Fixtures;
import io.newsflow.gateway.support.GatewayTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The read cache seen from outside: what reaches store-service when clients repeat, revalidate and
 * crowd one query, what gzip clients get, and how many reads reach it at once. The TTL is long here so that no entry expires mid-test on a slow machine; expiry
 * and refresh are checked on a test clock in {@link ReadCacheTest}.
 */
@MicronautTest
class ReadCacheApiTest extends GatewayTest {

  static final String READER = "rd-7d1c9b3a5e2f4a6b8c0d";
  static final String OPERATOR = "op-9e8d7c6b5a4f3e2d1c0b";

  @Inject
  ReadCache cache;

  @Override
  protected Map<String, String> extraProperties() {
    return Map.of(
        "newsflow.gateway.read-cache-ttl", "60s",
        "newsflow.gateway.read-cache-blind-ttl", "60s", // the live stream is off here: the blind TTL applies
        "newsflow.gateway.backend-read-concurrency", "2",
        "newsflow.gateway.reads-require-key", "true",
        "newsflow.gateway.api-keys", "reader:" + READER + ",operator:" + OPERATOR);
  }

  @BeforeEach
  void emptyCacheAndActAsReader() {
    cache.invalidateAll();
    http = http.with("X-API-Key", READER);
  }

  @Test
  void twentyConcurrentRequestsForOneTimelineMakeOneStoreCall() throws Exception {
    store.on("GET /internal/v1/timeline", Reply.json(200, Fixtures.read("store/timeline-kaz.json")).after(400));

    List<HttpResponse<String>> answers;
    try (ExecutorService clients = Executors.newFixedThreadPool(20)) {
      List<CompletableFuture<HttpResponse<String>>> sent = IntStream.range(0, 20)
          .mapToObj(i -> CompletableFuture.supplyAsync(() -> http.get("/api/v1/timeline?actor=KAZ&limit=20"), clients))
          .toList();
      answers = sent.stream().map(CompletableFuture::join).toList();
    }

    assertThat(answers).allSatisfy(a -> assertThat(a.statusCode()).isEqualTo(200));
    assertThat(answers).extracting(a -> a.headers().firstValue("ETag").orElseThrow()).containsOnly(
        answers.getFirst().headers().firstValue("ETag").orElseThrow());
    assertThat(store.requests()).hasSize(1);
  }

  @Test
  void revalidatingACachedAnswerCostsNoStoreCall() {
    store.on("GET /internal/v1/timeline", Reply.json(200, Fixtures.read("store/timeline-kaz.json")));

    HttpResponse<String> first = http.get("/api/v1/timeline?actor=KAZ");
    String etag = first.headers().firstValue("ETag").orElseThrow();
    HttpResponse<String> again = http.get("/api/v1/timeline?actor=KAZ", "If-None-Match", etag);
    HttpResponse<String> full = http.get("/api/v1/timeline?actor=KAZ");

    assertThat(again.statusCode()).isEqualTo(304);
    assertThat(again.headers().firstValue("Age")).isPresent();
    assertThat(full.statusCode()).isEqualTo(200);
    assertThat(full.body()).isEqualTo(first.body());
    assertThat(store.requests()).hasSize(1);
  }

  @Test
  void equivalentQueriesShareOneEntryAndDifferentOnesDoNot() {
    store.on("GET /internal/v1/timeline", Reply.json(200, Fixtures.read("store/timeline-kaz.json")));

    http.get("/api/v1/timeline?actor=RUS&actor=KAZ&theme=trade");
    http.get("/api/v1/timeline?actor=KAZ,RUS&theme=trade");
    http.get("/api/v1/timeline?theme=trade&actor=KAZ&actor=RUS&actor=KAZ");
    assertThat(store.requests()).hasSize(1);
    assertThat(store.lastRequest().query()).isEqualTo("actor=KAZ&actor=RUS&theme=trade");

    http.get("/api/v1/timeline?actor=KAZ&actor=RUS&theme=energy-transit");
    http.get("/api/v1/timeline?actor=KAZ&actor=RUS&theme=trade&cursor=eyJwIjoiMjAyMi0wMy0zMCJ9");
    assertThat(store.requests()).hasSize(3);
  }

  @Test
  void gzipClientsGetTheCachedBytesGzippedWhichDecompressToTheSameBody() throws Exception {
    store.on("GET /internal/v1/timeline", Reply.json(200, Fixtures.read("store/timeline-kaz.json")));

    HttpResponse<byte[]> plain = http.getBytes("/api/v1/timeline?actor=KAZ");
    HttpResponse<byte[]> gzipped = http.getBytes("/api/v1/timeline?actor=KAZ", "Accept-Encoding", "br, gzip;q=0.8");
    HttpResponse<byte[]> refused = http.getBytes("/api/v1/timeline?actor=KAZ", "Accept-Encoding", "gzip;q=0, identity");

    assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
    assertThat(plain.body()).isEqualTo(Fixtures.read("store/timeline-kaz.json").getBytes(StandardCharsets.UTF_8));
    assertThat(gzipped.statusCode()).isEqualTo(200);
    assertThat(gzipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
    assertThat(gzipped.headers().firstValue("Vary")).hasValue("Accept-Encoding");
    assertThat(gzipped.body().length).isLessThan(plain.body().length);
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped.body()))) {
      assertThat(in.readAllBytes()).as("compressed once, by the cache, not again by the server").isEqualTo(plain.body());
    }
    assertThat(refused.headers().firstValue("Content-Encoding")).isEmpty();
    assertThat(refused.body()).isEqualTo(plain.body());

    String gzipEtag = gzipped.headers().firstValue("ETag").orElseThrow();
    String plainEtag = plain.headers().firstValue("ETag").orElseThrow();
    assertThat(gzipEtag).isNotEqualTo(plainEtag);
    assertThat(http.get("/api/v1/timeline?actor=KAZ", "If-None-Match", gzipEtag, "Accept-Encoding", "gzip").statusCode()).isEqualTo(304);
    assertThat(http.get("/api/v1/timeline?actor=KAZ", "If-None-Match", plainEtag).statusCode()).isEqualTo(304);
    assertThat(store.requests()).hasSize(1);
  }

  @Test
  void atMostTheConfiguredNumberOfReadsReachTheStoreAtOnce() {
    store.on("GET /internal/v1/articles/" + "a".repeat(32), Reply.json(200, Fixtures.read("store/article.json")).after(300));
    for (char c = 'b'; c <= 'f'; c++) {
      store.on("GET /internal/v1/articles/" + String.valueOf(c).repeat(32), Reply.json(200, Fixtures.read("store/article.json")).after(300));
    }

    List<HttpResponse<String>> answers;
    try (ExecutorService clients = Executors.newFixedThreadPool(6)) {
      answers = "abcdef".chars().mapToObj(c -> CompletableFuture.supplyAsync(
              () -> http.get("/api/v1/articles/" + String.valueOf((char) c).repeat(32)), clients))
          .toList().stream().map(CompletableFuture::join).toList();
    }

    assertThat(answers).allSatisfy(a -> assertThat(a.statusCode()).isEqualTo(200));
    assertThat(store.requests()).hasSize(6);
    assertThat(store.maxConcurrentRequests()).as("NEWSFLOW_BACKEND_READ_CONCURRENCY=2").isEqualTo(2);
  }

  @Test
  void keepsNoErrorSoTheNextRequestSeesTheRecoveredStore() {
    store.on("GET /internal/v1/themes", Reply.json(500, "{\"error\":\"mongo timeout\"}"));
    assertThat(http.get("/api/v1/themes").statusCode()).isEqualTo(502);

    store.on("GET /internal/v1/themes", Reply.json(200, Fixtures.read("store/themes.json")));
    assertThat(http.get("/api/v1/themes").statusCode()).isEqualTo(200);
    assertThat(store.requests()).hasSize(2);
  }

  @Test
  void aCachedAnswerIsStillServedOnlyToCallersWithAKey() {
    store.on("GET /internal/v1/themes", Reply.json(200, Fixtures.read("store/themes.json")));
    assertThat(http.get("/api/v1/themes").statusCode()).isEqualTo(200);

    HttpResponse<String> anonymous = http.with().get("/api/v1/themes");
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.body()).doesNotContain("articleCount");
  }

  @Test
  void operatorCallsAreNeverCached() {
    ingest.on("GET /internal/v1/feeds", Reply.json(200, Fixtures.read("ingest/feeds.json")));

    http.with("X-API-Key", OPERATOR).get("/api/v1/feeds");
    HttpResponse<String> second = http.with("X-API-Key", OPERATOR).get("/api/v1/feeds");

    assertThat(second.headers().firstValue("Cache-Control")).hasValue("no-store");
    assertThat(ingest.requests()).hasSize(2);
  }
}
