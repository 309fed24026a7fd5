package io.newsflow.enrich.event;

import static io.newsflow.enrich.event.RussianDateVocabulary.folded;

import io.newsflow.enrich.event.DateExpressionParser.Reference;
import io.newsflow.model.article.DatePrecision;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Set;

/**
 * "в четверг", "во вторник", "в минувший четверг", "в следующий вторник", "в ночь на понедельник":
 * resolved against the publication day. A modifier says which way; without one the sentence's tense
 * does, as for English partial dates: the latest such day, or the next one when it speaks of the future.
 */
final class RussianWeekdays {

  private static final Set<String> IN = Set.of("в", "во");

  private RussianWeekdays() {}

  static DateExpression at(String text, int from, int start, int end, DayOfWeek weekday, Reference ref) {
    int[] prev = RussianDateRules.previousWord(text, from, start);
    if (prev == null) {
      return null;
    }
    String lead = folded(text, prev[0], prev[1]);
    int direction = 0;
    if (RussianDateVocabulary.PAST_WEEKDAY.contains(lead)) {
      direction = -1;
    } else if (RussianDateVocabulary.NEXT_WEEKDAY.contains(lead)) {
      direction = 1;
    }
    int[] preposition = prev;
    if (direction != 0 || RussianDateVocabulary.THIS_WEEKDAY.contains(lead) || lead.equals("на")) {
      // "в минувший четверг", "в ночь на понедельник": the preposition is one word further back
      preposition = RussianDateRules.previousWord(text, from, prev[0]);
      if (preposition != null && lead.equals("на")) {
        boolean night = folded(text, preposition[0], preposition[1]).equals("ночь");
        preposition = night ? RussianDateRules.previousWord(text, from, preposition[0]) : null;
      }
    }
    if (preposition == null || !IN.contains(folded(text, preposition[0], preposition[1]))) {
      return null; // "четверг" as a subject, "с понедельника"
    }
    LocalDate published = ref.day();
    LocalDate day = switch (direction) {
      case -1 -> published.with(TemporalAdjusters.previous(weekday));
      case 1 -> published.with(TemporalAdjusters.next(weekday));
      default -> ref.futureLeaning().getAsBoolean()
          ? published.with(TemporalAdjusters.nextOrSame(weekday))
          : published.with(TemporalAdjusters.previousOrSame(weekday));
    };
    return RussianDateRules.expression(text, preposition[0], end, day, day, DatePrecision.DAY);
  }
}
