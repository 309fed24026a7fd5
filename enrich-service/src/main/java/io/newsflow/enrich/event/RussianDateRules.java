package io.newsflow.enrich.event;

import static io.newsflow.enrich.event.RussianDateVocabulary.folded;
import static io.newsflow.enrich.event.RussianDateVocabulary.wordEnd;

import io.newsflow.enrich.event.DateExpressionParser.Reference;
import io.newsflow.enrich.event.RussianDateVocabulary.Case;
import io.newsflow.enrich.event.RussianDateVocabulary.MonthForm;
import io.newsflow.model.article.DatePrecision;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.util.Set;

/**
 * Russian date phrases, and numeric dd.mm.yyyy, read at one anchor {@link DateAnchors} found: "26 сентября
 * [2025 года]", "26-27 сентября", "с 1 по 5 октября", "в сентябре [2025 года]", "января 2022 года", "в 2012
 * году", "в 2012-2014 годах", "в прошлом году", "в прошлом месяце", "во вторник", "вчера", "26.09.2025".
 * Hand-written token steps rather than regular expressions: Russian phrases turn on a head word (month,
 * weekday, "год") whose case tells what stands before it, and the rules only look a word or two around it.
 */
final class RussianDateRules {

  private static final Set<String> RANGE_WORDS = Set.of("по");

  private RussianDateRules() {}

  /** Whether a candidate start is one these rules read: a digit or a Cyrillic anchor word. */
  static boolean reads(char c) {
    return isDigit(c) || RussianDateVocabulary.isCyrillic(c);
  }

  /** The date phrase at {@code start}, or null; {@code from} bounds how far back the rules look. */
  static DateExpression at(String text, int from, int start, int to, Reference ref) {
    try {
      return isDigit(text.charAt(start)) ? atNumber(text, from, start, to, ref) : atWord(text, from, start, to, ref);
    } catch (DateTimeException | IllegalArgumentException e) {
      return null; // "31 июня", or digits too long for an int: not a date
    }
  }

  private static DateExpression atNumber(String text, int from, int start, int to, Reference ref) {
    if (start > from && !separatesNumber(text, start)) {
      return null; // inside "27.1", "A320" or "+7"
    }
    int end = digitsEnd(text, start, to);
    int length = end - start;
    if (length <= 2 && end + 1 < to && text.charAt(end) == '.' && isDigit(text.charAt(end + 1))) {
      return numericDay(text, start, end, to);
    }
    if (length == 4) {
      return years(text, from, start, end, to);
    }
    return length <= 2 ? days(text, from, start, end, to, ref) : null;
  }

  /** "26.09.2025": day, month, four-digit year, and no further number glued on. */
  private static DateExpression numericDay(String text, int start, int dayEnd, int to) {
    int monthEnd = digitsEnd(text, dayEnd + 1, to);
    if (monthEnd - dayEnd - 1 > 2 || monthEnd + 1 >= to || text.charAt(monthEnd) != '.') {
      return null;
    }
    int yearEnd = digitsEnd(text, monthEnd + 1, to);
    if (yearEnd - monthEnd - 1 != 4 || (yearEnd < to && (Character.isLetterOrDigit(text.charAt(yearEnd))
        || text.charAt(yearEnd) == '.' && yearEnd + 1 < to && isDigit(text.charAt(yearEnd + 1))))) {
      return null;
    }
    LocalDate day = LocalDate.of(num(text, monthEnd + 1, yearEnd), num(text, dayEnd + 1, monthEnd),
        num(text, start, dayEnd));
    return expression(text, start, yearEnd, day, day, DatePrecision.DAY);
  }

