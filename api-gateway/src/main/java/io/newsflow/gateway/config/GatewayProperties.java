package io.newsflow.gateway.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.newsflow.gateway.security.ClientAddress;
import java.net.URI;
import java.time.Duration;

/**
 * Every gateway setting, each bound in {@code application.yml} to an environment variable (the
 * table in the module README lists them with their defaults). Invalid values stop the start-up with
 * a message naming the key, rather than failing on the first request.
 *
 * @param storeUrl             store-service base URL ({@code NEWSFLOW_STORE_URL})
 * @param ingestUrl            ingest-service base URL ({@code NEWSFLOW_INGEST_URL})
 * @param backendTimeout       deadline for one back-end call ({@code NEWSFLOW_BACKEND_TIMEOUT})
 * @param apiKeys              {@code role:key,...} ({@code NEWSFLOW_API_KEYS}); empty means no keys
 * @param readsRequireKey      whether reads need a reader key ({@code NEWSFLOW_READS_REQUIRE_KEY})
 * @param rateLimitPerKey      requests per window for one API key ({@code NEWSFLOW_RATE_LIMIT_PER_KEY})
 * @param rateLimitPerAddress  requests per window for one client address without a key
 *                             ({@code NEWSFLOW_RATE_LIMIT_PER_ADDRESS})
 * @param rateLimitWindow      the window both limits refill over ({@code NEWSFLOW_RATE_LIMIT_WINDOW})
 * @param readCacheMaxAge      Cache-Control max-age of read answers ({@code NEWSFLOW_READ_CACHE_MAX_AGE})
 * @param kafkaBootstrapServers Kafka for the live stream ({@code KAFKA_BOOTSTRAP_SERVERS})
 * @param liveEnabled          whether to consume the enriched topic at all ({@code NEWSFLOW_LIVE_ENABLED})
 * @param liveReplaySize       recent articles kept for Last-Event-ID replay ({@code NEWSFLOW_LIVE_REPLAY_SIZE})
 * @param liveClientQueue      events one slow client may fall behind before it is cut off
 *                             ({@code NEWSFLOW_LIVE_CLIENT_QUEUE})
 * @param readCacheTtl         while the gateway follows the enriched topic, a cached answer this old is
 *                             refreshed in the background when read (changes signalled on the topic refresh
 *                             sooner); zero turns the cache off ({@code NEWSFLOW_READ_CACHE_TTL})
 * @param readCacheMaxMb       memory bound of those answers' bodies, in MiB ({@code NEWSFLOW_READ_CACHE_MAX_MB})
 * @param trustedProxies       CIDRs whose {@code X-Forwarded-For} names the client for rate limits; empty
 *                             trusts none ({@code NEWSFLOW_TRUSTED_PROXIES})
 * @param readinessCacheTtl    how long one probe of the back-ends and Kafka stands for readiness
 *                             ({@code NEWSFLOW_READINESS_CACHE_TTL})
 * @param ingestTimeout        deadline for one call to ingest-service, longer than {@code backendTimeout}
 *                             because registering or refreshing a feed fetches it (ingest allows 30 s per
 *                             fetch); shorter would answer 503 for a feed ingest then registers anyway
 *                             ({@code NEWSFLOW_INGEST_TIMEOUT})
 * @param readCacheMaxStale    no read answer is served older than this, even while the gateway follows the
 *                             enriched topic; the backstop when a change was missed ({@code NEWSFLOW_READ_CACHE_MAX_STALE})
 * @param readCacheBlindTtl    the TTL while the gateway does not follow the enriched topic (live stream off,
 *                             Kafka unreachable): it then cannot know what changed ({@code NEWSFLOW_READ_CACHE_BLIND_TTL})
 * @param readCacheSettle      how long after store-service has written a new article the cached reads it affects
 *                             are refreshed: the window in which a burst of articles is gathered into one refresh
 *                             per read ({@code NEWSFLOW_READ_CACHE_SETTLE})
 * @param readCacheRefreshConcurrency background refreshes in flight at most, so they never crowd out
 *                             reads that wait ({@code NEWSFLOW_READ_CACHE_REFRESH_CONCURRENCY})
 * @param backendReadConcurrency reads a client waits for that may be in flight to the back-ends at once;
 *                             further ones queue in the gateway ({@code NEWSFLOW_BACKEND_READ_CONCURRENCY})
 * @param storeConsumerGroup   store-service's consumer group on the enriched topic, whose committed offsets say
 *                             which articles it has written ({@code NEWSFLOW_STORE_CONSUMER_GROUP}, as store-service)
 * @param readCacheStoreWait   how long a change signal waits for store-service to write its article before it
 *                             refreshes the cache anyway ({@code NEWSFLOW_READ_CACHE_STORE_WAIT})
 */
