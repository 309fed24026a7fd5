package io.newsflow.gateway.backend;

import static io.newsflow.gateway.backend.ScriptedLoader.bodyOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * The read cache while the gateway follows the enriched topic: answers refreshed on change rather
 * than by a blind TTL, stale-while-revalidate, bounded back-end calls, and the gzip form.
 */
class ReadCacheChangesTest {

  private static final String KAZ = "/internal/v1/timeline?actor=KAZ&limit=50";
  private static final String MNG = "/internal/v1/timeline?actor=MNG&limit=50";
  private static final String ALL = "/internal/v1/timeline?limit=50";

  private final ScriptedLoader backend = new ScriptedLoader();

  private static ArticleChange kazakhArticle() {
    return new ArticleChange("a1b2c3d4e5f60718293a4b5c6d7e8f90", null, "s-77", false, Set.of("KAZ", "RUS"),
        Set.of("military-exercises"), "feed-astana-times", "en", Instant.parse("2026-11-27T09:30:00Z"),
        Set.of(), Set.of(), false);
  }

  /** A cache following the topic, with KAZ, MNG and the unfiltered timeline loaded; KAZ and ALL read once more. */
  private ReadCache warmCache(int refreshConcurrency) {
    ReadCache cache = backend.cache(ScriptedLoader.following(16, refreshConcurrency));
    cache.followingChanges(true);
    for (String path : List.of(KAZ, MNG, ALL)) {
      cache.get(Backend.STORE, path);
      backend.answer(path, "{\"items\":[\"old " + path + "\"]}");
    }
    cache.get(Backend.STORE, KAZ);
    cache.get(Backend.STORE, ALL);
    return cache;
  }

  @Test
  void withoutAChangeAHotAnswerIsServedFromMemoryUpToTheTtl() {
    ReadCache cache = warmCache(2);
    backend.advance(Duration.ofSeconds(25)); // a blind cache (2 s) would have reloaded it a dozen times
    for (int i = 0; i < 100; i++) {
      assertThat(bodyOf(cache.get(Backend.STORE, KAZ))).contains("old");
    }
    assertThat(backend.calls).hasSize(3);
  }

  @Test
  void aNewArticleRefreshesTheReadAnswersItAffectsAfterTheSettleTime() {
    ReadCache cache = warmCache(2);
    cache.articleChanged(kazakhArticle());
    cache.articleChanged(kazakhArticle()); // a burst: still one refresh per key
    assertThat(backend.calls).as("nothing before the settle time").hasSize(3);

    backend.settle();

    assertThat(backend.callsFor(KAZ)).isEqualTo(2);
    assertThat(backend.callsFor(ALL)).isEqualTo(2);
    assertThat(backend.callsFor(MNG)).as("Mongolia's timeline cannot show a Kazakh-Russian article").isEqualTo(1);
    backend.answer(KAZ, "{\"items\":[\"new\"]}");
    assertThat(bodyOf(cache.get(Backend.STORE, KAZ))).isEqualTo("{\"items\":[\"new\"]}");
  }

  @Test
  void anAffectedAnswerNobodyReadSinceItsLoadIsDroppedNotRefreshed() {
    ReadCache cache = warmCache(2);
    String pair = "/internal/v1/timeline?actor=KAZ&actor=RUS&actorMode=all&limit=50";
    cache.get(Backend.STORE, pair);
    backend.answer(pair, "{\"items\":[]}");

    cache.articleChanged(kazakhArticle());
    backend.settle();
    assertThat(backend.callsFor(pair)).as("no refresh paid for an unread answer").isEqualTo(1);

    CompletableFuture<CachedRead> next = cache.get(Backend.STORE, pair);
    assertThat(next).as("the next reader asks the store").isNotDone();
    backend.answer(pair, "{\"items\":[\"new\"]}");
    assertThat(bodyOf(next)).contains("new");
    assertThat(cache.changeCounts()).containsEntry("droppedOnChange", 1L).containsEntry("refreshedOnChange", 2L);
  }

  @Test
  void readersGetTheCachedAnswerAtOnceWhileARefreshRuns() {
    ReadCache cache = warmCache(2);
    cache.articleChanged(kazakhArticle());
    backend.settle();
    assertThat(backend.openCalls()).isEqualTo(2); // KAZ and ALL refreshing, the store not answering yet

    CompletableFuture<CachedRead> during = cache.get(Backend.STORE, KAZ);
    assertThat(during).isDone();
    assertThat(bodyOf(during)).contains("old");
    assertThat(backend.callsFor(KAZ)).as("no second call while one refresh is in flight").isEqualTo(2);

    backend.answer(KAZ, "{\"items\":[\"new\"]}");
    assertThat(bodyOf(cache.get(Backend.STORE, KAZ))).contains("new");
  }

