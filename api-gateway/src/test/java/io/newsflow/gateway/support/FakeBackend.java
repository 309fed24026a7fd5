package io.newsflow.gateway.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.newsflow.localstack.Ports;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A back-end stand-in: a JDK HTTP server on a free loopback port that answers scripted replies by
 * "METHOD /path" and records every request it got, so tests can check what the gateway forwarded.
 */
public final class FakeBackend implements AutoCloseable {

  /** One request as the back-end saw it. */
  public record Recorded(String method, String path, String query, String body) {}

  /** A scripted answer, sent after {@code delayMillis} (a slow back-end). */
  public record Reply(int status, String contentType, String body, long delayMillis) {
    public Reply(int status, String contentType, String body) {
      this(status, contentType, body, 0);
    }

    public Reply after(long millis) {
      return new Reply(status, contentType, body, millis);
    }

    public static Reply json(int status, String body) {
      return new Reply(status, "application/json", body);
    }

    public static Reply problem(int status, String body) {
      return new Reply(status, "application/problem+json", body);
    }
  }

  public static final String READINESS = "GET /actuator/health/readiness";

  private final HttpServer server;
  private final ExecutorService workers = Executors.newFixedThreadPool(16);
  private final Map<String, Reply> replies = new ConcurrentHashMap<>();
  private final List<Recorded> requests = new CopyOnWriteArrayList<>();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger maxInFlight = new AtomicInteger();

  public FakeBackend() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", Ports.free()), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", this::handle);
    // Several threads, so that a slow reply does not queue the requests behind it.
    server.setExecutor(workers);
    server.start();
    reset();
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /**
   * Scripts the answer to {@code "GET /internal/v1/timeline"} and the like, for any query; a route
   * with a query ({@code "GET /internal/v1/timeline?actor=KAZ"}) answers only that exact query, first.
   */
  public FakeBackend on(String methodAndPath, Reply reply) {
    replies.put(methodAndPath, reply);
    return this;
  }

  public List<Recorded> requests() {
    return List.copyOf(requests);
  }

  public Recorded lastRequest() {
    if (requests.isEmpty()) {
      throw new AssertionError("the back-end got no request");
    }
    return requests.getLast();
  }

  /** The most requests (readiness probes aside) this back-end was answering at the same time since the last reset. */
  public int maxConcurrentRequests() {
    return maxInFlight.get();
  }

  /** Forgets scripted answers and recorded requests; the readiness endpoint answers UP, like a healthy Spring service. */
  public void reset() {
    replies.clear();
    requests.clear();
    maxInFlight.set(0);
    on(READINESS, Reply.json(200, "{\"status\":\"UP\"}"));
  }

  private void handle(HttpExchange exchange) throws IOException {
    boolean probe = READINESS.equals(exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath());
    if (!probe) {
      maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
    }
    // Counted out before the answer is written, so that the caller's next request cannot overlap it.
    answer(exchange, probe ? () -> { } : inFlight::decrementAndGet);
  }

  private void answer(HttpExchange exchange, Runnable answered) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getRawPath();
    if (!READINESS.equals(method + " " + path)) {
      requests.add(new Recorded(method, path, exchange.getRequestURI().getRawQuery(), body));
    }
    String query = exchange.getRequestURI().getRawQuery();
    Reply exact = query == null ? null : replies.get(method + " " + path + "?" + query);
    Reply reply = exact != null ? exact : replies.getOrDefault(method + " " + path, Reply.problem(404,
        "{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,\"detail\":\"no route " + path + "\"}"));
    if (reply.delayMillis() > 0) {
      try {
        Thread.sleep(reply.delayMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    byte[] bytes = reply.body() == null ? new byte[0] : reply.body().getBytes(StandardCharsets.UTF_8);
    answered.run();
    if (reply.contentType() != null) {
      exchange.getResponseHeaders().add("Content-Type", reply.contentType());
    }
    exchange.sendResponseHeaders(reply.status(), reply.status() == 204 ? -1 : bytes.length);
    if (reply.status() != 204) {
      exchange.getResponseBody().write(bytes);
    }
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
    workers.shutdownNow();
  }
}
