package io.newsflow.e2e.faults;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.GZIPOutputStream;

/**
 * A feed host that attacks its reader, one way per path: a gzip bomb, redirects to loopback and to the
 * cloud metadata address, a response head far beyond any sane size, a body that trickles a byte a second,
 * and XML entity bombs (billion laughs, an external entity reading a local file).
 */
final class HostileFeedServer implements AutoCloseable {

  /** Path to the failure category ingest must report for it. */
  enum Attack {
    GZIP_BOMB("/gzip-bomb.xml", "too_large"),
    REDIRECT_TO_LOOPBACK("/redirect-loopback.xml", "blocked"),
    REDIRECT_TO_METADATA("/redirect-metadata.xml", "blocked"),
    HUGE_HEADERS("/huge-headers.xml", "too_large"),
    TRICKLING_BODY("/trickle.xml", "timeout"),
    BILLION_LAUGHS("/billion-laughs.xml", "parse"),
    EXTERNAL_ENTITY("/external-entity.xml", "parse");

    final String path;
    final String category;

    Attack(String path, String category) {
      this.path = path;
      this.category = category;
    }
  }

  private static final byte[] GZIP_BOMB = gzipOfSpaces(64 * 1024 * 1024);

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private volatile boolean closed;

  HostileFeedServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  String url(Attack attack) {
    return "http://" + hostAndPort() + attack.path;
  }

  String hostAndPort() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  private void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    try (exchange) {
      switch (path) {
        case "/gzip-bomb.xml" -> {
          exchange.getResponseHeaders().set("Content-Type", "application/rss+xml");
          exchange.getResponseHeaders().set("Content-Encoding", "gzip");
          send(exchange, GZIP_BOMB);
        }
        // 127.0.0.1 on another port: loopback, and not in the allowed hosts
        case "/redirect-loopback.xml" -> redirect(exchange, "http://127.0.0.1:9/admin/feed.xml");
        case "/redirect-metadata.xml" -> redirect(exchange, "http://169.254.169.254/latest/meta-data/iam/security-credentials/");
        case "/huge-headers.xml" -> {
          char[] filler = new char[60_000];
          Arrays.fill(filler, 'a');
          exchange.getResponseHeaders().set("X-Padding", new String(filler));
          for (int i = 0; i < 300; i++) {
            exchange.getResponseHeaders().set("X-Extra-" + i, "value " + i);
          }
          send(exchange, rss("Huge headers", "").getBytes(StandardCharsets.UTF_8));
        }
        case "/trickle.xml" -> trickle(exchange);
        case "/billion-laughs.xml" -> send(exchange, billionLaughs().getBytes(StandardCharsets.UTF_8));
        case "/external-entity.xml" -> send(exchange, externalEntity().getBytes(StandardCharsets.UTF_8));
        default -> exchange.sendResponseHeaders(404, -1);
      }
    } catch (IOException clientWentAway) {
      // the reader gave up on us, as it should
    }
  }

  private static void send(HttpExchange exchange, byte[] body) throws IOException {
    if (!exchange.getResponseHeaders().containsKey("Content-Type")) {
      exchange.getResponseHeaders().set("Content-Type", "application/rss+xml; charset=utf-8");
    }
    exchange.sendResponseHeaders(200, body.length);
    exchange.getResponseBody().write(body);
  }

  private static void redirect(HttpExchange exchange, String location) throws IOException {
    exchange.getResponseHeaders().set("Location", location);
    exchange.sendResponseHeaders(302, -1);
  }

  /** Headers at once, then a valid feed one byte a second, so only a deadline on the whole fetch ends it. */
  private void trickle(HttpExchange exchange) throws IOException {
    byte[] body = rss("Trickle", "").getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/rss+xml; charset=utf-8");
    exchange.sendResponseHeaders(200, 0);
    OutputStream out = exchange.getResponseBody();
    for (int i = 0; i < body.length && !closed; i++) {
      out.write(body[i]);
      out.flush();
      try {
        Thread.sleep(1000);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private static String rss(String title, String items) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>" + title
        + "</title><link>http://127.0.0.1/</link><description>hostile</description>" + items + "</channel></rss>";
  }

  private static String billionLaughs() {
    StringBuilder dtd = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n <!ENTITY lol \"lol\">\n");
    dtd.append(" <!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n");
    for (int i = 2; i <= 9; i++) {
      String prev = "&lol" + (i - 1) + ";";
      dtd.append(" <!ENTITY lol").append(i).append(" \"").append(prev.repeat(10)).append("\">\n");
    }
    dtd.append("]>\n<rss version=\"2.0\"><channel><title>&lol9;</title><link>http://127.0.0.1/</link>")
        .append("<description>laughs</description><item><title>&lol9;</title><link>http://127.0.0.1/laugh</link>")
        .append("<description>&lol9;</description></item></channel></rss>");
    return dtd.toString();
  }

  private static String externalEntity() {
    return "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [ <!ENTITY secret SYSTEM \"file:///etc/passwd\"> ]>\n"
        + "<rss version=\"2.0\"><channel><title>Leak</title><link>http://127.0.0.1/</link><description>x</description>"
        + "<item><title>&secret;</title><link>http://127.0.0.1/leak</link><description>&secret;</description></item>"
        + "</channel></rss>";
  }

  private static byte[] gzipOfSpaces(int size) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
      gzip.write("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>".getBytes(StandardCharsets.UTF_8));
      byte[] chunk = new byte[1 << 20];
      Arrays.fill(chunk, (byte) ' ');
      for (int written = 0; written < size; written += chunk.length) {
        gzip.write(chunk);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  @Override
  public void close() {
    closed = true;
    server.stop(0);
    executor.shutdownNow();
  }
}
