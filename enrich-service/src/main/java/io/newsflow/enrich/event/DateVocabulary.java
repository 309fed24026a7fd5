package io.newsflow.enrich.event;

import java.time.DayOfWeek;
import java.time.Month;
import java.util.Locale;

/** Month and weekday names as news text writes them, in regex form and back to values. */
final class DateVocabulary {

  private DateVocabulary() {}

  private static final String MONTH_NAMES = "January|February|March|April|May|June|July|August|September|October|November"
      + "|December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept\\.?|Sep\\.?|Oct\\.?|Nov\\.?|Dec\\.?";

  /**
   * Capitalised only: lower-case "may" and "march" are a verb far more often than a month. A whole word:
   * "2 Martin Truex" and "3 Mayors" hold no month.
   */
  static final String MONTH = "(" + MONTH_NAMES + ")(?!\\p{L})";

  /** {@link #MONTH} without a capturing group, for look-aheads inside rules that number their groups. */
  static final String MONTH_UNCAPTURED = "(?:" + MONTH_NAMES + ")(?!\\p{L})";

  /**
   * After a month: not an abbreviation without its period followed by a capitalised word, which is a
   * first name ("editing by Jan Harvey"); a date would go on with a day or year ("Jan 5", "Jan. 2022").
   */
  static final String NOT_A_NAME =
      "(?!(?<=(?<![\\w])(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec))\\s+\\p{Lu})";

  static final String WEEKDAY = "(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";

  /** Capitalised month (first 12) and weekday prefixes, filed by first letter: a word is compared with at most three. */
  private static final String[] MONTH_OR_WEEKDAY_PREFIXES = {
      "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
      "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
  private static final String[][] PREFIXES_BY_LETTER = byFirstLetter(MONTH_OR_WEEKDAY_PREFIXES);
  private static final String[][] WEEKDAYS_BY_LETTER =
      byFirstLetter(java.util.Arrays.copyOfRange(MONTH_OR_WEEKDAY_PREFIXES, 12, 19));
  private static final String[] RELATIVE_WORDS = {"yesterday", "last", "this", "next", "previous"};
  private static final String[][] RELATIVE_BY_LETTER = byFirstLetter(RELATIVE_WORDS);

  /** What a word {@link #startsMonthOrWeekday} or {@link #startsRelativeWord} accepts begins with (before folding). */
  static java.util.List<String> anchorPrefixes() {
    java.util.List<String> prefixes = new java.util.ArrayList<>(java.util.List.of(MONTH_OR_WEEKDAY_PREFIXES));
    prefixes.addAll(java.util.List.of(RELATIVE_WORDS));
    return prefixes;
  }

  /** Whether a capitalised month or weekday name starts at {@code i}. */
  static boolean startsMonthOrWeekday(String text, int i) {
    return startsOneOf(text, i, PREFIXES_BY_LETTER, false);
  }

  static boolean startsWeekday(String text, int i) {
    return startsOneOf(text, i, WEEKDAYS_BY_LETTER, false);
  }

  /** Whether a word of a relative date expression starts at {@code i}, in any case. */
  static boolean startsRelativeWord(String text, int i) {
    return startsOneOf(text, i, RELATIVE_BY_LETTER, true);
  }

  private static boolean startsOneOf(String text, int i, String[][] byLetter, boolean anyCase) {
    char c = text.charAt(i);
    if (c >= byLetter.length) {
      // the tables hold ASCII words only, and no non-ASCII letter lower-cases to their first letters
      return false;
    }
    int letter = anyCase && c >= 'A' && c <= 'Z' ? c + 32 : c;
    if (byLetter[letter] == null) {
      return false; // most words: one comparison and out
    }
    for (String w : byLetter[letter]) {
      if (anyCase ? startsAsciiIgnoringCase(text, i, w) : text.startsWith(w, i)) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@code regionMatches(true, ...)} for an ASCII lower-case word, without its per-character Unicode
   * case mapping: the rules that follow match these words case-insensitively in ASCII only anyway.
   */
  private static boolean startsAsciiIgnoringCase(String text, int i, String lowerWord) {
    if (i + lowerWord.length() > text.length()) {
      return false;
    }
    for (int k = 0; k < lowerWord.length(); k++) {
      char c = text.charAt(i + k);
      if ((c >= 'A' && c <= 'Z' ? (char) (c + 32) : c) != lowerWord.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  private static String[][] byFirstLetter(String[] words) {
    String[][] table = new String[128][];
    for (String w : words) {
      int c = w.charAt(0);
      String[] old = table[c] == null ? new String[0] : table[c];
      String[] grown = java.util.Arrays.copyOf(old, old.length + 1);
      grown[old.length] = w;
      table[c] = grown;
    }
    return table;
  }

  static Month month(String name) {
    String key = name.replace(".", "").toLowerCase(Locale.ROOT);
    for (Month m : Month.values()) {
      String full = m.name().toLowerCase(Locale.ROOT);
      if (full.equals(key) || full.startsWith(key) && key.length() >= 3) {
        return m;
      }
    }
    throw new IllegalArgumentException("not a month: " + name);
  }

  static DayOfWeek weekday(String name) {
    return DayOfWeek.valueOf(name.toUpperCase(Locale.ROOT));
  }
}
