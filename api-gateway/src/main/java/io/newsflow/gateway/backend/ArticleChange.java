package io.newsflow.gateway.backend;

import io.micronaut.core.annotation.Nullable;
import io.newsflow.model.article.DatedEvent;
import io.newsflow.model.article.DedupeVerdict;
import io.newsflow.model.article.EnrichedArticle;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What one record of the enriched topic can change in store-service's answers: the article's tags,
 * ids and timeline time. Reads that this could not change keep their cached answers.
 *
 * @param articleId    the article
 * @param duplicateOf  the original a duplicate points to (its view lists duplicates), or null
 * @param storyId      the story it joins, or null
 * @param retagged     true for an UPDATE: the stored article had other tags and time before, which
 *                     this record does not say, so every read that lists articles may change
 * @param actorIds     actors tagged
 * @param themeIds     themes tagged
 * @param feedId       the source feed
 * @param language     language code, or null
 * @param timelineAt   the time the store files it under (published, else fetched), or null
 * @param eventActors  actors named in its dated events
 * @param eventThemes  themes named in its dated events
 * @param hasEvents    whether it carries dated events at all
 */
public record ArticleChange(
    String articleId,
    @Nullable String duplicateOf,
    @Nullable String storyId,
    boolean retagged,
    Set<String> actorIds,
    Set<String> themeIds,
    @Nullable String feedId,
    @Nullable String language,
    @Nullable Instant timelineAt,
    Set<String> eventActors,
    Set<String> eventThemes,
    boolean hasEvents) {

  public static ArticleChange of(EnrichedArticle enriched) {
    var a = enriched.article();
    Set<String> eventActors = new LinkedHashSet<>();
    Set<String> eventThemes = new LinkedHashSet<>();
    for (DatedEvent e : enriched.events()) {
      eventActors.addAll(e.actors() == null ? List.of() : e.actors());
      eventThemes.addAll(e.themes() == null ? List.of() : e.themes());
    }
    return new ArticleChange(enriched.articleId(), enriched.dedupe().duplicateOf(), enriched.dedupe().storyId(),
        enriched.dedupe().verdict() == DedupeVerdict.UPDATE,
        Set.copyOf(enriched.actors().stream().map(t -> t.actorId()).toList()),
        Set.copyOf(enriched.themes().stream().map(t -> t.themeId()).toList()),
        a.feedId(), a.language(), a.publishedAt() != null ? a.publishedAt() : a.fetchedAt(),
        Set.copyOf(eventActors), Set.copyOf(eventThemes), !enriched.events().isEmpty());
  }
}
