package io.newsflow.ingest.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A local web server for tests: each path answers with a configured handler. Fixtures may contain
 * {@code {{base}}}, replaced by this server's base URL. Requests are recorded, so tests can check
 * conditional-GET headers and politeness.
 */
public final class TestWebServer implements AutoCloseable {

  /** Answers one request. */
  @FunctionalInterface
  public interface Handler {
    void handle(HttpExchange exchange) throws IOException;
  }

  /** One request as the server saw it. */
  public record Seen(String path, Map<String, String> headers, long atNanos) {}

  private final HttpServer server;
  private final Map<String, Handler> routes = new ConcurrentHashMap<>();
  private final List<Seen> requests = new CopyOnWriteArrayList<>();

  public TestWebServer() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext("/", exchange -> {
      try (exchange) {
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), v.getFirst()));
        String path = exchange.getRequestURI().getRawPath();
        requests.add(new Seen(path, headers, System.nanoTime()));
        Handler handler = routes.get(path);
        if (handler == null) {
          exchange.sendResponseHeaders(404, -1);
          return;
        }
        handler.handle(exchange);
      } catch (IOException | RuntimeException e) {
        // hostile handlers end connections abruptly on purpose
      }
    });
    server.start();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  public String base() {
    return "http://127.0.0.1:" + port();
  }

  public String url(String path) {
    return base() + path;
  }

  public TestWebServer route(String path, Handler handler) {
    routes.put(path, handler);
    return this;
  }

  /** Serves a classpath fixture with {@code {{base}}} replaced, and ETag/304 when {@code withEtag}. */
  public TestWebServer fixture(String path, String resource, String contentType, boolean withEtag) {
    return text(path, readFixture(resource).replace("{{base}}", base()), contentType, withEtag);
  }

  public TestWebServer text(String path, String body, String contentType, boolean withEtag) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    String etag = "\"" + Integer.toHexString(java.util.Arrays.hashCode(bytes)) + "\"";
    return route(path, exchange -> {
      if (withEtag && etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
        exchange.sendResponseHeaders(304, -1);
        return;
      }
      exchange.getResponseHeaders().set("Content-Type", contentType);
      if (withEtag) {
        exchange.getResponseHeaders().set("ETag", etag);
      }
      exchange.sendResponseHeaders(200, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    });
  }

  public List<Seen> requests() {
    return List.copyOf(requests);
  }

  public List<Seen> requests(String path) {
    return requests.stream().filter(r -> r.path().equals(path)).toList();
  }

  public static String readFixture(String resource) {
    try (InputStream in = TestWebServer.class.getResourceAsStream("/fixtures/" + resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
