package io.newsflow.model.article;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A raw article after de-duplication and tagging: published by enrich-service on
 * {@code newsflow.articles.enriched.v1}, keyed by {@link #articleId()}.
 *
 * @param eventId          unique per publication
 * @param schemaVersion    always {@link #SCHEMA_VERSION}
 * @param occurredAt       when enrich-service produced the event
 * @param articleId        same as {@code article.articleId()}
 * @param article          the raw article this enrichment is of, unchanged
 * @param dedupe           the dedupe verdict
 * @param actors           actors found, most salient first
 * @param themes           themes whose score passed the threshold, highest score first
 * @param events           dated statements found in the text, in text order
 * @param gazetteerVersion version of the actor gazetteer used
 * @param taxonomyVersion  version of the theme taxonomy used
 */
public record EnrichedArticle(
    String eventId,
    int schemaVersion,
    Instant occurredAt,
    String articleId,
    RawArticle article,
    Dedupe dedupe,
    List<ActorTag> actors,
    List<ThemeTag> themes,
    List<DatedEvent> events,
    String gazetteerVersion,
    String taxonomyVersion) {

  public static final int SCHEMA_VERSION = 1;

  public EnrichedArticle {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(occurredAt, "occurredAt");
    Objects.requireNonNull(articleId, "articleId");
    Objects.requireNonNull(article, "article");
    Objects.requireNonNull(dedupe, "dedupe");
    if (!articleId.equals(article.articleId())) {
      throw new IllegalArgumentException("articleId " + articleId + " differs from the article's " + article.articleId());
    }
    actors = actors == null ? List.of() : List.copyOf(actors);
    themes = themes == null ? List.of() : List.copyOf(themes);
    events = events == null ? List.of() : List.copyOf(events);
  }
}
