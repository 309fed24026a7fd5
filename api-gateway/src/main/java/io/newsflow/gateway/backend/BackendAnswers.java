package io.newsflow.gateway.backend;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.newsflow.gateway.config.GatewayProperties;
import io.newsflow.gateway.http.Problem;
import io.newsflow.model.json.EventJson;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The gateway's one error classifier for back-end calls: turns what a back-end answered (or that it
 * did not) into the public answer. Success bodies pass through; a 4xx is passed on as a problem with
 * the same status; no answer is 503; a 5xx is 502 (503 stays 503, since the back-end says it is
 * temporarily unable). Reads go through the {@link ReadCache} and get an ETag, Cache-Control and Age,
 * gzipped from memory for clients that take gzip; a matching If-None-Match gets 304 (from memory when
 * the answer is cached).
 */
@Singleton
public class BackendAnswers {

  private final BackendClient client;
  private final ReadCache cache;
  private final String cacheControl;

  public BackendAnswers(BackendClient client, ReadCache cache, GatewayProperties properties) {
    this.client = client;
    this.cache = cache;
    this.cacheControl = "public, max-age=" + properties.readCacheMaxAge().toSeconds();
  }

  /** A cacheable read: GET on the back-end (or its cached answer), with ETag and Cache-Control on success. */
  public CompletableFuture<MutableHttpResponse<?>> read(HttpRequest<?> request, Backend backend, String pathAndQuery) {
    return cache.get(backend, pathAndQuery).handle((read, error) -> error != null ? unavailable(error) : toPublic(read, request));
  }

  /** A call that must not be cached (operator views and changes). */
  public CompletableFuture<MutableHttpResponse<?>> call(Backend backend, String method, String pathAndQuery, byte[] body) {
    return client.send(backend, method, pathAndQuery, body).handle((response, error) -> error != null ? unavailable(error) : toPublic(response));
  }

  MutableHttpResponse<?> toPublic(CachedRead read, HttpRequest<?> request) {
    if (read.etag() == null) {
      return toPublic(read.response());
    }
    boolean gzip = read.gzipped() != null && acceptsGzip(request.getHeaders().get("Accept-Encoding"));
    String etag = gzip ? read.gzipEtag() : read.etag();
    String age = Long.toString(cache.ageSeconds(read));
    String ifNoneMatch = request.getHeaders().get("If-None-Match");
    // Either form's ETag revalidates: both name the same content, so the client's copy is current.
    if (ifNoneMatch != null && (matches(ifNoneMatch, read.etag()) || read.gzipEtag() != null && matches(ifNoneMatch, read.gzipEtag()))) {
      return HttpResponse.notModified().header("ETag", etag).header("Cache-Control", cacheControl).header("Age", age)
          .header("Vary", "Accept-Encoding");
    }
    MutableHttpResponse<byte[]> response = HttpResponse.<byte[]>status(HttpStatus.valueOf(read.response().status()))
        .contentType(MediaType.APPLICATION_JSON_TYPE)
        .header("ETag", etag).header("Cache-Control", cacheControl).header("Age", age)
        .header("Vary", "Accept-Encoding");
    // The body gzipped once when it was loaded; with Content-Encoding set, Micronaut's own
    // compressor leaves the response alone, so a hit costs no compression either.
    return gzip ? response.header("Content-Encoding", "gzip").body(read.gzipped()) : response.body(read.response().body());
  }

  /** Whether the client takes gzip: listed in Accept-Encoding (or as *) without q=0 (RFC 9110 12.5.3). */
  static boolean acceptsGzip(String acceptEncoding) {
    if (acceptEncoding == null) {
      return false;
    }
    for (String part : acceptEncoding.split(",")) {
      String[] fields = part.split(";");
      String coding = fields[0].strip().toLowerCase(java.util.Locale.ROOT);
      if (coding.equals("gzip") || coding.equals("x-gzip") || coding.equals("*")) {
        for (int i = 1; i < fields.length; i++) {
          String param = fields[i].strip().toLowerCase(java.util.Locale.ROOT);
          if (param.startsWith("q=") && param.substring(2).strip().matches("0(\\.0{0,3})?")) {
            return false;
          }
        }
        return true;
      }
    }
    return false;
  }

  /** An answer that is not served from the cache: errors, empty bodies, and uncacheable calls. */
  MutableHttpResponse<?> toPublic(BackendResponse response) {
    int status = response.status();
    if (response.isSuccess()) {
      if (status == 204 || response.body().length == 0) {
        return HttpResponse.status(HttpStatus.valueOf(status));
      }
      return HttpResponse.<byte[]>status(HttpStatus.valueOf(status))
          .contentType(MediaType.APPLICATION_JSON_TYPE).header("Cache-Control", "no-store").body(response.body());
    }
    if (status >= 400 && status < 500) {
      return passOnProblem(response);
    }
    int publicStatus = status == 503 ? 503 : 502;
    return new Problem(Problem.TYPE_BASE + "backend-failed", "Back-end failed", publicStatus,
        response.backend().serviceName() + " answered " + status,
        Map.of("backend", response.backend().serviceName(), "backendStatus", status)).toResponse();
  }

  private static MutableHttpResponse<?> passOnProblem(BackendResponse response) {
    JsonNode body = parse(response.body());
    if (body != null && body.isObject() && body.hasNonNull("title")) {
      // Already a problem: keep the back-end's members (category, invalidParams, ...) for the client.
      return HttpResponse.<byte[]>status(HttpStatus.valueOf(response.status()))
          .contentType(Problem.PROBLEM_JSON).body(response.body());
    }
    String text = new String(response.body(), StandardCharsets.UTF_8).strip();
    HttpStatus status = HttpStatus.valueOf(response.status());
    return new Problem("about:blank", status.getReason(), status.getCode(),
        text.isEmpty() ? response.backend().serviceName() + " answered " + status.getCode()
            : text.substring(0, Math.min(text.length(), 300)),
        Map.of("backend", response.backend().serviceName())).toResponse();
  }

  static MutableHttpResponse<?> unavailable(Throwable error) {
    Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    if (cause instanceof BackendUnavailableException down) {
      return new Problem(Problem.TYPE_BASE + "backend-unavailable", "Back-end unavailable", 503,
          down.backend().serviceName() + " did not answer; try again shortly",
          Map.of("backend", down.backend().serviceName())).toResponse().header("Retry-After", "5");
    }
    return new Problem("about:blank", "Internal Server Error", 500,
        "unexpected error: " + cause.getClass().getSimpleName(), Map.of()).toResponse();
  }

  private static JsonNode parse(byte[] body) {
    try {
      return body.length == 0 ? null : EventJson.mapper().readTree(body);
    } catch (java.io.IOException e) {
      return null;
    }
  }

  private static boolean matches(String ifNoneMatch, String etag) {
    for (String candidate : ifNoneMatch.split(",")) {
      String c = candidate.strip();
      if (c.equals("*") || c.equals(etag) || c.equals("W/" + etag)) {
        return true;
      }
    }
    return false;
  }
}
