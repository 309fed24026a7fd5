package io.newsflow.gateway.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Readiness of one dependency: probed once per TTL, and down only after failures in a row. */
class CachedProbeTest {

  private final AtomicLong clock = new AtomicLong();
  private final AtomicInteger probes = new AtomicInteger();
  /** What the next probes find: null is fine, a text is a problem. */
  private final Deque<String> outcomes = new ArrayDeque<>();
  private final CachedProbe probe = new CachedProbe(() -> {
    probes.incrementAndGet();
    String next = outcomes.poll();
    return CompletableFuture.completedFuture("ok".equals(next) ? null : next);
  }, Duration.ofSeconds(5), clock::get);

  private CachedProbe.State now() {
    return probe.current().join();
  }

  private void advanceSeconds(long s) {
    clock.addAndGet(Duration.ofSeconds(s).toNanos());
  }

  @Test
  void probesOncePerTtlHoweverOftenItIsAsked() {
    outcomes.add("ok");
    for (int i = 0; i < 10; i++) {
      assertThat(now().up()).isTrue();
    }
    assertThat(probes).hasValue(1);
    advanceSeconds(6);
    outcomes.add("ok");
    now();
    assertThat(probes).hasValue(2);
  }

  @Test
  void oneFailedProbeOfADependencyThatWasUpDoesNotMakeItDown() {
    outcomes.addAll(java.util.List.of("ok", "readiness answered 503", "ok", "readiness answered 503", "connection refused"));
    assertThat(now().up()).isTrue();
    advanceSeconds(6);
    CachedProbe.State blip = now();
    assertThat(blip.up()).isTrue();
    assertThat(blip.lastError()).isEqualTo("readiness answered 503");
    advanceSeconds(6);
    assertThat(now().up()).isTrue();
    advanceSeconds(6);
    assertThat(now().up()).isTrue();
    advanceSeconds(6);
    CachedProbe.State down = now();
    assertThat(down.up()).isFalse();
    assertThat(down.consecutiveFailures()).isEqualTo(2);
  }

  @Test
  void aDependencyNeverSeenUpIsDownAtOnce() {
    outcomes.add("connection refused");
    assertThat(now().up()).isFalse();
  }

  @Test
  void aProbeThatThrowsCountsAsAFailure() {
    CachedProbe throwing = new CachedProbe(() -> CompletableFuture.failedFuture(new java.net.ConnectException("refused")),
        Duration.ofSeconds(5), clock::get);
    CachedProbe.State state = throwing.current().join();
    assertThat(state.up()).isFalse();
    assertThat(state.lastError()).contains("ConnectException");
  }
}