  @Test
  void aRefreshThatBringsTheSameBytesKeepsTheEtagAndGzipForm() {
    ReadCache cache = backend.cache(ScriptedLoader.following(16, 2));
    cache.followingChanges(true);
    String body = "{\"items\":[" + "\"Tokayev meets Putin in Astana\",".repeat(60) + "\"end\"]}";
    CachedRead first = loaded(cache, KAZ, body);
    cache.get(Backend.STORE, KAZ);

    cache.articleChanged(kazakhArticle());
    backend.settle();
    backend.answer(KAZ, body);
    CachedRead second = cache.get(Backend.STORE, KAZ).join();

    assertThat(second).isNotSameAs(first);
    assertThat(second.etag()).isEqualTo(first.etag());
    assertThat(second.gzipped()).isSameAs(first.gzipped());
    assertThat(second.answeredAtNanos()).isGreaterThanOrEqualTo(first.answeredAtNanos());
  }

  @Test
  void neverServesAnAnswerOlderThanMaxStaleEvenWhileFollowing() {
    ReadCache cache = warmCache(2);
    backend.advance(Duration.ofSeconds(61));
    CompletableFuture<CachedRead> read = cache.get(Backend.STORE, MNG);
    assertThat(read).isNotDone();
    backend.answer(MNG, "{\"items\":[\"new\"]}");
    assertThat(bodyOf(read)).contains("new");
  }

  @Test
  void losingTheTopicFallsBackToTheBlindTtl() {
    ReadCache cache = warmCache(2);
    backend.advance(Duration.ofSeconds(5));
    assertThat(cache.get(Backend.STORE, KAZ)).isDone();
    cache.followingChanges(false); // Kafka gone: changes would go unseen
    assertThat(cache.get(Backend.STORE, KAZ)).as("5 s old: older than the 2 s blind TTL").isNotDone();
  }

  @Test
  void refreshesRunAtMostTheirConcurrencyAndNeverDelayAColdRead() {
    ReadCache cache = backend.cache(ScriptedLoader.following(16, 2));
    cache.followingChanges(true);
    List<String> hot = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      String path = "/internal/v1/timeline?actor=KAZ&limit=" + (20 + i);
      hot.add(path);
      loaded(cache, path, "{\"items\":[" + i + "]}");
      cache.get(Backend.STORE, path); // read since loaded: a change refreshes it
    }
    cache.articleChanged(kazakhArticle());
    backend.settle();
    assertThat(backend.openCalls()).as("two refreshes in flight, eight waiting").isEqualTo(2);
    assertThat(cache.changeCounts()).containsEntry("refreshesQueued", 8L);

    CompletableFuture<CachedRead> cold = cache.get(Backend.STORE, MNG);
    assertThat(backend.openCalls()).as("the cold read went out at once").isEqualTo(3);
    backend.answer(MNG, "{\"items\":[\"mongolia\"]}");
    assertThat(bodyOf(cold)).contains("mongolia");

    backend.answerAllOpen("{\"items\":[\"new\"]}");
    assertThat(backend.calls).hasSize(10 + 10 + 1);
    assertThat(cache.maxRefreshesInFlight()).isEqualTo(2);
    assertThat(hot).allSatisfy(p -> assertThat(bodyOf(cache.get(Backend.STORE, p))).contains("new"));
  }

  @Test
  void readsAClientWaitsForAreBoundedToo() {
    ReadCache cache = backend.cache(ScriptedLoader.following(3, 2));
    List<CompletableFuture<CachedRead>> reads = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      reads.add(cache.get(Backend.STORE, "/internal/v1/articles/a" + i));
    }
    assertThat(backend.openCalls()).isEqualTo(3);
    backend.answer("/internal/v1/articles/a0", "{}");
    assertThat(backend.openCalls()).as("the freed permit went to the next waiting read").isEqualTo(3);
    for (int i = 1; i < 7; i++) {
      backend.answer("/internal/v1/articles/a" + i, "{\"id\":" + i + "}");
    }
    assertThat(reads).allSatisfy(r -> assertThat(r).isCompleted());
  }

  @Test
  void keepsAGzipFormThatDecompressesToTheSameBytes() throws IOException {
    ReadCache cache = backend.cache(ScriptedLoader.following(16, 2));
    String body = "{\"items\":[" + "{\"title\":\"Қазақстан — CSTO drills near Oral\"},".repeat(50) + "{}]}";
    CachedRead read = loaded(cache, KAZ, body);

    assertThat(read.gzipped()).isNotNull();
    assertThat(read.gzipped().length).isLessThan(body.getBytes(StandardCharsets.UTF_8).length / 4);
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(read.gzipped()))) {
      assertThat(in.readAllBytes()).isEqualTo(body.getBytes(StandardCharsets.UTF_8));
    }
    assertThat(read.gzipEtag()).isNotEqualTo(read.etag()).startsWith(read.etag().substring(0, 33)).endsWith("-gz\"");
    assertThat(loaded(cache, MNG, "{\"items\":[]}").gzipped()).as("too small to gain").isNull();
  }

  private CachedRead loaded(ReadCache cache, String path, String body) {
    CompletableFuture<CachedRead> read = cache.get(Backend.STORE, path);
    backend.answer(path, body);
    return read.join();
  }
}
