package io.newsflow.enrich.event;

import io.newsflow.enrich.tagging.text.TextFolder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** Finds the few positions of a text where a date expression can start, so the rules run only there. */
final class DateAnchors {

  private DateAnchors() {}

  /** Words that may open a date expression before its number or month name ("between 1949", "the end of"). */
  private static final Set<String> LEAD_WORDS = Set.of(
      "in", "since", "by", "until", "till", "during", "from", "through", "throughout", "of", "for", "early", "late",
      "mid", "before", "after", "the", "spring", "summer", "autumn", "fall", "winter", "end", "start", "beginning",
      "between", "and", "to", "last", "next", "this", "previous", "on");

  /**
   * Where a date expression may start: at a word holding a digit, a capitalised month or weekday, or
   * a relative word ("last", "yesterday"), or at up to three lead words right before it ("between",
   * "the end of"). Lead words are only looked up behind an anchor: anchors are few, words are many.
   */
  static List<Integer> candidateStarts(String text, int from, int to) {
    List<Integer> starts = new ArrayList<>();
    int[] wordStarts = new int[64];
    int words = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (!TextFolder.isWordChar(c) || (i > from && TextFolder.isWordChar(text.charAt(i - 1)))) {
        continue;
      }
      if (words == wordStarts.length) {
        wordStarts = Arrays.copyOf(wordStarts, words * 2);
      }
      wordStarts[words++] = i;
      boolean anchor = (c >= '0' && c <= '9')
          || (Character.isUpperCase(c) && DateVocabulary.startsMonthOrWeekday(text, i))
          || DateVocabulary.startsRelativeWord(text, i)
          || (RussianDateVocabulary.isCyrillic(c) && RussianDateVocabulary.isAnchorWord(text, i, to));
      if (!anchor) {
        continue;
      }
      int first = words - 1;
      while (first > 0 && words - 1 - first < 3 && isLeadWord(text, wordStarts[first - 1], to)) {
        first--;
      }
      for (int k = first; k < words; k++) {
        if (starts.isEmpty() || starts.get(starts.size() - 1) < wordStarts[k]) {
          starts.add(wordStarts[k]);
        }
      }
    }
    return starts;
  }

  /** {@link #LEAD_WORDS} filed by first letter, so a word is compared in place with a handful, not copied. */
  private static final String[][] LEAD_BY_LETTER = byFirstLetter();

  private static boolean isLeadWord(String text, int start, int limit) {
    int end = start;
    while (end < limit && Character.isLetter(text.charAt(end))) {
      end++;
    }
    int length = end - start;
    if (length == 0 || length > 10) {
      return false;
    }
    char first = Character.toLowerCase(text.charAt(start));
    if (first < 'a' || first > 'z') {
      return false;
    }
    for (String w : LEAD_BY_LETTER[first - 'a']) {
      if (w.length() == length && text.regionMatches(true, start, w, 0, length)) {
        return true;
      }
    }
    return false;
  }

  private static String[][] byFirstLetter() {
    String[][] table = new String[26][];
    for (int letter = 0; letter < 26; letter++) {
      char c = (char) ('a' + letter);
      table[letter] = LEAD_WORDS.stream().filter(w -> w.charAt(0) == c).toArray(String[]::new);
    }
    return table;
  }
}
