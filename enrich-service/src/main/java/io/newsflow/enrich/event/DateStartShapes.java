package io.newsflow.enrich.event;

/**
 * Cheap necessary conditions on what follows a candidate start, checked before any of the date rules'
 * regular expressions runs there. Most numbers in news are not dates ("2,000 troops", "5 percent") and
 * most "in"/"on"/"this" open no date: a look at the next character or word rules them out for a few
 * nanoseconds, where the rules' alternations of month names cost about a microsecond each. Every check
 * only rejects a start at which no rule of {@link DateExpressionParser} can match; so it may let through
 * more than the rules accept, never less.
 */
final class DateStartShapes {

  private DateStartShapes() {}

  /** A day or year number: every rule continues with "-", a range word, or a month name. */
  static boolean afterNumber(String text, int start, int to) {
    int i = skipDigits(text, start, to);
    if (i < to && isDash(text.charAt(i))) {
      return true; // "2022-01-04", "4-10 September", "2023-2024"
    }
    i = skipLetters(text, i, to, 2); // "4th", "22nd"
    i = skipWhitespace(text, i, to);
    if (i >= to) {
      return false;
    }
    char c = text.charAt(i);
    return Character.isUpperCase(c) || isDash(c) || c == 't' || c == 'u'; // month; to, till, until, through
  }

  /** A capitalised month name: a day or year follows, or a range word before the second month. */
  static boolean afterMonth(String text, int start, int to) {
    int i = skipLetters(text, start, to, Integer.MAX_VALUE);
    if (i < to && text.charAt(i) == '.') {
      i++; // "Jan."
    }
    if (i < to && text.charAt(i) == ',') {
      i++; // "May, 2024"
    }
    i = skipWhitespace(text, i, to);
    if (i >= to) {
      return false;
    }
    char c = text.charAt(i);
    return (c >= '0' && c <= '9') || isDash(c) || c == 't' || c == 'u' || c == 'a'; // to, till, until, through, and
  }

  /** A capitalised weekday: only the possessive ("Sunday's vote") opens a date on its own. */
  static boolean afterWeekday(String text, int start, int to) {
    int i = skipLetters(text, start, to, Integer.MAX_VALUE);
    return i < to && (text.charAt(i) == '\'' || text.charAt(i) == '\u2019');
  }

  /**
   * A lead or relative word ("in", "between", "last", "the end of"): "yesterday" stands alone; the
   * others go on with "mid-", a number, a capitalised month or weekday, or "year", "month", "of".
   */
  static boolean afterWord(String lowerWord, String text, int start, int to) {
    if (lowerWord.equals("yesterday")) {
      return true;
    }
    int i = start + lowerWord.length();
    if (i < to && text.charAt(i) == '-') {
      return true; // "mid-March", "mid-2022"
    }
    i = skipWhitespace(text, i, to);
    if (i >= to) {
      return false;
    }
    char c = text.charAt(i);
    if ((c >= '0' && c <= '9') || Character.isUpperCase(c)) {
      return true;
    }
    return startsWord(text, i, to, "year") || startsWord(text, i, to, "month") || startsWord(text, i, to, "of");
  }

  private static boolean startsWord(String text, int i, int to, String word) {
    int end = i + word.length();
    return end <= to && text.regionMatches(true, i, word, 0, word.length())
        && (end == to || !Character.isLetterOrDigit(text.charAt(end)));
  }

  private static boolean isDash(char c) {
    return c == '-' || c == '\u2013' || c == '\u2014';
  }

  private static int skipDigits(String text, int i, int to) {
    while (i < to && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
      i++;
    }
    return i;
  }

  private static int skipLetters(String text, int i, int to, int max) {
    int end = i;
    while (end < to && end - i < max && Character.isLetter(text.charAt(end))) {
      end++;
    }
    return end;
  }

  private static int skipWhitespace(String text, int i, int to) {
    while (i < to && Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    return i;
  }
}