@ConfigurationProperties("newsflow.gateway")
public record GatewayProperties(
    URI storeUrl,
    URI ingestUrl,
    Duration backendTimeout,
    @Nullable String apiKeys,
    boolean readsRequireKey,
    int rateLimitPerKey,
    int rateLimitPerAddress,
    Duration rateLimitWindow,
    Duration readCacheMaxAge,
    String kafkaBootstrapServers,
    boolean liveEnabled,
    int liveReplaySize,
    int liveClientQueue,
    Duration readCacheTtl,
    int readCacheMaxMb,
    @Nullable String trustedProxies,
    Duration readinessCacheTtl,
    Duration ingestTimeout,
    Duration readCacheMaxStale,
    Duration readCacheBlindTtl,
    Duration readCacheSettle,
    int readCacheRefreshConcurrency,
    int backendReadConcurrency,
    String storeConsumerGroup,
    Duration readCacheStoreWait) {

  public GatewayProperties {
    requireHttpUrl("newsflow.gateway.store-url", storeUrl);
    requireHttpUrl("newsflow.gateway.ingest-url", ingestUrl);
    requirePositive("newsflow.gateway.backend-timeout", backendTimeout);
    requirePositive("newsflow.gateway.rate-limit-window", rateLimitWindow);
    requirePositive("newsflow.gateway.rate-limit-per-key", rateLimitPerKey);
    requirePositive("newsflow.gateway.rate-limit-per-address", rateLimitPerAddress);
    requirePositive("newsflow.gateway.live-replay-size", liveReplaySize);
    requirePositive("newsflow.gateway.live-client-queue", liveClientQueue);
    if (readCacheMaxAge == null || readCacheMaxAge.isNegative()) {
      throw new IllegalArgumentException("newsflow.gateway.read-cache-max-age must be zero or positive, was " + readCacheMaxAge);
    }
    if (readCacheTtl == null || readCacheTtl.isNegative()) {
      throw new IllegalArgumentException("newsflow.gateway.read-cache-ttl must be zero or positive, was " + readCacheTtl);
    }
    requirePositive("newsflow.gateway.read-cache-max-mb", readCacheMaxMb);
    requirePositive("newsflow.gateway.readiness-cache-ttl", readinessCacheTtl);
    requirePositive("newsflow.gateway.ingest-timeout", ingestTimeout);
    requirePositive("newsflow.gateway.read-cache-blind-ttl", readCacheBlindTtl);
    requirePositive("newsflow.gateway.read-cache-settle", readCacheSettle);
    requirePositive("newsflow.gateway.read-cache-refresh-concurrency", readCacheRefreshConcurrency);
    requirePositive("newsflow.gateway.backend-read-concurrency", backendReadConcurrency);
    requirePositive("newsflow.gateway.read-cache-store-wait", readCacheStoreWait);
    if (storeConsumerGroup == null || storeConsumerGroup.isBlank()) {
      throw new IllegalArgumentException("newsflow.gateway.store-consumer-group must not be empty");
    }
    if (readCacheMaxStale == null || readCacheMaxStale.compareTo(readCacheTtl) < 0) {
      throw new IllegalArgumentException("newsflow.gateway.read-cache-max-stale must be at least read-cache-ttl ("
          + readCacheTtl + "), was " + readCacheMaxStale);
    }
    apiKeys = apiKeys == null ? "" : apiKeys.strip();
    trustedProxies = trustedProxies == null ? "" : trustedProxies.strip();
    ClientAddress.trusting(trustedProxies); // refuses a malformed CIDR at start-up, naming it
  }

  private static void requireHttpUrl(String key, URI uri) {
    if (uri == null || uri.getHost() == null
        || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
      throw new IllegalArgumentException(key + " must be an absolute http(s) URL, was " + uri);
    }
  }

  private static void requirePositive(String key, Duration d) {
    if (d == null || d.isZero() || d.isNegative()) {
      throw new IllegalArgumentException(key + " must be a positive duration, was " + d);
    }
  }

  private static void requirePositive(String key, int n) {
    if (n <= 0) {
      throw new IllegalArgumentException(key + " must be positive, was " + n);
    }
  }
}
