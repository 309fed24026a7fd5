package io.newsflow.ingest.feed;

import io.newsflow.ingest.kafka.FeedOwnership;
import io.newsflow.model.feed.FeedDefinition;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Polls the active feeds this instance owns when they are due, each poll on its own virtual thread.
 * A feed is never polled twice at once on one instance; across instances the ownership of the feeds
 * topic's partitions keeps it to one.
 */
public final class FeedScheduler implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(FeedScheduler.class);

  // long enough for a group rebalance at start-up, short enough for an operator's request
  private static final Duration OWNERSHIP_WAIT = Duration.ofSeconds(5);

  private final FeedRegistry registry;
  private final CursorStore cursors;
  private final FeedOwnership ownership;
  private final FeedPoller poller;
  private final Clock clock;
  private final Duration tick;
  private final java.util.function.BooleanSupplier stateLoaded;
  private final ConcurrentHashMap<String, Instant> nextAttempt = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, ReentrantLock> pollLocks = new ConcurrentHashMap<>();
  private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
  private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(
      r -> Thread.ofPlatform().daemon().name("feed-scheduler").unstarted(r));

  FeedScheduler(FeedRegistry registry, CursorStore cursors, FeedOwnership ownership, FeedPoller poller, Clock clock, Duration tick,
      java.util.function.BooleanSupplier stateLoaded) {
    this.stateLoaded = stateLoaded;
    this.registry = registry;
    this.cursors = cursors;
    this.ownership = ownership;
    this.poller = poller;
    this.clock = clock;
    this.tick = tick;
  }

  public void start() {
    ownership.beforeRelease(this::awaitPollsOn);
    ticker.scheduleWithFixedDelay(this::refreshDueFeeds, 0, tick.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Starts a poll of every owned, active, due feed that is not being polled already. */
  void refreshDueFeeds() {
    if (!stateLoaded.getAsBoolean()) {
      return; // polling before the cursors are read would republish every item
    }
    try {
      Instant now = clock.instant();
      for (FeedRegistry.RegisteredFeed feed : registry.active()) {
        String id = feed.definition().feedId();
        if (!ownership.owns(feed.partition())) {
          nextAttempt.remove(id); // re-read from the cursor if the feed comes back to us
          continue;
        }
        Instant due = nextAttempt.computeIfAbsent(id, k -> initialAttempt(k, now));
        ReentrantLock lock = pollLocks.computeIfAbsent(id, k -> new ReentrantLock());
        if (!due.isAfter(now) && !lock.isLocked()) {
          workers.submit(() -> pollIfFree(feed, lock));
        }
      }
    } catch (RuntimeException e) {
      log.error("scheduler tick failed", e);
    }
  }

  private Instant initialAttempt(String feedId, Instant now) {
    Instant persisted = cursors.get(feedId).health().nextAttemptAt();
    return persisted == null || persisted.isBefore(now) ? now : persisted;
  }

  private void pollIfFree(FeedRegistry.RegisteredFeed feed, ReentrantLock lock) {
    if (lock.tryLock()) {
      try {
        // checked again under the lock: a revocation in between has already waited for this lock or sees it
        if (ownership.owns(feed.partition())) {
          pollLocked(feed.definition());
        }
      } finally {
        lock.unlock();
      }
    }
  }

  private FeedHealth pollLocked(FeedDefinition feed) {
    FeedHealth health;
    try (MDC.MDCCloseable logContext = MDC.putCloseable("feedId", feed.feedId())) {
      health = poller.poll(feed);
    }
    if (health.nextAttemptAt() != null) {
      nextAttempt.put(feed.feedId(), health.nextAttemptAt());
    }
    return health;
  }

  /** Waits (bounded) until no poll of a feed on these partitions is running, so a new owner never overlaps. */
  private void awaitPollsOn(java.util.Set<Integer> partitions) {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    for (FeedRegistry.RegisteredFeed feed : registry.active()) {
      ReentrantLock lock = pollLocks.get(feed.definition().feedId());
      if (lock == null || !partitions.contains(feed.partition())) {
        continue;
      }
      try {
        if (lock.tryLock(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
          lock.unlock();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** Makes the feed due now, so it is polled within one scheduler tick (if this instance owns it). */
  public void pollSoon(String feedId) {
    nextAttempt.put(feedId, clock.instant());
  }

  /**
   * Polls the feed now in the caller's thread, waiting for a poll already running to finish first.
   *
   * @throws FeedNotOwnedException when another instance polls this feed (after a short wait, so a
   *     refresh sent while partitions are being assigned is not refused needlessly)
   */
  public FeedHealth pollNow(FeedRegistry.RegisteredFeed registered) {
    FeedDefinition feed = registered.definition();
    long assignmentWait = System.nanoTime() + OWNERSHIP_WAIT.toNanos();
    while (!ownership.owns(registered.partition()) && System.nanoTime() < assignmentWait) {
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    ReentrantLock lock = pollLocks.computeIfAbsent(feed.feedId(), k -> new ReentrantLock());
    lock.lock();
    try {
      // checked under the lock, as the scheduled polls do, so a revocation cannot slip in between
      if (!ownership.owns(registered.partition())) {
        throw new FeedNotOwnedException(feed.feedId(), registered.partition());
      }
      return pollLocked(feed);
    } finally {
      lock.unlock();
    }
  }

  public void forget(String feedId) {
    nextAttempt.remove(feedId);
  }

  @Override
  public void close() {
    ticker.shutdownNow();
    workers.shutdownNow();
    try {
      workers.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
