package io.newsflow.model.article;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An article as fetched from a feed and extracted from its page: published by ingest-service on
 * {@code newsflow.articles.raw.v1}, keyed by {@link #articleId()}.
 *
 * @param eventId      unique per publication of this event (a re-publication gets a new one)
 * @param schemaVersion always {@link #SCHEMA_VERSION} for this record
 * @param occurredAt   when ingest-service produced the event
 * @param articleId    stable id derived from the canonical URL, see {@link ArticleIds}
 * @param revision     1 for the first version ingest saw, +1 each time the same item changed content
 * @param change       whether this is a new article or an update of one published before
 * @param feedId       the feed the item came from
 * @param feedUrl      that feed's URL
 * @param sourceName   human name of the publishing site (feed title or site host)
 * @param url          the item's link as the feed gave it, resolved to an absolute URL
 * @param canonicalUrl the canonical URL (rel=canonical, og:url or the link), tracking parameters removed
 * @param title        headline
 * @param summary      the feed's summary or description as plain text, may be null
 * @param text         the article's main text as plain text, paragraphs separated by a blank line
 * @param html         the article's main content as sanitised HTML, may be null
 * @param authors      author names, possibly empty
 * @param publishedAt  publication time in UTC, null when no source gave one
 * @param modifiedAt   last modification time in UTC, may be null
 * @param fetchedAt    when ingest-service fetched the item
 * @param language     BCP 47 language tag if known (feed, page or configuration), may be null
 * @param imageUrl     lead image, may be null
 * @param contentHash  SHA-256 (hex) of the whitespace- and case-normalised text
 * @param provenance   for each metadata field, where its value came from (for example
 *                     {@code publishedAt -> "json-ld"}); keys are field names of this record
 * @param flags        data-quality flags such as {@code FUTURE_DATE}, {@code ANCIENT_DATE}, {@code SUMMARY_ONLY}
 */
public record RawArticle(
    String eventId,
    int schemaVersion,
    Instant occurredAt,
    String articleId,
    int revision,
    ChangeKind change,
    String feedId,
    String feedUrl,
    String sourceName,
    String url,
    String canonicalUrl,
    String title,
    String summary,
    String text,
    String html,
    List<String> authors,
    Instant publishedAt,
    Instant modifiedAt,
    Instant fetchedAt,
    String language,
    String imageUrl,
    String contentHash,
    Map<String, String> provenance,
    List<String> flags) {

  public static final int SCHEMA_VERSION = 1;

  public RawArticle {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(occurredAt, "occurredAt");
    Objects.requireNonNull(articleId, "articleId");
    Objects.requireNonNull(change, "change");
    Objects.requireNonNull(feedId, "feedId");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(canonicalUrl, "canonicalUrl");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(fetchedAt, "fetchedAt");
    Objects.requireNonNull(contentHash, "contentHash");
    if (revision < 1) {
      throw new IllegalArgumentException("revision must be at least 1, was " + revision);
    }
    authors = authors == null ? List.of() : List.copyOf(authors);
    provenance = provenance == null ? Map.of() : Map.copyOf(provenance);
    flags = flags == null ? List.of() : List.copyOf(flags);
  }
}
