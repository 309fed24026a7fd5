package io.newsflow.gateway.backend;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * At most {@code limit} asynchronous calls in flight; further ones wait in arrival order and start as
 * earlier ones finish. Nothing blocks a thread: a waiting call is a queued supplier. The read cache
 * keeps two of these, one for reads a client waits for and a small one for background refreshes, so
 * refreshes can never take the permits of a cold read (and a burst of cold reads cannot pile dozens
 * of concurrent queries onto store-service, where they would only queue less fairly).
 */
final class BoundedCalls {

  private record Waiting<T>(Supplier<CompletableFuture<T>> call, CompletableFuture<T> result) {}

  private final int limit;
  private final Queue<Waiting<?>> waiting = new ArrayDeque<>();
  private int inFlight;
  private int maxInFlight;

  BoundedCalls(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be positive, was " + limit);
    }
    this.limit = limit;
  }

  /** Starts the call now if a permit is free, else when one is; the future completes as the call does. */
  <T> CompletableFuture<T> submit(Supplier<CompletableFuture<T>> call) {
    CompletableFuture<T> result = new CompletableFuture<>();
    boolean startNow;
    synchronized (this) {
      startNow = inFlight < limit;
      if (startNow) {
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
      } else {
        waiting.add(new Waiting<>(call, result));
      }
    }
    if (startNow) {
      start(new Waiting<>(call, result));
    }
    return result;
  }

  private <T> void start(Waiting<T> next) {
    CompletableFuture<T> running;
    try {
      running = next.call().get();
    } catch (RuntimeException e) {
      running = CompletableFuture.failedFuture(e);
    }
    running.whenComplete((value, error) -> {
      release();
      if (error != null) {
        next.result().completeExceptionally(error);
      } else {
        next.result().complete(value);
      }
    });
  }

  private void release() {
    Waiting<?> next;
    synchronized (this) {
      next = waiting.poll();
      if (next == null) {
        inFlight--;
        return;
      }
      // the permit passes straight to the next waiting call
    }
    start(next);
  }

  synchronized int inFlight() {
    return inFlight;
  }

  synchronized int waiting() {
    return waiting.size();
  }

  /** The most calls ever in flight at once, for the health details and tests. */
  synchronized int maxInFlight() {
    return maxInFlight;
  }
}
