package io.newsflow.model.article;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A dated statement found in an article's text: what happened when.
 *
 * @param start     first day the statement refers to
 * @param end       last day (equal to start for a single day; the month's or year's end for coarser precision)
 * @param precision DAY, MONTH or YEAR
 * @param expression the date expression as written ("on January 4", "last year")
 * @param sentence  the sentence the date appears in
 * @param offset    offset of the expression in the text
 * @param actors    actor ids mentioned in the sentence
 * @param themes    theme ids whose evidence appears in the sentence
 */
public record DatedEvent(
    LocalDate start,
    LocalDate end,
    DatePrecision precision,
    String expression,
    String sentence,
    int offset,
    List<String> actors,
    List<String> themes) {

  public DatedEvent {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    Objects.requireNonNull(precision, "precision");
    if (end.isBefore(start)) {
      throw new IllegalArgumentException("event ends " + end + " before it starts " + start);
    }
    actors = actors == null ? List.of() : List.copyOf(actors);
    themes = themes == null ? List.of() : List.copyOf(themes);
  }
}