  /** "2021 года", "в 2012 году", "в 2012-2014 годах", "с 2018 по 2020 год", "2012 г.": a year word must follow. */
  private static DateExpression years(String text, int from, int start, int end, int to) {
    int first = num(text, start, end);
    int last = first;
    int i = end;
    int j = skipSpaces(text, end, to);
    int second = rangeStep(text, j, to);
    if (second >= 0) {
      int secondEnd = digitsEnd(text, second, to);
      if (secondEnd - second == 4) {
        last = num(text, second, secondEnd);
        i = secondEnd;
      }
    }
    int w = skipSpaces(text, i, to);
    int wEnd = wordEnd(text, w, to);
    if (w == i || wEnd == w || !RussianDateVocabulary.YEAR_WORDS.contains(folded(text, w, wEnd))) {
      return null; // "1200 военнослужащих"
    }
    if (wEnd - w <= 2 && wEnd < to && text.charAt(wEnd) == '.') {
      wEnd++; // "2012 г."
    }
    if (first < 1000 || last < first) {
      return null;
    }
    int s = leadStart(text, from, start, RussianDateVocabulary.LEAD_PREPOSITIONS);
    return expression(text, s, wEnd, LocalDate.of(first, 1, 1), LocalDate.of(last, 12, 31), DatePrecision.YEAR);
  }

  /** "26 сентября", "26-27 сентября", "с 1 по 5 октября", "30 сентября - 2 октября", each with an optional year. */
  private static DateExpression days(String text, int from, int start, int end, int to, Reference ref) {
    int d1 = num(text, start, end);
    Month m1 = null;
    int d2 = d1;
    Month m2;
    int i;
    int j = skipSpaces(text, end, to);
    int wEnd = wordEnd(text, j, to);
    MonthForm firstMonth = genitiveMonth(text, j, wEnd);
    if (firstMonth != null) {
      m1 = firstMonth.month();
      m2 = m1;
      i = wEnd;
      int[] second = dayAndMonth(text, skipSpaces(text, wEnd, to), to);
      if (second != null) {
        d2 = second[0];
        m2 = Month.of(second[1]);
        i = second[2];
      }
    } else {
      int[] second = dayAndMonth(text, j, to);
      if (second == null) {
        return null;
      }
      d2 = second[0];
      m2 = Month.of(second[1]);
      m1 = m2;
      i = second[2];
    }
    int y = skipSpaces(text, i, to);
    int yEnd = digitsEnd(text, y, to);
    Integer year = null;
    if (y > i && yEnd - y == 4 && (yEnd == to || !Character.isLetterOrDigit(text.charAt(yEnd)))) {
      year = num(text, y, yEnd);
      i = yEnd;
      int w = skipSpaces(text, yEnd, to);
      int we = wordEnd(text, w, to);
      if (w > yEnd && RussianDateVocabulary.YEAR_WORDS.contains(folded(text, w, we))) {
        i = we < to && text.charAt(we) == '.' && we - w <= 2 ? we + 1 : we;
      }
    }
    LocalDate last = year != null ? LocalDate.of(year, m2, d2) : DateExpressionParser.nearestDay(ref, m2, d2);
    LocalDate first = LocalDate.of(last.getYear(), m1, d1);
    if (first.isAfter(last)) {
      first = first.minusYears(1); // "с 28 декабря по 3 января"
    }
    int s = leadStart(text, from, start, Set.of("с", "со"));
    return expression(text, s, i, first, last, DatePrecision.DAY);
  }

  /**
   * After a range step ("-", "по") at {@code i}: a day and a genitive month ("- 2 октября", "по 5 октября");
   * returns {day, month number, end} or null.
   */
  private static int[] dayAndMonth(String text, int i, int to) {
    int n = rangeStep(text, i, to);
    if (n < 0) {
      return null;
    }
    int nEnd = digitsEnd(text, n, to);
    if (nEnd == n || nEnd - n > 2) {
      return null;
    }
    int w = skipSpaces(text, nEnd, to);
    int wEnd = wordEnd(text, w, to);
    MonthForm month = w > nEnd ? genitiveMonth(text, w, wEnd) : null;
    return month == null ? null : new int[] {num(text, n, nEnd), month.month().getValue(), wEnd};
  }

