package io.newsflow.ingest.feed;

import java.util.List;

/**
 * A feed document as the parser read it, format-independent.
 *
 * @param format     e.g. {@code rss_2.0}, {@code atom_1.0}, {@code json_feed}
 * @param title      feed title, may be null
 * @param siteUrl    the site the feed describes, absolute, may be null
 * @param language   the feed's declared language, may be null
 * @param ttlMinutes RSS {@code <ttl>}, null when absent
 * @param items      items in document order
 */
public record ParsedFeed(String format, String title, String siteUrl, String language, Integer ttlMinutes, List<ParsedItem> items) {

  public ParsedFeed {
    items = items == null ? List.of() : List.copyOf(items);
  }
}
