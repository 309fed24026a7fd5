package io.newsflow.localstack.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Serves the demo corpus (four news sites: RSS 2.0 and Atom feeds plus their article pages) on loopback,
 * the way a well-behaved news site does: content types, {@code ETag} and {@code Last-Modified}, and
 * {@code 304 Not Modified} for conditional requests. Used by {@code ./newsflow demo} and by end-to-end tests.
 *
 * <pre>{@code
 * try (DemoFeedServer demo = DemoFeedServer.start(0)) {
 *   demo.feedUrls().forEach(registry::register);
 * }
 * }</pre>
 */
public final class DemoFeedServer implements AutoCloseable {

  private final HttpServer server;
  private final ExecutorService executor;
  private final DemoCorpus corpus;
  private final String baseUrl;
  private final AtomicLong served = new AtomicLong();
  private final AtomicLong notModified = new AtomicLong();

  private DemoFeedServer(HttpServer server, ExecutorService executor, DemoCorpus corpus, String baseUrl) {
    this.server = server;
    this.executor = executor;
    this.corpus = corpus;
    this.baseUrl = baseUrl;
  }

  /** Starts on 127.0.0.1; {@code port} 0 picks a free one. */
  public static DemoFeedServer start(int port) {
    return start(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), null);
  }

  /**
   * Starts on {@code bind}; links in feeds and pages use {@code publicBaseUrl}, or {@code http://127.0.0.1:<port>}
   * when null. In a container network the server binds every interface and is reached by its service name.
   */
  public static DemoFeedServer start(InetSocketAddress bind, String publicBaseUrl) {
    HttpServer server;
    try {
      server = HttpServer.create(bind, 64);
    } catch (IOException e) {
      throw new UncheckedIOException("demo feed server cannot listen on " + bind, e);
    }
    String baseUrl = publicBaseUrl == null
        ? "http://127.0.0.1:" + server.getAddress().getPort()
        : publicBaseUrl.replaceAll("/+$", "");
    DemoCorpus corpus = DemoCorpus.load(baseUrl);
    // a few threads: ingest fetches pages of several feeds at once, and one slow client must not stall the rest
    ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
      Thread t = new Thread(r, "demo-feed-server");
      t.setDaemon(true);
      return t;
    });
    DemoFeedServer demo = new DemoFeedServer(server, executor, corpus, baseUrl);
    server.createContext("/", demo::handle);
    server.setExecutor(executor);
    server.start();
    return demo;
  }

  /** {@code http://127.0.0.1:<port>}, without a trailing slash. */
  public String baseUrl() {
    return baseUrl;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** Absolute URLs of the corpus feeds (RSS 2.0 and Atom). */
  public List<String> feedUrls() {
    return corpus.feeds().stream().map(f -> baseUrl + f.path()).toList();
  }

  /** Titles of the feeds, in the order of {@link #feedUrls()}. */
  public List<String> feedTitles() {
    return corpus.feeds().stream().map(DemoCorpus.Feed::title).toList();
  }

  /** Absolute URLs of every article page the corpus serves. */
  public List<String> pageUrls() {
    return corpus.pagePaths().stream().map(p -> baseUrl + p).toList();
  }

  /** Responses sent so far with a body (200). */
  public long requestsServed() {
    return served.get();
  }

  /** Responses sent so far as 304 Not Modified: shows whether a client uses conditional requests. */
  public long notModifiedServed() {
    return notModified.get();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      if (!method.equals("GET") && !method.equals("HEAD")) {
        exchange.getResponseHeaders().set("Allow", "GET, HEAD");
        send(exchange, 405, "text/plain; charset=utf-8", "method not allowed\n".getBytes(StandardCharsets.UTF_8));
        return;
      }
      // getPath() drops the query, so tracking parameters (?utm_source=rss) reach the same page, as on real sites
      DemoCorpus.Resource resource = corpus.find(exchange.getRequestURI().getPath());
      if (resource == null) {
        send(exchange, 404, "text/html; charset=utf-8",
            "<!doctype html><title>404 Not Found</title><h1>Page not found</h1>".getBytes(StandardCharsets.UTF_8));
        return;
      }
      var headers = exchange.getResponseHeaders();
      headers.set("ETag", resource.etag());
      headers.set("Last-Modified", DateTimeFormatter.RFC_1123_DATE_TIME.format(resource.lastModified().atOffset(ZoneOffset.UTC)));
      headers.set("Cache-Control", "max-age=60");
      if (isNotModified(exchange, resource)) {
        notModified.incrementAndGet();
        exchange.sendResponseHeaders(304, -1);
        return;
      }
      served.incrementAndGet();
      send(exchange, 200, resource.contentType(), method.equals("HEAD") ? null : resource.body());
    }
  }

  // RFC 9110 §13.2.2: If-None-Match wins over If-Modified-Since when both are sent
  private static boolean isNotModified(HttpExchange exchange, DemoCorpus.Resource resource) {
    String ifNoneMatch = exchange.getRequestHeaders().getFirst("If-None-Match");
    if (ifNoneMatch != null) {
      for (String tag : ifNoneMatch.split(",")) {
        String t = tag.strip();
        if (t.equals("*") || t.equals(resource.etag()) || t.equals("W/" + resource.etag())) {
          return true;
        }
      }
      return false;
    }
    String ifModifiedSince = exchange.getRequestHeaders().getFirst("If-Modified-Since");
    if (ifModifiedSince == null) {
      return false;
    }
    try {
      Instant since = DateTimeFormatter.RFC_1123_DATE_TIME.parse(ifModifiedSince.strip(), Instant::from);
      return !resource.lastModified().truncatedTo(ChronoUnit.SECONDS).isAfter(since);
    } catch (DateTimeParseException e) {
      return false; // an unparseable date is ignored, as the RFC asks
    }
  }

  private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", contentType);
    if (body == null) {
      exchange.sendResponseHeaders(status, -1);
      return;
    }
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  /**
   * Runs the server until the process is stopped.
   * Usage: {@code DemoFeedServer [--port N] [--bind ADDRESS] [--public-url URL] [--urls-file FILE]}; the urls file
   * (written when ready) lists each feed as {@code url<TAB>title}, for scripts to register, as does
   * {@code GET /demo-feeds.txt}.
   */
  public static void main(String[] args) throws IOException, InterruptedException {
    int port = 0;
    String bind = null;
    String publicUrl = null;
    Path urlsFile = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--port" -> port = Integer.parseInt(args[++i]);
        case "--bind" -> bind = args[++i];
        case "--public-url" -> publicUrl = args[++i];
        case "--urls-file" -> urlsFile = Path.of(args[++i]);
        default -> {
          System.err.println("usage: DemoFeedServer [--port N] [--bind ADDRESS] [--public-url URL] [--urls-file FILE]");
          System.exit(2);
        }
      }
    }
    InetSocketAddress address = bind == null
        ? new InetSocketAddress(InetAddress.getLoopbackAddress(), port)
        : new InetSocketAddress(InetAddress.getByName(bind), port);
    DemoFeedServer demo = start(address, publicUrl);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      demo.close();
      stopped.countDown();
    }, "demo-feed-server-shutdown"));
    String listing = demo.corpus.feedListing();
    if (urlsFile != null) {
      Path tmp = urlsFile.resolveSibling(urlsFile.getFileName() + ".tmp");
      Files.writeString(tmp, listing, StandardCharsets.UTF_8);
      Files.move(tmp, urlsFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
    System.out.println("demo feed server ready: " + demo.baseUrl() + " (" + demo.feedUrls().size() + " feeds, "
        + demo.pageUrls().size() + " pages)");
    System.out.print(listing);
    System.out.flush();
    stopped.await();
  }
}
