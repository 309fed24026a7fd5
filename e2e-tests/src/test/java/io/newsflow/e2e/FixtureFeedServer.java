package io.newsflow.e2e;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Serves the test's own feeds and article page on 127.0.0.1, with the base URL filled in. */
final class FixtureFeedServer implements AutoCloseable {

  private static final Map<String, String[]> ROUTES = Map.of(
      "/steppe/rss.xml", new String[] {"e2e/rss.xml", "application/rss+xml; charset=utf-8"},
      "/wire/atom.xml", new String[] {"e2e/atom.xml", "application/atom+xml; charset=utf-8"},
      "/steppe/2024/09/csto-rehearsal-almaty.html", new String[] {"e2e/csto-rehearsal-almaty.html", "text/html; charset=utf-8"});

  private final HttpServer server;
  final AtomicInteger pageRequests = new AtomicInteger();

  FixtureFeedServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      String[] route = ROUTES.get(exchange.getRequestURI().getPath());
      if (route == null) {
        exchange.sendResponseHeaders(404, -1);
        exchange.close();
        return;
      }
      if (route[0].endsWith(".html")) {
        pageRequests.incrementAndGet();
      }
      byte[] body = render(route[0]);
      exchange.getResponseHeaders().set("Content-Type", route[1]);
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
  }

  private byte[] render(String resource) throws IOException {
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return text.replace("{{BASE}}", baseUrl()).getBytes(StandardCharsets.UTF_8);
    }
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  String hostAndPort() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
