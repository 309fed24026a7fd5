package io.newsflow.gateway.security;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Token buckets, one per caller (API key or client address): each holds up to {@code capacity}
 * requests and refills continuously over {@code window}, so bursts up to the capacity pass and a
 * steady rate of capacity per window is sustained. Hand-written because it is thirty lines and
 * needs no distributed state: each gateway instance limits what it serves.
 */
public final class RateLimiter {

  /** The outcome: allowed, or how many whole seconds until one more request would be. */
  public record Decision(boolean allowed, long retryAfterSeconds, long remaining) {}

  private static final int EVICT_ABOVE = 50_000;

  private final long windowNanos;
  private final LongSupplier nanoTime;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  public RateLimiter(Duration window, LongSupplier nanoTime) {
    this.windowNanos = window.toNanos();
    this.nanoTime = nanoTime;
  }

  public Decision acquire(String caller, int capacity) {
    long now = nanoTime.getAsLong();
    if (buckets.size() > EVICT_ABOVE) {
      // Idle buckets are full again, so forgetting them changes no decision.
      buckets.entrySet().removeIf(e -> now - e.getValue().updatedAt > windowNanos);
    }
    Bucket bucket = buckets.computeIfAbsent(caller, k -> new Bucket(capacity, now));
    synchronized (bucket) {
      double refillPerNano = (double) capacity / windowNanos;
      bucket.tokens = Math.min(capacity, bucket.tokens + (now - bucket.updatedAt) * refillPerNano);
      bucket.updatedAt = now;
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return new Decision(true, 0, (long) bucket.tokens);
      }
      double nanosUntilOne = (1 - bucket.tokens) / refillPerNano;
      return new Decision(false, Math.max(1, (long) Math.ceil(nanosUntilOne / 1e9)), 0);
    }
  }

  private static final class Bucket {
    double tokens;
    long updatedAt;

    Bucket(double tokens, long updatedAt) {
      this.tokens = tokens;
      this.updatedAt = updatedAt;
    }
  }
}
