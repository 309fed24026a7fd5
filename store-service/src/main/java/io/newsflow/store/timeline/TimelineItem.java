package io.newsflow.store.timeline;

import java.time.Instant;
import java.util.List;

/** One article on a timeline: what a list view shows, without the text. */
public record TimelineItem(
    String articleId,
    String title,
    String url,
    String sourceName,
    String feedId,
    Instant publishedAt,
    String language,
    String excerpt,
    List<ActorRef> actors,
    List<ThemeRef> themes,
    String storyId,
    String verdict) {

  public record ActorRef(String actorId, String name, double salience) {}

  public record ThemeRef(String themeId, String label, double score, List<String> evidence) {}
}
