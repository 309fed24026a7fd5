package io.newsflow.store.api;

import io.newsflow.store.timeline.TimelineCursor;
import io.newsflow.store.timeline.TimelinePage;
import io.newsflow.store.timeline.TimelineQuery;
import io.newsflow.store.timeline.TimelineRequest;
import io.newsflow.store.timeline.TitleWords;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /internal/v1/timeline}: parameters checked and typed, then {@link TimelineQuery}. */
@RestController
@RequestMapping("/internal/v1")
public class TimelineController {

  static final int DEFAULT_LIMIT = 50;
  private static final int MAX_QUERY_LENGTH = 200;

  private final TimelineQuery query;

  public TimelineController(TimelineQuery query) {
    this.query = query;
  }

  @GetMapping("/timeline")
  public TimelinePage timeline(
      @RequestParam(name = "actor", required = false) List<String> actor,
      @RequestParam(required = false) String actorMode,
      @RequestParam(name = "theme", required = false) List<String> theme,
      @RequestParam(required = false) String source,
      @RequestParam(required = false) String language,
      @RequestParam(required = false) String q,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String limit,
      @RequestParam(required = false) String cursor,
      @RequestParam(required = false) String includeDuplicates) {
    Instant fromInstant = QueryParams.instant("from", from);
    Instant toInstant = QueryParams.instant("to", to);
    QueryParams.range(fromInstant, toInstant);
    if (q != null && q.length() > MAX_QUERY_LENGTH) {
      throw new InvalidParameterException("q", q.substring(0, 40) + "…", "at most " + MAX_QUERY_LENGTH + " characters");
    }
    TimelineCursor position;
    try {
      position = cursor == null || cursor.isBlank() ? null : TimelineCursor.decode(cursor);
    } catch (IllegalArgumentException e) {
      throw new InvalidParameterException("cursor", cursor, "not a cursor from a previous page's nextCursor");
    }
    boolean all = QueryParams.oneOf("actorMode", actorMode, false, List.of("any", "all"), List.of(false, true));
    return query.page(new TimelineRequest(
        QueryParams.ids("actor", actor), all, QueryParams.ids("theme", theme), QueryParams.id("source", source),
        QueryParams.language(language), TitleWords.of(q), fromInstant, toInstant,
        QueryParams.limit(limit, DEFAULT_LIMIT, TimelineRequest.MAX_LIMIT), position,
        QueryParams.bool("includeDuplicates", includeDuplicates)));
  }
}
