package io.newsflow.e2e.faults;

import com.sun.net.httpserver.HttpServer;
import io.newsflow.model.article.ArticleIds;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * An RSS feed on 127.0.0.1 that grows while the test runs: item {@code n} appears {@code n / perSecond}
 * seconds after {@link #open()}, up to {@code total} items, newest first, each with its full text in the
 * description (so ingest publishes it without fetching a page). A poll of it therefore publishes a few
 * new articles each time, so a kill lands between polls or in the middle of one.
 */
final class GrowingFeedServer implements AutoCloseable {

  private final HttpServer server;
  private final String run;
  private final int total;
  private final double perSecond;
  private volatile long openedAt = Long.MAX_VALUE;

  GrowingFeedServer(String run, int total, double perSecond) throws IOException {
    this.run = run;
    this.total = total;
    this.perSecond = perSecond;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/" + run + "/rss.xml", exchange -> {
      byte[] body = rss().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/rss+xml; charset=utf-8");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
  }

  /** From now on items appear; before, the feed is valid but empty. */
  GrowingFeedServer open() {
    openedAt = System.nanoTime();
    return this;
  }

  /** Every item at once from now on. */
  void revealAll() {
    openedAt = Long.MIN_VALUE / 2;
  }

  String feedUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + run + "/rss.xml";
  }

  String hostAndPort() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  String link(int n) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + run + "/news/" + n + ".html";
  }

  /** Article ids of every item the feed will ever list. */
  List<String> ids() {
    List<String> ids = new ArrayList<>(total);
    for (int n = 0; n < total; n++) {
      ids.add(ArticleIds.fromUrl(link(n)));
    }
    return ids;
  }

  int visible() {
    long opened = openedAt;
    if (opened == Long.MAX_VALUE) {
      return 0;
    }
    double seconds = (System.nanoTime() - opened) / 1e9;
    return (int) Math.min(total, Math.max(0, Math.floor(seconds * perSecond)));
  }

  private String rss() {
    int visible = visible();
    StringBuilder xml = new StringBuilder(4096 + visible * 1400);
    xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>")
        .append("<title>Fault Wire ").append(run).append("</title><link>http://127.0.0.1/").append(run)
        .append("</link><description>growing test feed</description><language>en</language>\n");
    Instant base = Instant.parse("2026-11-01T00:00:00Z");
    for (int n = visible - 1; n >= 0; n--) {
      String when = DateTimeFormatter.RFC_1123_DATE_TIME.format(base.plusSeconds(60L * n).atOffset(ZoneOffset.UTC));
      xml.append("<item><title>").append(run).append(" bulletin ").append(n).append("</title><link>").append(link(n))
          .append("</link><guid isPermaLink=\"true\">").append(link(n)).append("</guid><pubDate>").append(when)
          .append("</pubDate><description><![CDATA[<p>").append(SyntheticArticles.text(run, n))
          .append("</p>]]></description></item>\n");
    }
    return xml.append("</channel></rss>\n").toString();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
