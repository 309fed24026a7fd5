package io.newsflow.enrich.event;

import static io.newsflow.enrich.event.RussianDateRules.digitsEnd;
import static io.newsflow.enrich.event.RussianDateRules.isDigit;
import static io.newsflow.enrich.event.RussianDateRules.num;
import static io.newsflow.enrich.event.RussianDateRules.previousWord;
import static io.newsflow.enrich.event.RussianDateRules.skipSpaces;
import static io.newsflow.enrich.event.RussianDateVocabulary.folded;
import static io.newsflow.enrich.event.RussianDateVocabulary.wordEnd;

import io.newsflow.enrich.event.DateExpressionParser.Reference;
import io.newsflow.enrich.event.RussianDateVocabulary.MonthForm;
import io.newsflow.model.article.DatePrecision;
import java.time.YearMonth;
import java.util.Set;

/**
 * Month phrases without a day: "в декабре 2021 года", "января 2022 года", "в сентябре", "с января",
 * "с января по сентябрь 2025 года", "в январе-сентябре". Without a year the month needs the preposition its
 * case asks for, since a bare "мая" or "Марта" is as likely a name.
 */
final class RussianMonths {

  private static final Set<String> IN = Set.of("в", "во");

  private RussianMonths() {}

  static DateExpression at(String text, int from, int start, int end, int to, MonthForm month, Reference ref) {
    int before = start;
    while (before > from && Character.isWhitespace(text.charAt(before - 1))) {
      before--;
    }
    if (before > from && isDigit(text.charAt(before - 1))) {
      return null; // "26 сентября": the number reads it
    }
    int[] prev = previousWord(text, from, start);
    String lead = prev == null ? "" : folded(text, prev[0], prev[1]);
    MonthForm last = month;
    int i = end;
    int[] second = secondMonth(text, end, to);
    if (second != null) {
      last = RussianDateVocabulary.month(folded(text, second[0], second[1]));
      i = second[1];
    }
    int y = skipSpaces(text, i, to);
    int yEnd = digitsEnd(text, y, to);
    if (y > i && yEnd - y == 4 && (yEnd == to || !Character.isLetterOrDigit(text.charAt(yEnd)))) {
      i = yEnd;
      int w = skipSpaces(text, yEnd, to);
      int we = wordEnd(text, w, to);
      if (w > yEnd && RussianDateVocabulary.YEAR_WORDS.contains(folded(text, w, we))) {
        i = we < to && text.charAt(we) == '.' && we - w <= 2 ? we + 1 : we;
      }
      boolean led = IN.contains(lead) || RussianDateVocabulary.BEFORE_GENITIVE_MONTH.contains(lead);
      return range(text, led ? prev[0] : start, i, month, last, YearMonth.of(num(text, y, yEnd), last.month()));
    }
    boolean led = switch (month.grammaticalCase()) {
      case PREPOSITIONAL -> IN.contains(lead);
      case GENITIVE -> RussianDateVocabulary.BEFORE_GENITIVE_MONTH.contains(lead);
      case NOMINATIVE -> lead.equals("на");
    };
    if (!led) {
      return null;
    }
    return range(text, prev[0], i, month, last, DateExpressionParser.nearestReported(ref, last.month()));
  }

  private static DateExpression range(String text, int start, int end, MonthForm first, MonthForm last,
      YearMonth lastMonth) {
    YearMonth firstMonth = lastMonth.withMonth(first.month().getValue());
    if (firstMonth.isAfter(lastMonth)) {
      firstMonth = firstMonth.minusYears(1); // "с ноября по февраль"
    }
    return RussianDateRules.expression(text, start, end, firstMonth.atDay(1), lastMonth.atEndOfMonth(),
        DatePrecision.MONTH);
  }

  /** After a month: "-сентябре", " по сентябрь", " – сентябрь" and the second month's {start, end}, or null. */
  private static int[] secondMonth(String text, int end, int to) {
    int i = skipSpaces(text, end, to);
    if (i >= to) {
      return null;
    }
    char c = text.charAt(i);
    int after;
    if (c == '-' || c == '\u2013' || c == '\u2014') {
      after = skipSpaces(text, i + 1, to);
    } else {
      int wEnd = wordEnd(text, i, to);
      if (i == end || !folded(text, i, wEnd).equals("по")) {
        return null;
      }
      after = skipSpaces(text, wEnd, to);
    }
    int wEnd = wordEnd(text, after, to);
    return wEnd > after && RussianDateVocabulary.month(folded(text, after, wEnd)) != null
        ? new int[] {after, wEnd} : null;
  }
}
