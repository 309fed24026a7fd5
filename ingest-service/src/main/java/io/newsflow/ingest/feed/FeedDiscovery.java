package io.newsflow.ingest.feed;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Finds the feeds an HTML page announces: {@code <link rel="alternate">} with a feed type first (in
 * page order), then the paths where sites commonly put their feed.
 */
final class FeedDiscovery {

  private static final List<String> FEED_TYPES = List.of(
      "application/rss+xml", "application/atom+xml", "application/feed+json", "application/json", "application/rdf+xml",
      "application/xml", "text/xml");
  private static final List<String> COMMON_PATHS = List.of("/feed", "/rss", "/feed.xml", "/rss.xml", "/atom.xml", "/index.xml", "/feed/");

  private FeedDiscovery() {}

  static boolean looksLikeHtml(byte[] body, String contentType) {
    if (contentType != null && contentType.toLowerCase(Locale.ROOT).contains("html")) {
      return true;
    }
    String head = new String(body, 0, Math.min(body.length, 1024), java.nio.charset.StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
    return head.contains("<html") || head.contains("<!doctype html");
  }

  /** Candidate feed URLs, absolute, best first, without duplicates. */
  static List<String> candidates(String html, String pageUrl) {
    Document doc = Jsoup.parse(html, pageUrl);
    Set<String> out = new LinkedHashSet<>();
    for (Element link : doc.select("link[rel~=(?i)alternate][href]")) {
      String type = link.attr("type").toLowerCase(Locale.ROOT).strip();
      if (FEED_TYPES.contains(type)) {
        String abs = Links.resolve(pageUrl, link.attr("href"));
        if (abs != null) {
          out.add(abs);
        }
      }
    }
    for (String path : COMMON_PATHS) {
      String abs = Links.resolve(pageUrl, path);
      if (abs != null) {
        out.add(abs);
      }
    }
    return new ArrayList<>(out);
  }
}
