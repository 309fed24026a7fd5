package io.newsflow.enrich.event;

import static io.newsflow.enrich.event.DateVocabulary.MONTH;
import static io.newsflow.enrich.event.DateVocabulary.WEEKDAY;

import io.newsflow.model.article.DatePrecision;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds date expressions in English news text and resolves them against the publication day:
 * absolute dates ("January 4, 2022", "4 January 2022", "2022-01-04"), partial ones ("on January 1",
 * "in May", "last year", "on Monday"), and ranges ("September to October 2024", "4-10 September").
 * A partial date takes the year that puts it nearest the publication day. Thread-safe.
 */
public final class DateExpressionParser {

  // not after a period: "4.2.3 April 2014" is a version number and a month
  private static final String D = "(?<![\\d.])(\\d{1,2})(?:st|nd|rd|th)?(?![\\w])";
  private static final String Y = "((?:19|20)\\d{2})(?![\\w])";
  private static final String TO = "\\s*(?:-|\u2013|\u2014|to|until|till|through)\\s*";
  private static final String TO_OR_AND = "\\s*(?:-|\u2013|\u2014|to|until|till|through|and)\\s*";
  private static final String SEP = ",?\\s+";
  private static final String W = "(?<![\\w-])";
  /** After a day and month without a year in range: no other year follows ("7 May 1856" is not this May). */
  private static final String NO_OTHER_YEAR = "(?!,?\\s+\\d{4}(?!\\d))";
  /** After a weekday: no date follows ("on Saturday, May 18" is the date's weekday, not last Saturday). */
  private static final String NO_DATE_AFTER = "(?!,?\\s+(?:\\d{1,2}(?:st|nd|rd|th)?\\s+" + DateVocabulary.MONTH_UNCAPTURED
      + "|" + DateVocabulary.MONTH_UNCAPTURED + "\\s+\\d))";

