package io.newsflow.gateway.health;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Readiness;
import io.newsflow.gateway.config.GatewayProperties;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * Readiness of what the gateway calls: store-service and ingest-service (their own readiness
 * endpoints) and, when the live stream is on, Kafka. Each is probed through a {@link CachedProbe}, so
 * a load balancer probing the gateway every second costs the back-ends one probe per TTL, and one
 * failed probe does not make the gateway unready. Liveness does not include them: a gateway whose
 * back-ends are down is still alive and answers 503 problems.
 */
@Singleton
@Readiness
final class DependenciesHealthIndicator implements HealthIndicator {

  static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

  private final Map<String, CachedProbe> probes = new LinkedHashMap<>();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(PROBE_TIMEOUT)
      .version(HttpClient.Version.HTTP_1_1).build();
  private @Nullable Admin kafka;

  DependenciesHealthIndicator(GatewayProperties properties) {
    Duration ttl = properties.readinessCacheTtl();
    probes.put("store-service", new CachedProbe(() -> probeHttp(properties.storeUrl()), ttl, System::nanoTime));
    probes.put("ingest-service", new CachedProbe(() -> probeHttp(properties.ingestUrl()), ttl, System::nanoTime));
    if (properties.liveEnabled()) {
      Properties config = new Properties();
      config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, properties.kafkaBootstrapServers());
      config.put(AdminClientConfig.CLIENT_ID_CONFIG, "api-gateway-health");
      config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) PROBE_TIMEOUT.toMillis());
      config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) PROBE_TIMEOUT.toMillis());
      Admin admin = Admin.create(config);
      this.kafka = admin;
      probes.put("kafka", new CachedProbe(() -> probeKafka(admin), ttl, System::nanoTime));
    }
  }

  @Override
  public Publisher<HealthResult> getResult() {
    Map<String, CompletableFuture<CachedProbe.State>> running = new LinkedHashMap<>();
    probes.forEach((name, probe) -> running.put(name, probe.current()));
    return Mono.fromFuture(CompletableFuture.allOf(running.values().toArray(CompletableFuture[]::new)).thenApply(done -> {
      Map<String, Object> details = new LinkedHashMap<>();
      boolean allUp = true;
      for (var entry : running.entrySet()) {
        CachedProbe.State state = entry.getValue().join();
        allUp &= state.up();
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("status", state.up() ? "UP" : "DOWN");
        detail.put("consecutiveFailedProbes", state.consecutiveFailures());
        if (state.lastError() != null) {
          detail.put("lastError", state.lastError());
        }
        details.put(entry.getKey(), detail);
      }
      return HealthResult.builder("dependencies", allUp ? HealthStatus.UP : HealthStatus.DOWN).details(details).build();
    }));
  }

  private CompletableFuture<@Nullable String> probeHttp(URI base) {
    HttpRequest request = HttpRequest.newBuilder(base.resolve("/actuator/health/readiness")).timeout(PROBE_TIMEOUT).GET().build();
    return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
        .thenApply(response -> response.statusCode() == 200 ? null : "readiness answered " + response.statusCode());
  }

  private static CompletableFuture<@Nullable String> probeKafka(Admin admin) {
    return admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) PROBE_TIMEOUT.toMillis()))
        .nodes().toCompletionStage().toCompletableFuture()
        .thenApply(nodes -> nodes.isEmpty() ? "no broker in the cluster" : null);
  }

  @PreDestroy
  void close() {
    http.close();
    if (kafka != null) {
      kafka.close(Duration.ofSeconds(1));
    }
  }
}
