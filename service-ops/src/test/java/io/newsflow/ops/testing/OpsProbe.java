package io.newsflow.ops.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * What an operator sees of one running service over HTTP, for the services' operations tests: health
 * answers, the Prometheus scrape and the values in it, each with a bounded wait for what only comes
 * later (a consumed record, a broker that went away). One copy for ingest, enrich and store.
 */
public final class OpsProbe {

  /** Long enough for a consumer group to join and a broker outage to be noticed on a loaded machine. */
  private static final Duration PATIENCE = Duration.ofSeconds(60);
  private static final Duration POLL_PAUSE = Duration.ofMillis(200);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;
  private final Duration patience;

  /** One HTTP answer. */
  public record Answer(int status, String body) {

    /** The body as JSON; an assertion failure naming the body when it is not JSON. */
    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (JsonProcessingException e) {
        throw new AssertionError("not a JSON answer (status " + status + "): " + body, e);
      }
    }
  }

  OpsProbe(String base, Duration patience) {
    this.base = base;
    this.patience = patience;
  }

  /** A probe of the service listening on loopback at {@code port}. */
  public static OpsProbe onPort(int port) {
    return new OpsProbe("http://127.0.0.1:" + port, PATIENCE);
  }

  public Answer get(String path) {
    try {
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).build(),
          HttpResponse.BodyHandlers.ofString());
      return new Answer(r.statusCode(), r.body());
    } catch (IOException e) {
      throw new UncheckedIOException("GET " + base + path, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted during GET " + base + path, e);
    }
  }

  /** The Prometheus exposition text; an assertion failure when the endpoint does not answer 200. */
  public String scrape() {
    Answer r = get("/actuator/prometheus");
    if (r.status() != 200) {
      throw new AssertionError("/actuator/prometheus answered " + r.status() + ": " + r.body());
    }
    return r.body();
  }

  /** The current value of one sample, as {@link PrometheusText#value} reads it from a fresh scrape. */
  public double metric(String name, String labels) {
    return PrometheusText.value(scrape(), name, labels);
  }

  /** Waits until the sample reaches {@code min}; fails naming the value it stayed at. */
  public void awaitMetricAtLeast(String name, String labels, double min) {
    await(() -> metric(name, labels), value -> value >= min,
        value -> name + "{" + labels + "} stayed at " + value + ", expected at least " + min);
  }

  /** Waits until the sample comes down to {@code max} (NaN, an unknown value, never does); fails naming the value it stayed at. */
  public void awaitMetricAtMost(String name, String labels, double max) {
    await(() -> metric(name, labels), value -> value <= max,
        value -> name + "{" + labels + "} stayed at " + value + ", expected at most " + max);
  }

  /** Waits until {@code path} answers {@code status}, and returns that answer. */
  public Answer awaitStatus(String path, int status) {
    return await(() -> get(path), r -> r.status() == status,
        last -> "expected " + status + " from " + path + ", last " + last.status() + " " + last.body());
  }

  /** Waits until the health answer at {@code path} gives {@code component} the status {@code status}, whatever the HTTP status. */
  public JsonNode awaitComponentStatus(String path, String component, String status) {
    return await(() -> get(path).json(), body -> componentStatus(body, component).equals(status),
        last -> "expected " + component + " " + status + " in " + path + ", last " + last);
  }

  /** Each component of an actuator health answer with its status ("kafka" to "UP"), in the answer's order. */
  public static Map<String, String> componentStatuses(JsonNode health) {
    Map<String, String> statuses = new LinkedHashMap<>();
    health.path("components").properties().forEach(c -> statuses.put(c.getKey(), c.getValue().path("status").asText()));
    return statuses;
  }

  /** The status of one named component of an actuator health answer; "" when the answer has no such component. */
  public static String componentStatus(JsonNode health, String component) {
    return health.path("components").path(component).path("status").asText();
  }

  private <T> T await(Supplier<T> read, Predicate<T> done, Function<T, String> failure) {
    long deadline = System.nanoTime() + patience.toNanos();
    T last = read.get();
    while (!done.test(last)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(failure.apply(last));
      }
      try {
        Thread.sleep(POLL_PAUSE);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting", e);
      }
      last = read.get();
    }
    return last;
  }
}
