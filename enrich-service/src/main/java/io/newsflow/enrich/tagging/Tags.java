package io.newsflow.enrich.tagging;

import io.newsflow.model.article.ActorTag;
import io.newsflow.model.article.DatedEvent;
import io.newsflow.model.article.ThemeTag;
import java.util.List;

/**
 * Everything the tagger found in one article.
 *
 * @param actors           most salient first
 * @param themes           themes at or above their threshold, highest score first
 * @param events           dated statements of the text, in text order
 * @param gazetteerVersion version of the gazetteer that produced {@code actors}
 * @param taxonomyVersion  version of the taxonomy that produced {@code themes}
 */
public record Tags(
    List<ActorTag> actors,
    List<ThemeTag> themes,
    List<DatedEvent> events,
    String gazetteerVersion,
    String taxonomyVersion) {

  public Tags {
    actors = actors == null ? List.of() : List.copyOf(actors);
    themes = themes == null ? List.of() : List.copyOf(themes);
    events = events == null ? List.of() : List.copyOf(events);
  }
}