  private final List<Rule> rules = List.of(
      rule(S_DIGIT4, null, W + "(\\d{4})-(\\d{2})-(\\d{2})(?!\\d)", (m, ref) -> day(
          LocalDate.of(num(m, 1), num(m, 2), num(m, 3)))),
      rule(S_DIGIT12, null, W + D + "\\s+" + MONTH + TO + D + "\\s+" + MONTH + "(?:" + SEP + Y + ")?", (m, ref) -> dayRange(
          ref, m.group(5), DateVocabulary.month(m.group(2)), num(m, 1), DateVocabulary.month(m.group(4)), num(m, 3))),
      rule(S_MONTH, null, W + MONTH + "\\s+" + D + TO + MONTH + "\\s+" + D + "(?:" + SEP + Y + ")?", (m, ref) -> dayRange(
          ref, m.group(5), DateVocabulary.month(m.group(1)), num(m, 2), DateVocabulary.month(m.group(3)), num(m, 4))),
      rule(S_DIGIT12, null, W + D + TO + D + "\\s+" + MONTH + "(?:" + SEP + Y + ")?", (m, ref) -> dayRange(
          ref, m.group(4), DateVocabulary.month(m.group(3)), num(m, 1), DateVocabulary.month(m.group(3)), num(m, 2))),
      rule(S_MONTH, null, W + MONTH + "\\s+" + D + TO + D + "(?:" + SEP + Y + ")?", (m, ref) -> dayRange(
          ref, m.group(4), DateVocabulary.month(m.group(1)), num(m, 2), DateVocabulary.month(m.group(1)), num(m, 3))),
      rule(S_DIGIT12, null, W + D + "\\s+" + MONTH + "(?:" + SEP + Y + "|" + NO_OTHER_YEAR + ")", (m, ref) -> dayOf(
          ref, m.group(3), DateVocabulary.month(m.group(2)), num(m, 1))),
      rule(S_MONTH, null, W + MONTH + "\\s+" + D + "(?:" + SEP + Y + "|" + NO_OTHER_YEAR + ")", (m, ref) -> dayOf(
          ref, m.group(3), DateVocabulary.month(m.group(1)), num(m, 2))),
      rule(S_MONTH_WORD, words("from between"), W + "(?:(?i:from|between)\\s+)?" + MONTH + "(?:\\s+" + Y + ")?" + TO_OR_AND + MONTH + SEP + Y, (m, ref) ->
          monthRange(m.group(2) == null ? num(m, 4) : num(m, 2), DateVocabulary.month(m.group(1)), num(m, 4),
              DateVocabulary.month(m.group(3)))),
      rule(S_WORD, words("from between"), W + "(?i:from|between)\\s+" + MONTH + TO_OR_AND + MONTH + "(?![\\w])(?!" + SEP + "\\d)", (m, ref) -> {
        YearMonth first = nearest(ref, DateVocabulary.month(m.group(1)));
        return monthRange(first.getYear(), first.getMonth(), first.getYear(), DateVocabulary.month(m.group(2)));
      }),
      rule(S_MONTH, null, W + MONTH + SEP + Y, (m, ref) -> month(YearMonth.of(num(m, 2), DateVocabulary.month(m.group(1))))),
      rule(S_WORD, words("mid in since by until till during from through throughout of early late before after last next this between and to"), W + "(?i:(mid-|(?:in|since|by|until|till|during|from|through|throughout|of|early|late|before|after|"
          + "last|next|this|between|and|to)\\s+))" + MONTH
          + "(?![\\w])(?!\\s*\\d)" + DateVocabulary.NOT_A_NAME, (m, ref) ->
          month(partialMonth(ref, m.group(1).strip().toLowerCase(Locale.ROOT), DateVocabulary.month(m.group(2))))),
      // the prefix is part of the range, so "for 2023-2024" is not read as "for 2023" and a loose "2024"
      rule(S_DIGIT4_WORD, words("from for in of during through throughout until by"), W + "(?:(?i:from|for|in|of|during|through|throughout|until|by)\\s+)?" + Y + TO + Y, (m, ref) ->
          yearRange(num(m, 1), num(m, 2))),
      rule(S_WORD, words("between"), W + "(?i:between)\\s+" + Y + TO_OR_AND + Y, (m, ref) -> yearRange(num(m, 1), num(m, 2))),
      rule(S_WORD, words("mid in since by until during from through throughout of for early late before after the spring summer autumn fall winter end start beginning"), W + "(?i:mid-|(?:in|since|by|until|during|from|through|throughout|of|for|early|late|before|after|the|"
          + "spring|summer|autumn|fall|winter|end of|start of|beginning of)\\s+)" + Y, (m, ref) ->
          yearRange(num(m, 1), num(m, 1))),
      rule(S_WORD, words("last this next previous"), W + "(?i:(last|this|next|previous) (year|month))(?![\\w])", (m, ref) -> relative(
          ref, m.group(1).toLowerCase(Locale.ROOT), m.group(2).toLowerCase(Locale.ROOT))),
      rule(S_WORD, words("yesterday"), W + "(?i:yesterday)(?![\\w])", (m, ref) -> day(ref.day().minusDays(1))),
      // "on Tuesday", "last Tuesday", "Sunday's vote": the latest such day, as news reports the past
      rule(S_WEEKDAY_WORD, words("on last"), W + "(?:(?i:on|last)\\s+" + WEEKDAY + "(?![\\w])" + NO_DATE_AFTER + "|" + WEEKDAY + "(?=['\u2019]s(?![\\w])))", (m, ref) -> day(
          ref.day().with(TemporalAdjusters.previousOrSame(
              DateVocabulary.weekday(m.group(1) != null ? m.group(1) : m.group(2)))))));

