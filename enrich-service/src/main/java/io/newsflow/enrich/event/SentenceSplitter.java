package io.newsflow.enrich.event;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits plain news text into sentences by offsets: at a line break, or after {@code . ! ?} (and any
 * closing quote or bracket) followed by a space and a capital, digit or quote, unless the period ends
 * a known abbreviation or an initial ("U.S.", "Gen.", "Jan.").
 */
final class SentenceSplitter {

  private static final Set<String> ABBREVIATIONS = Set.of(
      "mr", "mrs", "ms", "dr", "gen", "lt", "col", "maj", "capt", "sgt", "adm", "sen", "rep", "gov", "pres",
      "st", "no", "vs", "etc", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
      "dec", "inc", "ltd", "co", "corp", "prof", "approx", "est");

  private SentenceSplitter() {}

  /** Sentence boundaries as {@code [start, end)} pairs covering the non-blank text. */
  static List<int[]> split(String text) {
    List<int[]> out = new ArrayList<>();
    int start = 0;
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        add(text, start, i, out);
        start = i + 1;
      } else if ((c == '.' || c == '!' || c == '?') && endsSentence(text, i)) {
        int end = i + 1;
        while (end < n && "\"'\u201D\u2019)]".indexOf(text.charAt(end)) >= 0) {
          end++;
        }
        add(text, start, end, out);
        start = end;
        i = end - 1;
      }
    }
    add(text, start, n, out);
    return out;
  }

  private static boolean endsSentence(String text, int i) {
    int j = i + 1;
    while (j < text.length() && "\"'\u201D\u2019)]".indexOf(text.charAt(j)) >= 0) {
      j++;
    }
    if (j >= text.length()) {
      return true;
    }
    if (!Character.isWhitespace(text.charAt(j))) {
      return false;
    }
    while (j < text.length() && text.charAt(j) == ' ') {
      j++;
    }
    if (j < text.length() && !(Character.isUpperCase(text.charAt(j)) || Character.isDigit(text.charAt(j))
        || "\"'\u201C\u2018(\n".indexOf(text.charAt(j)) >= 0)) {
      return false;
    }
    if (text.charAt(i) != '.') {
      return true;
    }
    int w = i;
    while (w > 0 && Character.isLetter(text.charAt(w - 1))) {
      w--;
    }
    String word = text.substring(w, i).toLowerCase(java.util.Locale.ROOT);
    boolean initial = word.length() == 1 && Character.isUpperCase(text.charAt(w));
    return !initial && !ABBREVIATIONS.contains(word);
  }

  private static void add(String text, int start, int end, List<int[]> out) {
    while (start < end && Character.isWhitespace(text.charAt(start))) {
      start++;
    }
    while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
      end--;
    }
    if (end > start) {
      out.add(new int[] {start, end});
    }
  }
}
