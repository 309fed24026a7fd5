package io.newsflow.ingest.feed;

import java.time.Instant;
import java.util.List;

/**
 * One feed item.
 *
 * @param guid        RSS guid / Atom id / JSON Feed id, may be null
 * @param link        the item's link resolved to an absolute URL, may be null
 * @param title       headline as plain text, may be null
 * @param summaryHtml description / summary, may be null
 * @param contentHtml full content (content:encoded, Atom content, content_html), may be null
 * @param authors     author names
 * @param publishedAt publication time in UTC, may be null
 * @param updatedAt   update time in UTC, may be null
 * @param flags       data-quality flags found while parsing (e.g. {@code FUTURE_DATE})
 */
public record ParsedItem(
    String guid,
    String link,
    String title,
    String summaryHtml,
    String contentHtml,
    List<String> authors,
    Instant publishedAt,
    Instant updatedAt,
    List<String> flags) {

  public ParsedItem {
    authors = authors == null ? List.of() : List.copyOf(authors);
    flags = flags == null ? List.of() : List.copyOf(flags);
  }
}