  /** What a rule's match starts with, so a start position is only tried with rules that can match there. */
  private static final int S_DIGIT12 = 1;  // a one- or two-digit number: a day
  private static final int S_DIGIT4 = 2;   // a four-digit number: a year
  private static final int S_MONTH = 4;    // a capitalised month name
  private static final int S_WEEKDAY = 8;  // a capitalised weekday name
  private static final int S_WORD = 16;    // a lead or relative word: "in", "between", "last", "yesterday"
  private static final int S_MONTH_WORD = S_MONTH | S_WORD;
  private static final int S_DIGIT4_WORD = S_DIGIT4 | S_WORD;
  private static final int S_WEEKDAY_WORD = S_WEEKDAY | S_WORD;

  /**
   * @param firstWords for rules that may open with a word, the words they accept (lower case); lets a
   *                   word start skip rules whose case-insensitive alternations could never match
   */
  private record Rule(int starts, java.util.Set<String> firstWords, Pattern pattern, Resolver resolver) {}

  private static java.util.Set<String> words(String spaceSeparated) {
    return java.util.Set.of(spaceSeparated.split(" "));
  }

  @FunctionalInterface
  private interface Resolver {
    Resolved resolve(Matcher m, Reference reference);
  }

  private record Resolved(LocalDate first, LocalDate last, DatePrecision precision) {}

  /**
   * The day partial dates are resolved against, and which way the sentence leans: news mostly
   * reports the past, so "in February" means the last February unless the sentence speaks of the
   * future ("will", "is due", "planned"), when it means the next one; and when it is plainly in the
   * past tense ("announced ... in January"), the month cannot lie ahead of the publication.
   */
  record Reference(LocalDate day, BooleanSupplier futureLeaning, BooleanSupplier pastLeaning) {

    /** Months from the reference month a partial date may fall: [-9, +2] looking back, [-3, +8] ahead. */
    int earliestMonthOffset() {
      return futureLeaning.getAsBoolean() ? -3 : -9;
    }
  }

  private static Rule rule(int starts, java.util.Set<String> firstWords, String regex, Resolver resolver) {
    return new Rule(starts, firstWords, Pattern.compile(regex), resolver);
  }

  /** Date expressions of the whole text, in text order, resolved as if reporting the past. */
  public List<DateExpression> parse(String text, LocalDate reference) {
    return parse(text, 0, text.length(), reference, offset -> false);
  }

  /**
   * Date expressions within {@code [from, to)} of the text (offsets stay those of the whole text),
   * overlapping candidates resolved leftmost-longest.
   *
   * @param futureLeaning whether the sentence at an offset speaks of the future; asked only when a
   *                      partial date needs a year, since working it out costs a scan
   */
  public List<DateExpression> parse(String text, int from, int to, LocalDate day, IntPredicate futureLeaning) {
    return parse(text, from, to, day, futureLeaning, offset -> false);
  }

  /**
   * As {@link #parse(String, int, int, LocalDate, IntPredicate)}, also told where a sentence is in the
   * past tense, so that "in January" there is the last January even in November.
   */
  public List<DateExpression> parse(String text, int from, int to, LocalDate day, IntPredicate futureLeaning,
      IntPredicate pastLeaning) {
    // trying every rule only where an expression can start keeps this linear in practice:
    // scanning each regular expression over every position cost ~20 ms per 5 KB article
    return parseAt(text, from, to, DateAnchors.candidateStarts(text, from, to), day, futureLeaning, pastLeaning);
  }

  /** The whole text, at the candidate starts {@link DateAnchors#candidateStarts} gives. */
  List<DateExpression> parseAt(String text, List<Integer> candidateStarts, LocalDate day, IntPredicate futureLeaning,
      IntPredicate pastLeaning) {
    return parseAt(text, 0, text.length(), candidateStarts, day, futureLeaning, pastLeaning);
  }

