package io.newsflow.gateway.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/**
 * The read cache's rules, on a clock the test moves: single flight, errors, size, and freshness while
 * the gateway does not follow the enriched topic (blind: the short TTL). Change signals, bounds and
 * gzip are in {@link ReadCacheChangesTest}.
 */
class ReadCacheTest {

  private static final Duration TTL = Duration.ofSeconds(2);
  private static final String KAZ = "/internal/v1/timeline?actor=KAZ&limit=50";

  private final ScriptedLoader backend = new ScriptedLoader();
  private final List<CompletableFuture<BackendResponse>> calls = backend.calls;

  private ReadCache cache(Duration ttl, long maxBytes) {
    return backend.cache(ScriptedLoader.blind(ttl, maxBytes));
  }

  private static BackendResponse ok(String body) {
    return ScriptedLoader.ok(body);
  }

  private void advance(Duration d) {
    backend.advance(d);
  }

  @Test
  void concurrentMissesOfOneQueryMakeOneBackEndCall() {
    ReadCache cache = cache(TTL, 1 << 20);
    List<CompletableFuture<CachedRead>> waiting = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      waiting.add(cache.get(Backend.STORE, KAZ));
    }

    assertThat(calls).hasSize(1);
    assertThat(waiting).allSatisfy(f -> assertThat(f).isNotDone());
    calls.getFirst().complete(ok("{\"items\":[]}"));
    assertThat(waiting).allSatisfy(f -> assertThat(f.join().etag()).isEqualTo(waiting.getFirst().join().etag()));
  }

  @Test
  void servesTheCachedAnswerWithinTheTtlAndAsksAgainAfterIt() {
    ReadCache cache = cache(TTL, 1 << 20);
    cache.get(Backend.STORE, KAZ);
    calls.getFirst().complete(ok("{\"items\":[1]}"));

    advance(Duration.ofMillis(900));
    assertThat(new String(cache.get(Backend.STORE, KAZ).join().response().body(), StandardCharsets.UTF_8)).isEqualTo("{\"items\":[1]}");
    assertThat(calls).hasSize(1);

    advance(Duration.ofMillis(1200)); // 2.1 s after the answer: older than the TTL, never served
    CompletableFuture<CachedRead> after = cache.get(Backend.STORE, KAZ);
    assertThat(calls).hasSize(2);
    assertThat(after).isNotDone();
    calls.get(1).complete(ok("{\"items\":[2]}"));
    assertThat(new String(after.join().response().body(), StandardCharsets.UTF_8)).isEqualTo("{\"items\":[2]}");
  }

  @Test
  void refreshesAHotQueryInTheBackgroundWhileServingTheFreshEnoughAnswer() {
    ReadCache cache = cache(TTL, 1 << 20);
    cache.get(Backend.STORE, KAZ);
    calls.getFirst().complete(ok("{\"items\":[1]}"));

    advance(Duration.ofMillis(1600)); // past 3/4 of the TTL: reload, but answer at once
    CompletableFuture<CachedRead> during = cache.get(Backend.STORE, KAZ);
    assertThat(during).isDone();
    assertThat(new String(during.join().response().body(), StandardCharsets.UTF_8)).isEqualTo("{\"items\":[1]}");
    assertThat(calls).hasSize(2);

    calls.get(1).complete(ok("{\"items\":[2]}"));
    advance(Duration.ofMillis(1000)); // 2.6 s after the first answer, 1 s after the refresh
    assertThat(new String(cache.get(Backend.STORE, KAZ).join().response().body(), StandardCharsets.UTF_8)).isEqualTo("{\"items\":[2]}");
    assertThat(calls).hasSize(2);
  }

  @Test
  void keepsNoErrorAnswer() {
    ReadCache cache = cache(TTL, 1 << 20);
    CompletableFuture<CachedRead> first = cache.get(Backend.STORE, "/internal/v1/articles/abc");
    calls.getFirst().complete(new BackendResponse(Backend.STORE, 404, "application/problem+json", "{}".getBytes(StandardCharsets.UTF_8)));
    assertThat(first.join().response().status()).isEqualTo(404);

    cache.get(Backend.STORE, "/internal/v1/articles/abc");
    assertThat(calls).hasSize(2);
  }

  @Test
  void keepsNoFailureToAnswer() {
    ReadCache cache = cache(TTL, 1 << 20);
    CompletableFuture<CachedRead> first = cache.get(Backend.STORE, KAZ);
    calls.getFirst().completeExceptionally(new BackendUnavailableException(Backend.STORE, URI.create("http://127.0.0.1:1" + KAZ),
        new java.net.ConnectException("refused")));
    assertThatThrownBy(first::join).isInstanceOf(CompletionException.class).hasCauseInstanceOf(BackendUnavailableException.class);

    cache.get(Backend.STORE, KAZ);
    assertThat(calls).hasSize(2);
  }

  @Test
  void differentQueriesAreDifferentEntries() {
    ReadCache cache = cache(TTL, 1 << 20);
    cache.get(Backend.STORE, KAZ);
    cache.get(Backend.STORE, KAZ + "&theme=trade");
    cache.get(Backend.INGEST, KAZ);
    assertThat(calls).hasSize(3);
  }

  @Test
  void staysWithinItsMemoryBound() {
    ReadCache cache = backend.cache(new ReadCache.Settings(Duration.ofMinutes(1), Duration.ofMinutes(1), Duration.ofMinutes(1),
        Duration.ofSeconds(1), 10_000, 64, 2));
    String body = "x".repeat(1_000);
    for (int i = 0; i < 50; i++) {
      cache.get(Backend.STORE, KAZ + "&page=" + i);
      calls.getLast().complete(ok(body));
    }
    // 50 answers of ~1.2 KB each: at most 8 fit in 10 KB, so at least 42 were evicted.
    assertThat(cache.stats().evictionCount()).isGreaterThanOrEqualTo(42);
  }

  @Test
  void withAZeroTtlEveryReadGoesToTheBackEnd() {
    ReadCache cache = cache(Duration.ZERO, 1 << 20);
    cache.get(Backend.STORE, KAZ);
    calls.getFirst().complete(ok("{}"));
    cache.get(Backend.STORE, KAZ);
    assertThat(calls).hasSize(2);
    assertThat(cache.isEnabled()).isFalse();
  }

  @Test
  void computesTheEtagOnceFromTheBodyAndAnAgeFromTheClock() {
    ReadCache cache = cache(TTL, 1 << 20);
    CompletableFuture<CachedRead> read = cache.get(Backend.STORE, KAZ);
    calls.getFirst().complete(ok("{\"items\":[]}"));
    assertThat(read.join().etag()).isEqualTo(CachedRead.etagOf("{\"items\":[]}".getBytes(StandardCharsets.UTF_8)));
    advance(Duration.ofMillis(1_100));
    assertThat(cache.ageSeconds(read.join())).isEqualTo(1);
  }
}
