package io.newsflow.store.api;

import io.newsflow.store.timeline.EventTimelineQuery;
import io.newsflow.store.timeline.EventTimelineQuery.EventPage;
import io.newsflow.store.timeline.EventTimelineQuery.EventRequest;
import io.newsflow.store.timeline.TimelineCursor;
import io.newsflow.store.timeline.TimelineRequest;
import java.time.LocalDate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /internal/v1/events}: dated events, newest event date first. */
@RestController
@RequestMapping("/internal/v1")
public class EventController {

  private final EventTimelineQuery query;

  public EventController(EventTimelineQuery query) {
    this.query = query;
  }

  @GetMapping("/events")
  public EventPage events(
      @RequestParam(required = false) String actor,
      @RequestParam(required = false) String theme,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String limit,
      @RequestParam(required = false) String cursor) {
    LocalDate fromDate = QueryParams.date("from", from);
    LocalDate toDate = QueryParams.date("to", to);
    if (fromDate != null && toDate != null && !fromDate.isBefore(toDate)) {
      throw new InvalidParameterException("from", from, "must be before to=" + to);
    }
    TimelineCursor position;
    try {
      position = cursor == null || cursor.isBlank() ? null : TimelineCursor.decode(cursor);
    } catch (IllegalArgumentException e) {
      throw new InvalidParameterException("cursor", cursor, "not a cursor from a previous page's nextCursor");
    }
    return query.page(new EventRequest(QueryParams.id("actor", actor), QueryParams.id("theme", theme), fromDate, toDate,
        QueryParams.limit(limit, TimelineController.DEFAULT_LIMIT, TimelineRequest.MAX_LIMIT), position));
  }
}
