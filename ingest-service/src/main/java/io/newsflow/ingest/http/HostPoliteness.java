package io.newsflow.ingest.http;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Per-host limits shared by feed polls and article-page fetches: at most N requests in flight to one
 * host, and a minimum gap between the starts of two requests to it.
 */
public final class HostPoliteness {

  private final int concurrency;
  private final long minDelayNanos;
  private final ConcurrentHashMap<String, HostSlot> hosts = new ConcurrentHashMap<>();

  public HostPoliteness(int concurrency, Duration minDelay) {
    this.concurrency = Math.max(1, concurrency);
    this.minDelayNanos = minDelay.toNanos();
  }

  /** Waits for a slot on the host; close the permit when the request is over. */
  public Permit acquire(String host) throws InterruptedException {
    HostSlot slot = hosts.computeIfAbsent(host.toLowerCase(Locale.ROOT), h -> new HostSlot(concurrency));
    slot.inFlight.acquire();
    try {
      slot.spaceOut(minDelayNanos);
    } catch (InterruptedException e) {
      slot.inFlight.release();
      throw e;
    }
    return slot.inFlight::release;
  }

  /** A held slot. */
  @FunctionalInterface
  public interface Permit extends AutoCloseable {
    @Override
    void close();
  }

  private static final class HostSlot {
    final Semaphore inFlight;
    final ReentrantLock startLock = new ReentrantLock();
    long lastStart = Long.MIN_VALUE;

    HostSlot(int concurrency) {
      this.inFlight = new Semaphore(concurrency, true);
    }

    void spaceOut(long minDelayNanos) throws InterruptedException {
      // a lock, not synchronized, so a virtual thread sleeping here never pins its carrier
      startLock.lockInterruptibly();
      try {
        long now = System.nanoTime();
        if (lastStart != Long.MIN_VALUE) {
          long wait = lastStart + minDelayNanos - now;
          if (wait > 0) {
            Thread.sleep(Duration.ofNanos(wait));
            now = System.nanoTime();
          }
        }
        lastStart = now;
      } finally {
        startLock.unlock();
      }
    }
  }
}
