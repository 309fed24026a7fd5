package io.newsflow.store.timeline;

import java.time.Instant;
import java.util.List;

/**
 * A validated timeline query. Every value is typed; nothing here is ever turned into a query document.
 *
 * @param actors     actor ids; any of them, or all of them when {@code allActors}
 * @param themes     theme ids, any of them
 * @param source     feed id or null
 * @param language   language tag or null
 * @param titleWords lower-cased words that must all appear in the title, empty for none
 * @param from       inclusive lower bound or null
 * @param to         exclusive upper bound or null
 * @param limit      1..200
 * @param cursor     position to continue after, or null
 */
public record TimelineRequest(
    List<String> actors,
    boolean allActors,
    List<String> themes,
    String source,
    String language,
    List<String> titleWords,
    Instant from,
    Instant to,
    int limit,
    TimelineCursor cursor,
    boolean includeDuplicates) {

  public static final int MAX_LIMIT = 200;

  public TimelineRequest {
    actors = List.copyOf(actors);
    themes = List.copyOf(themes);
    titleWords = List.copyOf(titleWords);
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
    }
    if (from != null && to != null && !from.isBefore(to)) {
      throw new IllegalArgumentException("from " + from + " must be before to " + to);
    }
  }

  public static TimelineRequest latest(int limit) {
    return new TimelineRequest(List.of(), false, List.of(), null, null, List.of(), null, null, limit, null, false);
  }
}
