package io.newsflow.ops;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.common.Node;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Readiness includes the broker: ingest cannot publish articles or advance cursors without it, enrich
 * can neither read raw articles nor publish enriched ones, and store takes no new articles (it still
 * answers queries, so liveness stays up). The answer is cached for a few seconds so that frequent probes do not each cost
 * a broker round trip, and bounded by a short timeout so that a probe never hangs on a dead broker.
 */
public final class KafkaHealthIndicator implements HealthIndicator, AutoCloseable {

  private final Admin admin;
  private final Duration timeout;
  private final Duration cacheFor;
  private Health last;
  private long lastCheckedNanos;

  public KafkaHealthIndicator(String bootstrapServers, Duration timeout, Duration cacheFor) {
    int millis = (int) Math.max(1, timeout.toMillis());
    this.admin = Admin.create(Map.of(
        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        AdminClientConfig.CLIENT_ID_CONFIG, "newsflow-readiness",
        AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis,
        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis,
        // a restarted broker is seen again within a probe or two, not after the default 1 s..1 min back-off
        AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000));
    this.timeout = timeout;
    this.cacheFor = cacheFor;
  }

  @Override
  public synchronized Health health() {
    long now = System.nanoTime();
    if (last == null || now - lastCheckedNanos >= cacheFor.toNanos()) {
      last = check();
      lastCheckedNanos = System.nanoTime();
    }
    return last;
  }

  private Health check() {
    try {
      DescribeClusterResult cluster = admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()));
      Collection<Node> nodes = cluster.nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      String clusterId = cluster.clusterId().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return Health.up().withDetail("clusterId", String.valueOf(clusterId)).withDetail("brokers", nodes.size()).build();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      return Health.down().withDetail("error", cause.getClass().getSimpleName() + ": " + cause.getMessage()).build();
    } catch (TimeoutException e) {
      return Health.down().withDetail("error", "no answer from the broker within " + timeout).build();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Health.down().withDetail("error", "interrupted").build();
    }
  }

  @Override
  public void close() {
    admin.close(Duration.ofSeconds(1));
  }
}
