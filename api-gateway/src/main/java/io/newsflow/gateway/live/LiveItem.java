package io.newsflow.gateway.live;

import io.newsflow.model.article.EnrichedArticle;
import io.newsflow.model.article.Span;
import java.time.Instant;
import java.util.List;

/**
 * One newly enriched article as the live stream sends it: the shape of store-service's
 * TimelineItem, so the dashboard renders live and stored items with the same code.
 *
 * @param eventId Kafka position {@code partition-offset}; the SSE id a client resumes from
 */
public record LiveItem(
    String eventId,
    String articleId,
    String title,
    String url,
    String sourceName,
    String feedId,
    Instant publishedAt,
    String language,
    String excerpt,
    List<Actor> actors,
    List<Theme> themes,
    String storyId,
    String verdict) {

  public record Actor(String actorId, String name, double salience) {}

  public record Theme(String themeId, String label, double score, List<String> evidence) {}

  static final int EXCERPT_LENGTH = 300;

  static LiveItem of(String eventId, EnrichedArticle enriched) {
    var a = enriched.article();
    String text = a.summary() != null && !a.summary().isBlank() ? a.summary() : a.text() == null ? "" : a.text();
    String excerpt = text.length() > EXCERPT_LENGTH ? text.substring(0, EXCERPT_LENGTH) + "…" : text;
    return new LiveItem(eventId, enriched.articleId(), a.title(), a.url(), a.sourceName(), a.feedId(),
        a.publishedAt() != null ? a.publishedAt() : a.fetchedAt(), a.language(), excerpt,
        enriched.actors().stream().map(t -> new Actor(t.actorId(), t.name(), t.salience())).toList(),
        enriched.themes().stream().map(t -> new Theme(t.themeId(), t.label(), t.score(),
            t.evidence().stream().map(Span::text).distinct().toList())).toList(),
        enriched.dedupe().storyId(), enriched.dedupe().verdict().name());
  }

  boolean matches(List<String> actorIds, List<String> themeIds) {
    boolean actorOk = actorIds.isEmpty() || actors.stream().anyMatch(x -> actorIds.contains(x.actorId()));
    boolean themeOk = themeIds.isEmpty() || themes.stream().anyMatch(x -> themeIds.contains(x.themeId()));
    return actorOk && themeOk;
  }
}
