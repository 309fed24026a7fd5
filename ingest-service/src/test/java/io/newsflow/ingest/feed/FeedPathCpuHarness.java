package io.newsflow.ingest.feed;

import io.newsflow.ingest.extract.ArticleExtractor;
import io.newsflow.model.feed.FeedDefinition;
import io.newsflow.model.feed.FeedState;
import io.newsflow.model.json.EventJson;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Random;

/**
 * CPU cost of ingest's per-item path on a full-text feed, with no network and no broker: parse a feed of
 * 100 items (≈5 KB of HTML each in content:encoded), detect the new items, assemble them and serialise
 * the raw articles — what a poll costs after the fetch and before the send. Not a test; run by hand:
 * {@code java -cp <test classpath> io.newsflow.ingest.feed.FeedPathCpuHarness [rounds]}, optionally under JFR.
 */
public final class FeedPathCpuHarness {

  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 40;
    byte[] feedXml = feed(100, new Random(7));
    FeedDefinition feed = new FeedDefinition("f-bench", "http://feeds.example/1.xml", null, null, null, null, null, null, null,
        FeedState.ACTIVE);
    FeedParser parser = new FeedParser(Clock.systemUTC());
    ItemChangeDetector detector = new ItemChangeDetector(new ArticleAssembler(null, new ArticleExtractor(), 400), Clock.systemUTC());
    var threads = ManagementFactory.getThreadMXBean();
    long bytes = 0;
    for (int round = 0; round < rounds; round++) {
      long cpu = threads.getCurrentThreadCpuTime();
      long parseCpu = 0;
      int items = 0;
      for (int i = 0; i < 10; i++) {
        long p0 = threads.getCurrentThreadCpuTime();
        ParsedFeed parsed = parser.parse(feedXml, "application/rss+xml", URI.create(feed.url()), ZoneOffset.UTC);
        parseCpu += threads.getCurrentThreadCpuTime() - p0;
        var changes = detector.detect(feed, parsed, FeedCursor.empty(feed.feedId()), Instant.now());
        for (var article : changes.articles()) {
          bytes += EventJson.toBytes(article).length;
        }
        items += changes.articles().size();
      }
      long spent = threads.getCurrentThreadCpuTime() - cpu;
      System.out.printf("round %d: %d items, %.0f µs CPU per item (feed parse %.0f µs of it)%n", round, items,
          spent / 1000.0 / items, parseCpu / 1000.0 / items);
    }
    System.out.println("serialised bytes " + bytes);
  }

  private static byte[] feed(int items, Random random) {
    String[] words = ("Astana Moscow Beijing the of and in to a on said ministry defence exercise pipeline CSTO "
        + "troops border talks summit oil transit agreement officials president Tokayev region security").split(" ");
    StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" "
        + "xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel><title>Bench wire</title>"
        + "<link>http://feeds.example/</link><description>bench</description>\n");
    for (int i = 0; i < items; i++) {
      StringBuilder html = new StringBuilder();
      while (html.length() < 5000) {
        html.append("<p>");
        for (int w = 0; w < 60; w++) {
          html.append(words[random.nextInt(words.length)]).append(w % 12 == 11 ? ". " : " ");
        }
        html.append("</p>");
      }
      xml.append("<item><title>Item ").append(i).append(" on regional security</title><link>http://news.example/a/")
          .append(i).append("</link><guid>http://news.example/a/").append(i).append("</guid><pubDate>Fri, 27 Nov 2026 10:")
          .append(String.format("%02d", i % 60)).append(":00 GMT</pubDate><description>A short summary of item ").append(i)
          .append(".</description><content:encoded><![CDATA[").append(html).append("]]></content:encoded></item>\n");
    }
    return xml.append("</channel></rss>").toString().getBytes(StandardCharsets.UTF_8);
  }
}