  private List<DateExpression> parseAt(String text, int from, int to, List<Integer> candidateStarts, LocalDate day,
      IntPredicate futureLeaning, IntPredicate pastLeaning) {
    List<DateExpression> candidates = new ArrayList<>();
    Matcher[] matchers = new Matcher[rules.size()];
    for (int start : candidateStarts) {
      char first = text.charAt(start);
      if (RussianDateRules.reads(first)) {
        DateExpression russian = RussianDateRules.at(text, from, start, to,
            new Reference(day, () -> futureLeaning.test(start), () -> pastLeaning.test(start)));
        if (russian != null) {
          candidates.add(russian);
        }
        if (first > '9') {
          continue; // a Cyrillic word: no English rule starts with one
        }
      }
      int kind = startKind(text, start);
      if (kind == S_DIGIT4) {
        DateExpression year = AdjectivalYear.at(text, from, start, to);
        if (year != null) {
          candidates.add(year);
        }
      }
      String word = kind == S_WORD ? lowerWordAt(text, start, to) : null;
      if (!plausible(kind, word, text, start, to)) {
        continue;
      }
      Reference reference = new Reference(day, () -> futureLeaning.test(start), () -> pastLeaning.test(start));
      for (int r = 0; r < rules.size(); r++) {
        Rule rule = rules.get(r);
        if ((rule.starts() & kind) == 0 || (word != null && !rule.firstWords().contains(word))) {
          continue;
        }
        if (matchers[r] == null) {
          // transparent bounds: the look-behind at a candidate start must see the character before it
          matchers[r] = rules.get(r).pattern().matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        }
        Matcher m = matchers[r].region(start, to);
        if (!m.lookingAt() || m.group().indexOf('\n') >= 0) {
          continue; // a date never runs across lines: "4.2.3" ends one line of a table, "April 2014" opens the next
        }
        Resolved resolved;
        try {
          resolved = rules.get(r).resolver().resolve(m, reference);
        } catch (DateTimeException | IllegalArgumentException e) {
          continue; // "February 30" or a number that only looked like a day: not a date
        }
        if (resolved != null && AnaphoricYear.afterThe(text, from, m.start(), m.group())) {
          Integer year = AnaphoricYear.year(text, from, m.start(), m.group());
          if (year == null) {
            continue;
          }
          resolved = yearRange(year, year);
        }
        if (resolved != null && !resolved.last().isBefore(resolved.first())) {
          candidates.add(new DateExpression(m.start(), m.end(), m.group(), resolved.first(), resolved.last(),
              resolved.precision()));
        }
      }
    }
    candidates.sort(Comparator.comparingInt(DateExpression::start)
        .thenComparing(Comparator.comparingInt(DateExpression::end).reversed()));
    List<DateExpression> kept = new ArrayList<>();
    int coveredTo = -1;
    for (DateExpression c : candidates) {
      if (c.start() >= coveredTo) {
        kept.add(c);
        coveredTo = c.end();
      }
    }
    return kept;
  }

  private static boolean plausible(int kind, String word, String text, int start, int to) {
    return switch (kind) {
      case S_DIGIT12, S_DIGIT4 -> DateStartShapes.afterNumber(text, start, to);
      case S_MONTH -> DateStartShapes.afterMonth(text, start, to);
      case S_WEEKDAY -> DateStartShapes.afterWeekday(text, start, to);
      case S_WORD -> DateStartShapes.afterWord(word, text, start, to);
      default -> false; // a number of three or five digits: no rule starts with one
    };
  }

  private static String lowerWordAt(String text, int start, int limit) {
    int end = start;
    while (end < limit && Character.isLetter(text.charAt(end))) {
      end++;
    }
    return text.substring(start, end).toLowerCase(Locale.ROOT);
  }

  private static int startKind(String text, int i) {
    char c = text.charAt(i);
    if (c >= '0' && c <= '9') {
      int end = i;
      while (end < text.length() && Character.isDigit(text.charAt(end))) {
        end++;
      }
      return end - i <= 2 ? S_DIGIT12 : end - i == 4 ? S_DIGIT4 : 0;
    }
    if (Character.isUpperCase(c) && DateVocabulary.startsMonthOrWeekday(text, i)) {
      return DateVocabulary.startsWeekday(text, i) ? S_WEEKDAY : S_MONTH;
    }
    return S_WORD;
  }

