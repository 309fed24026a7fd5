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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Read answers of the back-ends, kept in memory for a short time (the TTL), so that a popular query
 * costs one back-end call per TTL however many clients ask, and a revalidation (If-None-Match) of a
 * cached answer costs none. The key is the back-end and the exact path and query the gateway would
 * send: controllers build that from validated, normalised parameters, so equivalent requests share
 * one key. The caller's role is not part of it: a read answers the same for every role, and access
 * is checked before a controller runs.
 *
 * <p>Freshness: an answer is never served older than the TTL. A key read again after 3/4 of its TTL is
 * reloaded in the background while the cached answer (younger than the TTL) is still served, so hot
 * keys never make a client wait for the back-end; a key not read for a TTL expires. Concurrent misses
 * of one key share one back-end call (Caffeine keeps one future per key). Only 2xx answers are kept:
 * an error is passed to the callers that waited for it and then dropped. Memory is bounded by the
 * total size of the cached bodies. The live stream is the way to see newer articles at once.
 *
 * <p>Caffeine rather than a map of futures: it gives the per-key single flight, expiry, background
 * refresh and a size bound with a good eviction policy, which hand-written code gets subtly wrong.
 */
@Singleton
public class ReadCache {

  private static final Logger LOG = LoggerFactory.getLogger(ReadCache.class);

  /** One cache key: which back-end, and the exact path and query sent to it. */
  record Key(Backend backend, String pathAndQuery) {}

  /** How the cache gets an answer it does not have: one back-end call. */
  @FunctionalInterface
  interface Loader {
    CompletableFuture<BackendResponse> load(Backend backend, String pathAndQuery);
  }

  private final Loader loader;
  private final Ticker ticker;
  private final @Nullable AsyncLoadingCache<Key, CachedRead> cache;
  private volatile CacheStats lastLogged = CacheStats.empty();

  @Inject
  public ReadCache(BackendClient client, GatewayProperties properties) {
    this((backend, path) -> client.send(backend, "GET", path, null), properties.readCacheTtl(),
        (long) properties.readCacheMaxMb() << 20, Ticker.systemTicker(), ForkJoinPool.commonPool());
  }

  ReadCache(Loader loader, Duration ttl, long maxBytes, Ticker ticker, Executor executor) {
    this.loader = loader;
    this.ticker = ticker;
    if (ttl.isZero()) {
      this.cache = null;
      return;
    }
    Caffeine<Object, Object> builder = Caffeine.newBuilder()
        .expireAfterWrite(ttl)
        .maximumWeight(maxBytes)
        .ticker(ticker)
        .executor(executor)
        .recordStats();
    if (ttl.toMillis() >= 4) {
      // Reloads a key read in the last quarter of its life: hot keys never block on the back-end,
      // and each costs about one back-end call per 3/4 TTL.
      builder.refreshAfterWrite(ttl.multipliedBy(3).dividedBy(4));
    }
    this.cache = builder
        .weigher((Key key, CachedRead read) -> read.weight() + key.pathAndQuery().length())
        .buildAsync(new AsyncCacheLoader<Key, CachedRead>() {
          @Override
          public CompletableFuture<CachedRead> asyncLoad(Key key, Executor unused) {
            return fetch(key);
          }

          @Override
          public CompletableFuture<CachedRead> asyncReload(Key key, CachedRead old, Executor unused) {
            // A refresh that fails or answers an error drops the entry (null removes it): the next
            // reader then asks the back-end itself and gets its answer, rather than an old one.
            return fetch(key).thenApply(read -> read.isSuccess() ? read : null);
          }
        });
  }

  /**
   * The answer for this read, from memory when there is a fresh one; otherwise from the back-end,
   * sharing the call with concurrent callers of the same key. Fails with
   * {@link BackendUnavailableException} when the back-end does not answer.
   */
  public CompletableFuture<CachedRead> get(Backend backend, String pathAndQuery) {
    Key key = new Key(backend, pathAndQuery);
    if (cache == null) {
      return fetch(key).thenApply(ReadCache::rethrowFailure);
    }
    CompletableFuture<CachedRead> future = cache.get(key);
    if (!future.isDone()) {
      // Remove an error answer once the callers waiting for it have it; only successes stay.
      future.thenAccept(read -> {
        if (!read.isSuccess()) {
          cache.asMap().remove(key, future);
        }
      });
    } else if (!future.isCompletedExceptionally() && !future.join().isSuccess()) {
      cache.asMap().remove(key, future);
    }
    return future.thenApply(ReadCache::rethrowFailure);
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

  /** Hits, misses and back-end loads (misses plus background refreshes) since start. */
  public CacheStats stats() {
    return cache == null ? CacheStats.empty() : cache.synchronous().stats();
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
      LOG.info("read cache: requests={} hits={} hitRate={} backendLoads={} expiredOrEvicted={} entries={} (since start: requests={} backendLoads={})",
          delta.requestCount(), delta.hitCount(), String.format("%.3f", delta.hitRate()), delta.loadCount(),
          delta.evictionCount(), cache == null ? 0 : cache.synchronous().estimatedSize(),
          now.requestCount(), now.loadCount());
    }
  }
}
