package io.newsflow.gateway.backend;

import io.micronaut.core.annotation.Nullable;
import io.newsflow.gateway.config.GatewayProperties;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Calls store-service and ingest-service. The JDK client is used rather than Micronaut's declarative
 * one because the gateway forwards bytes and statuses as they are: it needs no binding, and a 4xx
 * must come back as a value, not an exception. Calls are asynchronous so no event-loop thread waits.
 */
@Singleton
public class BackendClient {

  private final HttpClient http;
  private final GatewayProperties properties;

  public BackendClient(GatewayProperties properties) {
    this.properties = properties;
    this.http = HttpClient.newBuilder()
        .connectTimeout(properties.backendTimeout())
        .followRedirects(HttpClient.Redirect.NEVER)
        // The back-ends speak HTTP/1.1; the default would try an h2c upgrade on every new connection.
        .version(HttpClient.Version.HTTP_1_1)
        .build();
  }

  /**
   * @param pathAndQuery for example {@code /internal/v1/timeline?actor=KAZ}, already encoded
   * @param jsonBody     request body for POST, or null
   * @return the answer, whatever its status; fails with {@link BackendUnavailableException} when
   *     there is none (refused, reset, timed out)
   */
  public CompletableFuture<BackendResponse> send(Backend backend, String method, String pathAndQuery, byte @Nullable [] jsonBody) {
    URI uri = baseOf(backend).resolve(pathAndQuery);
    HttpRequest.Builder request = HttpRequest.newBuilder(uri)
        .timeout(backend == Backend.INGEST ? properties.ingestTimeout() : properties.backendTimeout())
        .header("Accept", "application/json, application/problem+json");
    if (jsonBody != null) {
      request.header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofByteArray(jsonBody));
    } else {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    }
    return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofByteArray())
        .handle((response, error) -> {
          if (error != null) {
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            throw new BackendUnavailableException(backend, uri, cause);
          }
          return new BackendResponse(backend, response.statusCode(),
              response.headers().firstValue("Content-Type").orElse(null), response.body());
        });
  }

  private URI baseOf(Backend backend) {
    return switch (backend) {
      case STORE -> properties.storeUrl();
      case INGEST -> properties.ingestUrl();
    };
  }

  @PreDestroy
  void close() {
    http.close();
  }

}
