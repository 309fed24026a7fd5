package io.newsflow.store.api;

import io.newsflow.store.timeline.Aggregates;
import io.newsflow.store.timeline.Aggregates.Dimension;
import io.newsflow.store.timeline.Aggregates.Interval;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Actors, themes and dashboard statistics. */
@RestController
@RequestMapping("/internal/v1")
public class StatsController {

  static final int DEFAULT_DAYS = 30;
  static final int MAX_VOLUME_POINTS = 1000;
  static final int MAX_COOCCURRENCE_DAYS = 400;

  private final Aggregates aggregates;
  private final Clock clock;

  public StatsController(Aggregates aggregates, Clock clock) {
    this.aggregates = aggregates;
    this.clock = clock;
  }

  @GetMapping("/actors/{actorId}")
  public Aggregates.ActorSummary actor(@PathVariable String actorId) {
    String id = QueryParams.id("actorId", actorId);
    return aggregates.actor(id).orElseThrow(() -> new NotFoundException("actor", id));
  }

  @GetMapping("/themes")
  public List<Aggregates.ThemeSummary> themes() {
    return aggregates.themes();
  }

  @GetMapping("/stats/volume")
  public Aggregates.Volume volume(
      @RequestParam(required = false) String dimension,
      @RequestParam(name = "key", required = false) List<String> key,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String interval) {
    Dimension d = QueryParams.oneOf("dimension", dimension, null, List.of("actor", "theme"), List.of(Dimension.ACTOR, Dimension.THEME));
    if (d == null) {
      throw new InvalidParameterException("dimension", null, "required: actor or theme");
    }
    List<String> keys = QueryParams.ids("key", key);
    if (keys.isEmpty()) {
      throw new InvalidParameterException("key", null, "at least one key is required");
    }
    Interval i = QueryParams.oneOf("interval", interval, Interval.DAY, List.of("day", "week"), List.of(Interval.DAY, Interval.WEEK));
    LocalDate[] range = range(from, to);
    long points = ChronoUnit.DAYS.between(range[0], range[1]) / (i == Interval.DAY ? 1 : 7);
    if (points > MAX_VOLUME_POINTS) {
      throw new InvalidParameterException("from", from, "range too long: at most " + MAX_VOLUME_POINTS + " points per series");
    }
    return aggregates.volume(d, keys, range[0], range[1], i);
  }

  @GetMapping("/stats/cooccurrence")
  public Aggregates.Cooccurrence cooccurrence(
      @RequestParam(required = false) String actor,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String limit) {
    LocalDate[] range = range(from, to);
    if (ChronoUnit.DAYS.between(range[0], range[1]) > MAX_COOCCURRENCE_DAYS) {
      throw new InvalidParameterException("from", from, "range too long: at most " + MAX_COOCCURRENCE_DAYS + " days");
    }
    return aggregates.cooccurrence(QueryParams.id("actor", actor), range[0], range[1], QueryParams.limit(limit, 20, 200));
  }

  /** [from, to) as dates; without them the last {@value #DEFAULT_DAYS} days including today. */
  private LocalDate[] range(String from, String to) {
    LocalDate toDate = QueryParams.date("to", to);
    LocalDate fromDate = QueryParams.date("from", from);
    if (toDate == null) {
      toDate = fromDate == null ? LocalDate.now(clock).plusDays(1) : fromDate.plusDays(DEFAULT_DAYS);
    }
    if (fromDate == null) {
      fromDate = toDate.minusDays(DEFAULT_DAYS);
    }
    if (!fromDate.isBefore(toDate)) {
      throw new InvalidParameterException("from", from, "must be before to=" + toDate);
    }
    return new LocalDate[] {fromDate, toDate};
  }
}
