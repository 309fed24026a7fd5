package io.newsflow.bench.e2e;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Serves the corpus as RSS 2.0 feeds on 127.0.0.1 ({@code /feeds/N.xml}), each item with its full text
 * in {@code content:encoded} so ingest takes the text from the feed and fetches no page. Nothing is
 * visible until {@link #release} is called; then article {@code i} appears at
 * {@code releaseStart + i / rate} (rate 0: all at once), which is the zero point of freshness.
 * Feeds answer conditional requests (ETag per feed and release count) with 304, as real servers do.
 */
final class FeedServer implements AutoCloseable {

  private static final DateTimeFormatter RFC_1123 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

  private final Corpus corpus;
  private final int window;
  private final HttpServer server;
  private volatile long releaseStartMillis = Long.MAX_VALUE;
  private volatile double ratePerSecond;
  final AtomicLong feedRequests = new AtomicLong();
  final AtomicLong notModified = new AtomicLong();
  final AtomicLong bytesServed = new AtomicLong();

  /** @param window how many of its newest released items a feed lists (0: all) */
  FeedServer(Corpus corpus, int window) throws IOException {
    this.corpus = corpus;
    this.window = window;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext("/feeds/", this::serve);
    server.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  String feedUrl(int feed) {
    return baseUrl() + "/feeds/" + feed + ".xml";
  }

  String articleUrl(Corpus.Article a) {
    return baseUrl() + "/site" + a.feed() + "/" + a.slug() + ".html";
  }

  /** Starts releasing: at {@code ratePerSecond} items a second from now, or all now when it is 0. */
  void release(long startMillis, double ratePerSecond) {
    this.ratePerSecond = ratePerSecond;
    this.releaseStartMillis = startMillis;
  }

  /** When article {@code index} becomes visible in its feed (epoch millis). */
  long releaseMillis(int index) {
    return ratePerSecond <= 0 ? releaseStartMillis : releaseStartMillis + (long) (index * 1000.0 / ratePerSecond);
  }

  /** How many articles are visible at {@code nowMillis}. */
  int releasedBy(long nowMillis) {
    if (nowMillis < releaseStartMillis) {
      return 0;
    }
    if (ratePerSecond <= 0) {
      return corpus.size();
    }
    return (int) Math.min(corpus.size(), (nowMillis - releaseStartMillis) * ratePerSecond / 1000.0 + 1);
  }

  private void serve(HttpExchange exchange) throws IOException {
    try (exchange) {
      feedRequests.incrementAndGet();
      String path = exchange.getRequestURI().getPath();
      int feed;
      try {
        feed = Integer.parseInt(path.substring("/feeds/".length(), path.length() - ".xml".length()));
      } catch (RuntimeException e) {
        feed = -1;
      }
      if (feed < 0 || feed >= corpus.feeds() || !path.endsWith(".xml")) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      int released = releasedBy(System.currentTimeMillis());
      // items of feed f are f, f+F, f+2F, ...: how many of them are released
      int visible = released <= feed ? 0 : (released - feed - 1) / corpus.feeds() + 1;
      String etag = "\"f" + feed + "-" + visible + "\"";
      exchange.getResponseHeaders().set("ETag", etag);
      if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
        notModified.incrementAndGet();
        exchange.sendResponseHeaders(304, -1);
        return;
      }
      byte[] body = render(feed, visible).getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/rss+xml; charset=utf-8");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
      bytesServed.addAndGet(body.length);
    }
  }

  private String render(int feed, int visible) {
    List<Integer> all = corpus.articlesOf(feed);
    int from = window <= 0 ? 0 : Math.max(0, visible - window);
    StringBuilder xml = new StringBuilder(8_192 + (visible - from) * 5_500);
    String site = corpus.siteName(feed);
    xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\">\n<channel>\n")
        .append("<title>").append(escape(site)).append("</title>\n<link>").append(baseUrl()).append("/site").append(feed).append("/</link>\n")
        .append("<description>News and analysis from Central Asia by ").append(escape(site)).append("</description>\n<language>en</language>\n");
    for (int k = visible - 1; k >= from; k--) { // newest first, as feeds list them
      Corpus.Article a = corpus.article(all.get(k));
      String url = articleUrl(a);
      xml.append("<item>\n<title>").append(escape(a.title())).append("</title>\n<link>").append(url).append("</link>\n<guid isPermaLink=\"true\">")
          .append(url).append("</guid>\n<pubDate>").append(RFC_1123.format(Instant.ofEpochMilli(releaseMillis(a.index())))).append("</pubDate>\n")
          .append("<description>").append(escape(a.paragraphs().get(0))).append("</description>\n<content:encoded><![CDATA[");
      for (String p : a.paragraphs()) {
        xml.append("<p>").append(escape(p)).append("</p>\n");
      }
      xml.append("]]></content:encoded>\n</item>\n");
    }
    return xml.append("</channel>\n</rss>\n").toString();
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