  /** Where the number after a range step starts ("-2014", " по 2014"), or -1 when none is there. */
  private static int rangeStep(String text, int i, int to) {
    if (i >= to) {
      return -1;
    }
    int after;
    char c = text.charAt(i);
    if (c == '-' || c == '\u2013' || c == '\u2014') {
      after = skipSpaces(text, i + 1, to);
    } else {
      int wEnd = wordEnd(text, i, to);
      if (wEnd == i || !RANGE_WORDS.contains(folded(text, i, wEnd))) {
        return -1;
      }
      after = skipSpaces(text, wEnd, to);
    }
    return after < to && isDigit(text.charAt(after)) ? after : -1;
  }

  private static DateExpression atWord(String text, int from, int start, int to, Reference ref) {
    int end = wordEnd(text, start, to);
    String word = folded(text, start, end);
    MonthForm month = RussianDateVocabulary.month(word);
    if (month != null) {
      return RussianMonths.at(text, from, start, end, to, month, ref);
    }
    DayOfWeek weekday = RussianDateVocabulary.weekday(word);
    if (weekday != null) {
      return RussianWeekdays.at(text, from, start, end, weekday, ref);
    }
    if (word.equals("вчера") || word.equals("позавчера")) {
      LocalDate day = ref.day().minusDays(word.length() == 5 ? 1 : 2);
      return expression(text, start, end, day, day, DatePrecision.DAY);
    }
    boolean year = RussianDateVocabulary.YEAR_UNIT.contains(word);
    if (!year && !RussianDateVocabulary.MONTH_UNIT.contains(word)) {
      return null;
    }
    int[] prev = previousWord(text, from, start);
    Integer offset = prev == null ? null : RussianDateVocabulary.relativeOffset(folded(text, prev[0], prev[1]));
    if (offset == null) {
      return null; // "в течение года", "2012 года" (the number reads that)
    }
    int s = leadStart(text, from, prev[0], RussianDateVocabulary.LEAD_PREPOSITIONS);
    if (year) {
      int y = ref.day().getYear() + offset;
      return expression(text, s, end, LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31), DatePrecision.YEAR);
    }
    YearMonth ym = YearMonth.from(ref.day()).plusMonths(offset);
    return expression(text, s, end, ym.atDay(1), ym.atEndOfMonth(), DatePrecision.MONTH);
  }

  /** The genitive month at [start, end) ("сентября"), or null. */
  private static MonthForm genitiveMonth(String text, int start, int end) {
    if (end == start) {
      return null;
    }
    MonthForm form = RussianDateVocabulary.month(folded(text, start, end));
    return form != null && form.grammaticalCase() == Case.GENITIVE ? form : null;
  }

  /** Start of the word before {@code i} if it is one of {@code leads}, else {@code i}. */
  static int leadStart(String text, int from, int i, Set<String> leads) {
    int[] prev = previousWord(text, from, i);
    return prev != null && leads.contains(folded(text, prev[0], prev[1])) ? prev[0] : i;
  }

  /** The letters-only word right before {@code i}, separated from it by spaces only; null otherwise. */
  static int[] previousWord(String text, int from, int i) {
    int j = i;
    while (j > from && Character.isWhitespace(text.charAt(j - 1))) {
      j--;
    }
    int end = j;
    while (j > from && Character.isLetter(text.charAt(j - 1))) {
      j--;
    }
    return j == end || end == i ? null : new int[] {j, end};
  }

  static DateExpression expression(String text, int start, int end, LocalDate first, LocalDate last,
      DatePrecision precision) {
    return new DateExpression(start, end, text.substring(start, end), first, last, precision);
  }

  /** A number starts after a space or an opening mark, not inside "27.1", "A320", "+7" or "№5". */
  private static boolean separatesNumber(String text, int start) {
    char c = text.charAt(start - 1);
    return !Character.isLetterOrDigit(c) && c != '.' && c != ',' && c != '+' && c != '\u2116';
  }

  static int skipSpaces(String text, int i, int to) {
    while (i < to && Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    return i;
  }

  static int digitsEnd(String text, int i, int to) {
    while (i < to && isDigit(text.charAt(i))) {
      i++;
    }
    return i;
  }

  static int num(String text, int start, int end) {
    return Integer.parseInt(text, start, end, 10);
  }

  static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
