package io.newsflow.gateway.health;

import io.micronaut.core.annotation.Nullable;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * One dependency's health, probed at most once per {@code ttl} however often the gateway itself is
 * probed, and reported DOWN only after {@link #FAILURES_BEFORE_DOWN} failed probes in a row: one
 * lost probe of a flapping back-end does not take the gateway out of its load balancer, which would
 * turn the back-end's blip into refused connections instead of 503 problem answers.
 */
final class CachedProbe {

  static final int FAILURES_BEFORE_DOWN = 2;

  /** What the last probe found. */
  record State(boolean up, int consecutiveFailures, @Nullable String lastError, long checkedAtNanos) {}

  private final Supplier<CompletableFuture<@Nullable String>> check;
  private final long ttlNanos;
  private final LongSupplier nanoTime;
  private @Nullable State state;
  private @Nullable CompletableFuture<State> inFlight;

  /**
   * @param check completes with null when the dependency is fine, or with what is wrong; a failed
   *              future counts as wrong too
   */
  CachedProbe(Supplier<CompletableFuture<@Nullable String>> check, Duration ttl, LongSupplier nanoTime) {
    this.check = check;
    this.ttlNanos = ttl.toNanos();
    this.nanoTime = nanoTime;
  }

  /** The cached state while it is younger than the TTL; otherwise a new probe (shared by concurrent callers). */
  synchronized CompletableFuture<State> current() {
    long now = nanoTime.getAsLong();
    if (state != null && now - state.checkedAtNanos() < ttlNanos) {
      return CompletableFuture.completedFuture(state);
    }
    if (inFlight == null) {
      CompletableFuture<@Nullable String> probe;
      try {
        probe = check.get();
      } catch (RuntimeException e) {
        probe = CompletableFuture.failedFuture(e);
      }
      CompletableFuture<State> probing = probe.handle((problem, error) -> record(error != null ? describe(error) : problem));
      // A probe that completed at once has already recorded its state (and must not linger as in flight).
      inFlight = probing.isDone() ? null : probing;
      return probing;
    }
    return inFlight;
  }

  private synchronized State record(@Nullable String problem) {
    int failures = problem == null ? 0 : (state == null ? 0 : state.consecutiveFailures()) + 1;
    // A dependency never seen up (at start-up) is down at once; one seen up gets the benefit of the doubt.
    boolean up = problem == null || (state != null && state.up() && failures < FAILURES_BEFORE_DOWN);
    state = new State(up, failures, problem, nanoTime.getAsLong());
    inFlight = null;
    return state;
  }

  private static String describe(Throwable error) {
    Throwable cause = error.getCause() != null ? error.getCause() : error;
    return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
  }
}