  private static int num(Matcher m, int group) {
    return Integer.parseInt(m.group(group));
  }

  private static Resolved day(LocalDate d) {
    return new Resolved(d, d, DatePrecision.DAY);
  }

  private static Resolved month(YearMonth ym) {
    return new Resolved(ym.atDay(1), ym.atEndOfMonth(), DatePrecision.MONTH);
  }

  private static Resolved dayOf(Reference ref, String year, Month month, int day) {
    return day(year != null ? LocalDate.of(Integer.parseInt(year), month, day) : nearestDay(ref, month, day));
  }

  private static Resolved dayRange(Reference ref, String year, Month m1, int d1, Month m2, int d2) {
    LocalDate last = year != null ? LocalDate.of(Integer.parseInt(year), m2, d2) : nearestDay(ref, m2, d2);
    LocalDate first = LocalDate.of(last.getYear(), m1, d1);
    if (first.isAfter(last)) {
      first = first.minusYears(1); // "December 28 to January 3, 2022"
    }
    return new Resolved(first, last, DatePrecision.DAY);
  }

  private static Resolved monthRange(int y1, Month m1, int y2, Month m2) {
    YearMonth first = YearMonth.of(y1, m1);
    YearMonth last = YearMonth.of(y2, m2);
    if (first.isAfter(last)) {
      first = first.minusYears(1);
    }
    return new Resolved(first.atDay(1), last.atEndOfMonth(), DatePrecision.MONTH);
  }

  private static Resolved yearRange(int y1, int y2) {
    if (y2 < y1) {
      return null;
    }
    return new Resolved(LocalDate.of(y1, 1, 1), LocalDate.of(y2, 12, 31), DatePrecision.YEAR);
  }

  private static Resolved relative(Reference reference, String which, String unit) {
    LocalDate ref = reference.day();
    int delta = switch (which) {
      case "last", "previous" -> -1;
      case "next" -> 1;
      default -> 0;
    };
    if (unit.equals("year")) {
      return yearRange(ref.getYear() + delta, ref.getYear() + delta);
    }
    return month(YearMonth.from(ref).plusMonths(delta));
  }

  private static YearMonth partialMonth(Reference reference, String prefix, Month month) {
    LocalDate ref = reference.day();
    YearMonth now = YearMonth.from(ref);
    return switch (prefix) {
      case "last" -> {
        YearMonth ym = YearMonth.of(ref.getYear(), month);
        yield ym.isBefore(now) ? ym : ym.minusYears(1);
      }
      case "next" -> {
        YearMonth ym = YearMonth.of(ref.getYear(), month);
        yield ym.isAfter(now) ? ym : ym.plusYears(1);
      }
      case "this" -> YearMonth.of(ref.getYear(), month);
      default -> nearestReported(reference, month);
    };
  }

  /** The month of that name inside the window the reference allows. */
  static YearMonth nearest(Reference ref, Month month) {
    YearMonth earliest = YearMonth.from(ref.day()).plusMonths(ref.earliestMonthOffset());
    YearMonth candidate = YearMonth.of(earliest.getYear(), month);
    return candidate.isBefore(earliest) ? candidate.plusYears(1) : candidate;
  }

  /** {@link #nearest}, moved a year back when a past-tense sentence would otherwise put it ahead. */
  static YearMonth nearestReported(Reference ref, Month month) {
    YearMonth ym = nearest(ref, month);
    boolean ahead = ym.isAfter(YearMonth.from(ref.day()));
    return ahead && !ref.futureLeaning().getAsBoolean() && ref.pastLeaning().getAsBoolean() ? ym.minusYears(1) : ym;
  }

  static LocalDate nearestDay(Reference ref, Month month, int day) {
    YearMonth ym = nearest(ref, month);
    if (day > ym.lengthOfMonth()) {
      throw new IllegalArgumentException("no such day: " + month + " " + day);
    }
    return ym.atDay(day);
  }
}
