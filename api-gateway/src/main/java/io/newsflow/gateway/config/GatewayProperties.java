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
 * @param readCacheTtl         how long the gateway serves a back-end's read answer from memory: the
 *                             freshness of every read; zero turns the cache off ({@code NEWSFLOW_READ_CACHE_TTL})
 * @param readCacheMaxMb       memory bound of those answers' bodies, in MiB ({@code NEWSFLOW_READ_CACHE_MAX_MB})
 * @param trustedProxies       CIDRs whose {@code X-Forwarded-For} names the client for rate limits; empty
 *                             trusts none ({@code NEWSFLOW_TRUSTED_PROXIES})
 * @param readinessCacheTtl    how long one probe of the back-ends and Kafka stands for readiness
 *                             ({@code NEWSFLOW_READINESS_CACHE_TTL})
 * @param ingestTimeout        deadline for one call to ingest-service, longer than {@code backendTimeout}
 *                             because registering or refreshing a feed fetches it (ingest allows 30 s per
 *                             fetch); shorter would answer 503 for a feed ingest then registers anyway
 *                             ({@code NEWSFLOW_INGEST_TIMEOUT})
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
    Duration ingestTimeout) {

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
