package io.newsflow.gateway.backend;

import com.github.benmanes.caffeine.cache.Ticker;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A back-end for the read cache's unit tests: every call stays open until the test completes it, on
 * a clock the test moves, with the settle-time tasks run when the test says so.
 */
final class ScriptedLoader {

  final AtomicLong clock = new AtomicLong(1_000_000_000L);
  final Ticker ticker = clock::get;
  /** Every back-end call, still open until the test completes it. */
  final List<CompletableFuture<BackendResponse>> calls = new CopyOnWriteArrayList<>();
  final List<String> paths = new CopyOnWriteArrayList<>();
  final List<Runnable> afterSettle = new ArrayList<>();

  ReadCache cache(ReadCache.Settings settings) {
    return new ReadCache((backend, path) -> {
      CompletableFuture<BackendResponse> call = new CompletableFuture<>();
      calls.add(call);
      paths.add(path);
      return call;
    }, settings, ticker, Runnable::run, afterSettle::add);
  }

  /** Blind mode with this TTL (the gateway does not follow the topic), generous bounds. */
  static ReadCache.Settings blind(Duration ttl, long maxBytes) {
    return new ReadCache.Settings(ttl.isZero() ? ttl : Duration.ofSeconds(30), Duration.ofSeconds(60), ttl.isZero() ? Duration.ofSeconds(2) : ttl,
        Duration.ofSeconds(1), maxBytes, 16, 2);
  }

  static ReadCache.Settings following(int readConcurrency, int refreshConcurrency) {
    return new ReadCache.Settings(Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(2),
        Duration.ofSeconds(1), 1 << 20, readConcurrency, refreshConcurrency);
  }

  void advance(Duration d) {
    clock.addAndGet(d.toNanos());
  }

  void settle() {
    List<Runnable> tasks = List.copyOf(afterSettle);
    afterSettle.clear();
    tasks.forEach(Runnable::run);
  }

  /** Completes the open call for this path (the latest one) with this body. */
  void answer(String path, String body) {
    for (int i = calls.size() - 1; i >= 0; i--) {
      if (paths.get(i).equals(path) && !calls.get(i).isDone()) {
        calls.get(i).complete(ok(body));
        return;
      }
    }
    throw new AssertionError("no open call for " + path + "; calls: " + paths);
  }

  /** Answers every open call with this body, and those that open meanwhile, until none is left. */
  void answerAllOpen(String body) {
    for (int i = 0; i < calls.size(); i++) {
      if (!calls.get(i).isDone()) {
        calls.get(i).complete(ok(body));
        i = -1; // a completed call may have started a waiting one anywhere in the list
      }
    }
  }

  long callsFor(String path) {
    return paths.stream().filter(path::equals).count();
  }

  long openCalls() {
    return calls.stream().filter(c -> !c.isDone()).count();
  }

  static BackendResponse ok(String body) {
    return new BackendResponse(Backend.STORE, 200, "application/json", body.getBytes(StandardCharsets.UTF_8));
  }

  static String bodyOf(CompletableFuture<CachedRead> read) {
    return new String(read.join().response().body(), StandardCharsets.UTF_8);
  }
}
