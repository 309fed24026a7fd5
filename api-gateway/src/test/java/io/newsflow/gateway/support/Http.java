package io.newsflow.gateway.support;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.model.json.EventJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A plain client for tests: answers of every status come back as values, never as exceptions. */
public final class Http {

  private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final String base;
  private final String[] defaultHeaders;

  public Http(String base, String... defaultHeaders) {
    this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    this.defaultHeaders = defaultHeaders;
  }

  /** The same client, sending these headers (name, value, ...) with every request. */
  public Http with(String... headers) {
    return new Http(base, headers);
  }

  public HttpResponse<String> get(String path, String... headers) {
    return send(request(path, headers).GET().build());
  }

  /** The body as bytes, as sent: a compressed body stays compressed (the JDK client never decodes it). */
  public HttpResponse<byte[]> getBytes(String path, String... headers) {
    try {
      return CLIENT.send(request(path, headers).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public HttpResponse<String> post(String path, String contentType, String body, String... headers) {
    return send(request(path, headers).header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build());
  }

  public HttpResponse<String> patch(String path, String contentType, String body, String... headers) {
    return send(request(path, headers).header("Content-Type", contentType)
        .method("PATCH", HttpRequest.BodyPublishers.ofString(body)).build());
  }

  public HttpResponse<String> options(String path, String... headers) {
    return send(request(path, headers).method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build());
  }

  public HttpResponse<String> delete(String path, String... headers) {
    return send(request(path, headers).DELETE().build());
  }

  public static JsonNode json(HttpResponse<String> response) {
    try {
      return EventJson.mapper().readTree(response.body());
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + response.body(), e);
    }
  }

  private HttpRequest.Builder request(String path, String... headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10));
    for (int i = 0; i + 1 < defaultHeaders.length; i += 2) {
      b.header(defaultHeaders[i], defaultHeaders[i + 1]);
    }
    for (int i = 0; i + 1 < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return b;
  }

  private static HttpResponse<String> send(HttpRequest request) {
    try {
      return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
