package io.newsflow.enrich.event;

import io.newsflow.model.article.DatePrecision;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "The talks will resume on Friday": a weekday a future verb governs is the next such day, not the last one.
 * Which weekdays a future verb governs is the sentence's business ({@link EventExtractor}); this only moves them.
 */
final class FutureWeekday {

  private static final Pattern ON_WEEKDAY = Pattern.compile("(?i:on)\\s+" + DateVocabulary.WEEKDAY);

  private FutureWeekday() {}

  /** Whether the expression is an "on Friday" read as the latest Friday on or before publication. */
  static boolean isOnWeekday(DateExpression d) {
    return d.precision() == DatePrecision.DAY && ON_WEEKDAY.matcher(d.text()).matches();
  }

  /** The expression moved to the first such weekday on or after publication. */
  static DateExpression ahead(DateExpression d, LocalDate published) {
    Matcher m = ON_WEEKDAY.matcher(d.text());
    if (!m.matches()) {
      return d;
    }
    LocalDate day = published.with(TemporalAdjusters.nextOrSame(DateVocabulary.weekday(m.group(1))));
    return new DateExpression(d.start(), d.end(), d.text(), day, day, DatePrecision.DAY);
  }
}
