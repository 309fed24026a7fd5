package io.newsflow.gateway.backend;

import com.github.benmanes.caffeine.cache.AsyncCacheLoader;
import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.scheduling.annotation.Scheduled;
import io.newsflow.gateway.config.GatewayProperties;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Read answers of the back-ends, kept in memory as ready bytes, so that a popular query costs a
 * back-end call only when its answer can have changed. The key is the back-end and the exact path and
 * query the gateway would send (controllers build it from validated, normalised parameters); not the
 * caller's role, since reads answer the same for every role and access is checked before.
 *
 * <p>Freshness. While the gateway follows the enriched topic ({@link #followingChanges}), every new
 * or changed article is a change signal ({@link #articleChanged}, sent once store-service has written
 * it): one settle time later, with the other signals of that window, the cached reads it can affect
 * ({@link AffectedReads}) are refreshed if someone read them since their last load, or dropped if not. Without a signal an answer is refreshed when
 * read at {@code ttl} of age, and never served older than {@code maxStale}. While the gateway does not
 * follow the topic it cannot know what changed, and falls back to a short TTL: refreshed when read at
 * 3/4 of {@code blindTtl}, never served older than {@code blindTtl}.
 *
 * <p>Stale-while-revalidate: a refresh runs in the background while the cached answer is served, so a
 * hot key never makes a reader wait. Concurrent misses of one key share one back-end call, and one
 * key has at most one refresh in flight (Caffeine's per-key futures). Back-end calls are bounded:
 * {@code readConcurrency} for reads a client waits for, a separate {@code refreshConcurrency} for
 * refreshes, so refreshes never take a cold read's permit. Only 2xx answers are kept. Memory is
 * bounded by the bytes of the cached bodies (both forms).
 *
 * <p>Caffeine rather than a map of futures: it gives the per-key single flight, de-duplicated
 * refreshes, expiry and a size bound with a good eviction policy, which hand-written code gets subtly wrong.
 */
@Singleton
public class ReadCache {

  private static final Logger LOG = LoggerFactory.getLogger(ReadCache.class);
  /** More pending changes than this within one settle time: refresh by "everything changed" instead. */
  private static final int MAX_PENDING_CHANGES = 5_000;

  /** One cache key: which back-end, and the exact path and query sent to it. */
  record Key(Backend backend, String pathAndQuery) {}

  /** How the cache gets an answer it does not have: one back-end call. */
  @FunctionalInterface
  interface Loader {
    CompletableFuture<BackendResponse> load(Backend backend, String pathAndQuery);
  }

  /** The cache's timing and bounds; {@code ttl} zero turns the cache off. */
  record Settings(Duration ttl, Duration maxStale, Duration blindTtl, Duration settle, long maxBytes,
      int readConcurrency, int refreshConcurrency) {

    static Settings of(GatewayProperties p) {
      return new Settings(p.readCacheTtl(), p.readCacheMaxStale(), p.readCacheBlindTtl(), p.readCacheSettle(),
          (long) p.readCacheMaxMb() << 20, p.backendReadConcurrency(), p.readCacheRefreshConcurrency());
    }
  }

  private final Loader loader;
  private final Ticker ticker;
  private final Settings settings;
  private final Consumer<Runnable> afterSettle;
  private final BoundedCalls reads;
  private final BoundedCalls refreshes;
  private final @Nullable AsyncLoadingCache<Key, CachedRead> cache;
  private final LongAdder changesSeen = new LongAdder();
  private final LongAdder refreshedOnChange = new LongAdder();
  private final LongAdder droppedOnChange = new LongAdder();
  private final List<ArticleChange> pending = new ArrayList<>();
  private boolean everythingChanged;
  private boolean drainScheduled;
  private volatile boolean following;
  private volatile CacheStats lastLogged = CacheStats.empty();

  @Inject
  public ReadCache(BackendClient client, GatewayProperties properties) {
    this((backend, path) -> client.send(backend, "GET", path, null), Settings.of(properties), Ticker.systemTicker(),
        ForkJoinPool.commonPool(), task -> CompletableFuture.delayedExecutor(
            properties.readCacheSettle().toMillis(), TimeUnit.MILLISECONDS).execute(task));
  }

  /** @param afterSettle runs a task one settle time later (tests run it when they choose) */
  ReadCache(Loader loader, Settings settings, Ticker ticker, Executor executor, Consumer<Runnable> afterSettle) {
    this.loader = loader;
    this.ticker = ticker;
    this.settings = settings;
    this.afterSettle = afterSettle;
    this.reads = new BoundedCalls(settings.readConcurrency());
    this.refreshes = new BoundedCalls(settings.refreshConcurrency());
    if (settings.ttl().isZero()) {
      this.cache = null;
      return;
    }
    Duration longest = settings.maxStale().compareTo(settings.blindTtl()) > 0 ? settings.maxStale() : settings.blindTtl();
    this.cache = Caffeine.newBuilder()
        .expireAfterWrite(longest) // memory hygiene only: get() enforces the age limits itself
        .maximumWeight(settings.maxBytes())
        .ticker(ticker)
        .executor(executor)
        .recordStats()
        .weigher((Key key, CachedRead read) -> read.weight() + key.pathAndQuery().length())
        .buildAsync(new AsyncCacheLoader<Key, CachedRead>() {
          @Override
          public CompletableFuture<CachedRead> asyncLoad(Key key, Executor unused) {
            return reads.submit(() -> fetch(key));
          }

          @Override
          public CompletableFuture<CachedRead> asyncReload(Key key, CachedRead old, Executor unused) {
            // A refresh that fails or answers an error drops the entry (null removes it): the next
            // reader then asks the back-end itself and gets its answer, rather than an old one.
            return refreshes.submit(() -> fetch(key)).thenApply(fresh -> !fresh.isSuccess() ? null
                : fresh.hasSameBodyAs(old) ? old.renewedAt(fresh.answeredAtNanos()) : fresh);
          }
        });
  }

  /**
   * The answer for this read, from memory when there is one young enough; otherwise from the
   * back-end, sharing the call with concurrent callers of the same key. Fails with
   * {@link BackendUnavailableException} when the back-end does not answer.
   */
  public CompletableFuture<CachedRead> get(Backend backend, String pathAndQuery) {
    Key key = new Key(backend, pathAndQuery);
    if (cache == null) {
      return reads.submit(() -> fetch(key)).thenApply(ReadCache::rethrowFailure);
    }
    CompletableFuture<CachedRead> present = cache.asMap().get(key); // no hit or miss counted
    if (present != null && isDoneWith(present, false)) {
      // An error answer is for the callers that waited for it; it may linger for a moment after them.
      cache.asMap().remove(key, present);
    }
    CompletableFuture<CachedRead> future = cache.get(key);
    if (isDoneWith(future, true)) {
      CachedRead read = future.join();
      long age = ticker.read() - read.answeredAtNanos();
      boolean signalled = following;
      if (age >= (signalled ? settings.maxStale() : settings.blindTtl()).toNanos()) {
        // too old to serve even while revalidating: this reader waits for the back-end
        cache.asMap().remove(key, future);
        future = dropErrorsOf(key, cache.get(key));
      } else {
        read.markRead();
        long refreshAge = signalled ? settings.ttl().toNanos() : settings.blindTtl().toNanos() * 3 / 4;
        if (age >= refreshAge) {
          cache.synchronous().refresh(key); // served meanwhile; Caffeine keeps one refresh per key
        }
      }
    } else {
      dropErrorsOf(key, future); // still loading, or this caller's own load just answered an error
    }
    return future.thenApply(ReadCache::rethrowFailure);
  }

  private static boolean isDoneWith(CompletableFuture<CachedRead> future, boolean success) {
    return future.isDone() && !future.isCompletedExceptionally() && future.join().isSuccess() == success;
  }

  /** Removes an error answer once the callers waiting for it have it; only successes stay. */
  private CompletableFuture<CachedRead> dropErrorsOf(Key key, CompletableFuture<CachedRead> future) {
    future.thenAccept(read -> {
      if (!read.isSuccess() && cache != null) {
        cache.asMap().remove(key, future);
      }
    });
    return future;
  }

  /**
   * A new or changed article seen on the enriched topic. The reads it can affect are refreshed (or
   * dropped, if nobody read them since their load) one settle time later, together with every other
   * change of that window, so a burst of articles costs each hot key one refresh.
   */
  public void articleChanged(ArticleChange change) {
    changesSeen.increment();
    if (cache == null) {
      return;
    }
    boolean schedule;
    synchronized (pending) {
      if (pending.size() < MAX_PENDING_CHANGES) {
        pending.add(change);
      } else {
        everythingChanged = true;
      }
      schedule = !drainScheduled;
      drainScheduled = true;
    }
    if (schedule) {
      afterSettle.accept(this::applyPendingChanges);
    }
  }

  void applyPendingChanges() {
    List<ArticleChange> changes;
    boolean everything;
    synchronized (pending) {
      changes = List.copyOf(pending);
      everything = everythingChanged;
      pending.clear();
      everythingChanged = false;
      drainScheduled = false;
    }
    if (cache == null || changes.isEmpty() && !everything) {
      return;
    }
    for (Map.Entry<Key, CompletableFuture<CachedRead>> entry : cache.asMap().entrySet()) {
      Key key = entry.getKey();
      if (!everything && changes.stream().noneMatch(c -> AffectedReads.affects(c, key.backend(), key.pathAndQuery()))) {
        continue;
      }
      CompletableFuture<CachedRead> future = entry.getValue();
      if (future.isDone() && !future.isCompletedExceptionally() && future.join().wasRead()) {
        refreshedOnChange.increment();
        cache.synchronous().refresh(key);
      } else {
        // Not read since its load, or still loading (perhaps from before the store had the article):
        // dropped, so whoever asks next gets a new answer and nobody pays for an unread refresh.
        droppedOnChange.increment();
        cache.asMap().remove(key, future);
      }
    }
  }

  /** Whether change signals arrive (the enriched topic is followed); without them the short blind TTL applies. */
  public void followingChanges(boolean following) {
    if (this.following != following) {
      LOG.info("read cache: {}", following
          ? "following the enriched topic, answers refreshed on change (TTL " + settings.ttl() + ")"
          : "not following the enriched topic, answers refreshed by TTL " + settings.blindTtl());
    }
    this.following = following;
  }

  public boolean isFollowingChanges() {
    return following;
  }

  private static CachedRead rethrowFailure(CachedRead read) {
    if (read.failure() != null) {
      throw read.failure() instanceof RuntimeException e ? e : new CompletionException(read.failure());
    }
    return read;
  }

  /** Seconds since the back-end gave this answer, for the {@code Age} header. */
  public long ageSeconds(CachedRead read) {
    return Math.max(0, Duration.ofNanos(ticker.read() - read.answeredAtNanos()).toSeconds());
  }

  public boolean isEnabled() {
    return cache != null;
  }

  /** Hits, misses and back-end loads (misses plus refreshes) since start. */
  public CacheStats stats() {
    return cache == null ? CacheStats.empty() : cache.synchronous().stats();
  }

  /** Change signals seen, and the cached reads they refreshed and dropped, since start; calls in flight. */
  public Map<String, Long> changeCounts() {
    return Map.of("changesSeen", changesSeen.sum(), "refreshedOnChange", refreshedOnChange.sum(),
        "droppedOnChange", droppedOnChange.sum(), "readsInFlight", (long) reads.inFlight(),
        "readsQueued", (long) reads.waiting(), "refreshesInFlight", (long) refreshes.inFlight(),
        "refreshesQueued", (long) refreshes.waiting());
  }

  int maxRefreshesInFlight() {
    return refreshes.maxInFlight();
  }

  public void invalidateAll() {
    if (cache != null) {
      cache.synchronous().invalidateAll();
    }
  }

  /**
   * One back-end call. A failure to answer becomes a value, not a failed future: Caffeine would log
   * every failed load with its stack trace, and the gateway already answers 503 for it.
   */
  private CompletableFuture<CachedRead> fetch(Key key) {
    return loader.load(key.backend(), key.pathAndQuery()).handle((response, error) -> error == null
        ? CachedRead.of(response, ticker.read())
        : CachedRead.failed(error instanceof CompletionException c && c.getCause() != null ? c.getCause() : error, ticker.read()));
  }

  /** One line a minute while the cache is used: what share of reads reached a back-end. */
  @Scheduled(fixedDelay = "60s", initialDelay = "60s")
  void logStats() {
    CacheStats now = stats();
    CacheStats delta = now.minus(lastLogged);
    lastLogged = now;
    if (delta.requestCount() > 0) {
      LOG.info("read cache: requests={} hits={} hitRate={} backendLoads={} expiredOrEvicted={} entries={} following={} {}",
          delta.requestCount(), delta.hitCount(), String.format("%.3f", delta.hitRate()), delta.loadCount(),
          delta.evictionCount(), cache == null ? 0 : cache.synchronous().estimatedSize(), following, changeCounts());
    }
  }
}
