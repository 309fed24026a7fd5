package io.newsflow.gateway.backend;

import io.micronaut.core.annotation.Nullable;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides whether a new or changed article can change the answer to one cached read, from the read's
 * back-end path and query (the cache key) and the article's tags. It errs one way only: when it
 * cannot tell (a title search, an updated article whose old tags are unknown, an endpoint it does not
 * know), the answer is "affected", so a cached answer is never kept past a change it could show.
 * The filters mirror store-service's (docs/internal-http-api.md): actors any/all, themes any, source
 * feed, language, and the timeline time range (published, else fetched; from inclusive, to exclusive).
 */
final class AffectedReads {

  private AffectedReads() {}

  static boolean affects(ArticleChange change, Backend backend, String pathAndQuery) {
    if (backend != Backend.STORE) {
      return false; // only store-service's answers are made of articles
    }
    int q = pathAndQuery.indexOf('?');
    String path = q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
    Map<String, List<String>> params = q < 0 ? Map.of() : parse(pathAndQuery.substring(q + 1));
    if (path.equals("/internal/v1/timeline")) {
      return change.retagged() || timelineMatches(change, params);
    }
    if (path.equals("/internal/v1/events")) {
      return change.retagged() || change.hasEvents() && eventsMatch(change, params);
    }
    if (path.startsWith("/internal/v1/articles/")) {
      String id = lastSegment(path);
      return id.equals(change.articleId()) || id.equals(change.duplicateOf());
    }
    if (path.startsWith("/internal/v1/stories/")) {
      return change.retagged() || lastSegment(path).equals(change.storyId());
    }
    if (path.startsWith("/internal/v1/actors/")) {
      return change.retagged() || change.actorIds().contains(lastSegment(path));
    }
    if (path.equals("/internal/v1/stats/volume")) {
      Set<String> tags = "theme".equals(first(params, "dimension")) ? change.themeIds() : change.actorIds();
      return change.retagged() || intersects(params.getOrDefault("key", List.of()), tags);
    }
    if (path.equals("/internal/v1/stats/cooccurrence")) {
      String actor = first(params, "actor");
      return change.retagged() || actor == null || change.actorIds().contains(actor);
    }
    return true; // actor search, themes and anything newer: counts over all articles
  }

  private static boolean timelineMatches(ArticleChange change, Map<String, List<String>> params) {
    List<String> actors = params.getOrDefault("actor", List.of());
    if (!actors.isEmpty()) {
      boolean all = "all".equals(first(params, "actorMode"));
      if (all ? !change.actorIds().containsAll(actors) : !intersects(actors, change.actorIds())) {
        return false;
      }
    }
    List<String> themes = params.getOrDefault("theme", List.of());
    if (!themes.isEmpty() && !intersects(themes, change.themeIds())) {
      return false;
    }
    String source = first(params, "source");
    if (source != null && change.feedId() != null && !source.equals(change.feedId())) {
      return false;
    }
    String language = first(params, "language");
    if (language != null && change.language() != null && !language.equalsIgnoreCase(change.language())) {
      return false;
    }
    Instant at = change.timelineAt();
    if (at != null) {
      Instant from = moment(first(params, "from"));
      Instant to = moment(first(params, "to"));
      if (from != null && at.isBefore(from) || to != null && !at.isBefore(to)) {
        return false;
      }
    }
    return true; // q (title words) is not judged here: a match is assumed
  }

  private static boolean eventsMatch(ArticleChange change, Map<String, List<String>> params) {
    // An event's actors are those of its sentence; the article's own tags are added to be safe.
    String actor = first(params, "actor");
    if (actor != null && !change.eventActors().contains(actor) && !change.actorIds().contains(actor)) {
      return false;
    }
    String theme = first(params, "theme");
    return theme == null || change.eventThemes().contains(theme) || change.themeIds().contains(theme);
  }

  private static boolean intersects(Collection<String> wanted, Set<String> tags) {
    for (String w : wanted) {
      if (tags.contains(w)) {
        return true;
      }
    }
    return false;
  }

  private static @Nullable Instant moment(@Nullable String value) {
    if (value == null) {
      return null;
    }
    try {
      return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(value);
    } catch (DateTimeParseException e) {
      return null; // cannot tell: no bound, so the read counts as affected
    }
  }

  private static @Nullable String first(Map<String, List<String>> params, String name) {
    List<String> values = params.get(name);
    return values == null || values.isEmpty() ? null : values.getFirst();
  }

  private static String lastSegment(String path) {
    return URLDecoder.decode(path.substring(path.lastIndexOf('/') + 1), StandardCharsets.UTF_8);
  }

  private static Map<String, List<String>> parse(String query) {
    Map<String, List<String>> params = new HashMap<>();
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        continue;
      }
      String name = URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8);
      String value = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      params.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }
    return params;
  }
}
