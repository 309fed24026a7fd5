package io.newsflow.enrich.event;

import io.newsflow.model.article.DatePrecision;
import java.time.LocalDate;
import java.util.Set;

/**
 * A year used as an adjective before its noun: "a 2022 swap", "Azerbaijan's 2020 war", "the original 1956
 * Leningrad staging". A determiner or possessive up to two words before it marks the number as a year of a
 * named thing, not a count: English news writes counts of a thousand and more with a comma ("2,000 troops").
 */
final class AdjectivalYear {

  private static final Set<String> DETERMINERS = Set.of(
      "a", "an", "the", "its", "their", "his", "her", "our", "this", "that", "whose");

  private AdjectivalYear() {}

  /** The year at {@code start} (four digits) if it is used as an adjective, else null. */
  static DateExpression at(String text, int from, int start, int to) {
    int end = start + 4;
    if (end + 1 >= to || text.charAt(end) != ' ' || !Character.isLetter(text.charAt(end + 1))
        || start - 1 <= from || text.charAt(start - 1) != ' ') {
      return null; // "Zapad-2025", "14/2025", "2022," and a year at the end of a sentence
    }
    int year = Integer.parseInt(text, start, end, 10);
    if (year < 1900 || year > 2099) {
      return null;
    }
    int[] word = wordBefore(text, from, start - 1);
    if (word == null) {
      return null;
    }
    if (!isDeterminerOrPossessive(text, word)) {
      // one modifier between: "the original 1956", "a landmark 2022"
      if (word[0] - 1 <= from || text.charAt(word[0] - 1) != ' ' || text.charAt(word[1] - 1) == '\'') {
        return null;
      }
      int[] before = wordBefore(text, from, word[0] - 1);
      if (before == null || !isDeterminerOrPossessive(text, before)) {
        return null;
      }
    }
    return new DateExpression(start, end, text.substring(start, end), LocalDate.of(year, 1, 1),
        LocalDate.of(year, 12, 31), DatePrecision.YEAR);
  }

  private static boolean isDeterminerOrPossessive(String text, int[] word) {
    int length = word[1] - word[0];
    if (length >= 3 && (text.charAt(word[1] - 1) == 's' || text.charAt(word[1] - 1) == 'S')
        && (text.charAt(word[1] - 2) == '\'' || text.charAt(word[1] - 2) == '\u2019')) {
      return true; // "Azerbaijan's"
    }
    return length <= 5 && DETERMINERS.contains(text.substring(word[0], word[1]).toLowerCase(java.util.Locale.ROOT));
  }

  /** The word (letters and apostrophes) ending right at {@code end}, or null. */
  private static int[] wordBefore(String text, int from, int end) {
    int i = end;
    while (i > from && (Character.isLetter(text.charAt(i - 1)) || text.charAt(i - 1) == '\''
        || text.charAt(i - 1) == '\u2019')) {
      i--;
    }
    return i == end ? null : new int[] {i, end};
  }
}
