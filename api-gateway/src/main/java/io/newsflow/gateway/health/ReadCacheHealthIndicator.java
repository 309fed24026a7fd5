package io.newsflow.gateway.health;

import com.github.benmanes.caffeine.cache.stats.CacheStats;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Liveness;
import io.newsflow.gateway.backend.ReadCache;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * Always UP; its details say what share of reads reached a back-end since start (operators and the
 * load benchmark read them). Counts only, nothing about callers or queries.
 */
@Singleton
@Liveness
final class ReadCacheHealthIndicator implements HealthIndicator {

  private final ReadCache cache;

  ReadCacheHealthIndicator(ReadCache cache) {
    this.cache = cache;
  }

  @Override
  public Publisher<HealthResult> getResult() {
    CacheStats stats = cache.stats();
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("enabled", cache.isEnabled());
    details.put("requests", stats.requestCount());
    details.put("hits", stats.hitCount());
    details.put("backendLoads", stats.loadCount());
    details.put("expiredOrEvicted", stats.evictionCount()); // Caffeine counts expiry as eviction
    details.put("followingChanges", cache.isFollowingChanges());
    details.putAll(new java.util.TreeMap<>(cache.changeCounts()));
    return Mono.just(HealthResult.builder("readCache", HealthStatus.UP).details(details).build());
  }
}
