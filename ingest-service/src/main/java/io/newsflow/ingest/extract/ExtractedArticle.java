package io.newsflow.ingest.extract;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What {@link ArticleExtractor} found on one page. Any field but {@code text}, {@code authors} and
 * {@code provenance} may be null when the page does not say.
 *
 * @param title        headline
 * @param text         main text, paragraphs separated by {@code "\n\n"}; empty when nothing was found
 * @param html         main content as HTML sanitised with a jsoup Safelist, links absolute
 * @param authors      author names in page order, without duplicates
 * @param publishedAt  first publication time in UTC
 * @param modifiedAt   last modification time in UTC
 * @param canonicalUrl rel=canonical, og:url or the page URL, normalised by {@code CanonicalUrl}
 * @param language     BCP 47 language tag
 * @param imageUrl     lead image, absolute
 * @param siteName     the publishing site's name
 * @param provenance   field name of this record -> where its value came from (e.g. {@code "json-ld"})
 */
public record ExtractedArticle(
    String title,
    String text,
    String html,
    List<String> authors,
    Instant publishedAt,
    Instant modifiedAt,
    String canonicalUrl,
    String language,
    String imageUrl,
    String siteName,
    Map<String, String> provenance) {

  public ExtractedArticle {
    text = text == null ? "" : text;
    authors = authors == null ? List.of() : List.copyOf(authors);
    provenance = provenance == null ? Map.of() : Map.copyOf(provenance);
  }
}
