package io.newsflow.enrich.event;

import io.newsflow.enrich.tagging.text.PhraseMatch;
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
   * Folded word prefixes (automaton prefix phrases, {@code *}) that every anchor word ({@link #isAnchor})
   * begins with: a digit, a month or weekday abbreviation, a relative word, a Russian anchor word. The
   * tagger's one automaton pass finds the words that begin so, and {@link #candidateStarts(String, List)}
   * keeps those that are anchors: a superset found while the text is read anyway, instead of a second
   * scan of every character (which cost more than the date rules that follow it).
   */
  static final List<String> ANCHOR_PREFIXES = anchorPrefixes();

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
      if (!isAnchor(text, i, to)) {
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

  /**
   * {@link #candidateStarts(String, int, int)} over the whole text, given the matches of
   * {@link #ANCHOR_PREFIXES} in its folded form: the same starts, in the same order, with only the
   * anchor words and the few words before them read.
   */
  static List<Integer> candidateStarts(String text, List<PhraseMatch> anchorPrefixes) {
    List<Integer> starts = new ArrayList<>();
    int to = text.length();
    int[] leads = new int[4];
    int lastWord = -1;
    for (int m = 0, n = anchorPrefixes.size(); m < n; m++) {
      int i = anchorPrefixes.get(m).start();
      // folding turns two modifier letters (U+02B9, U+02BC) into an apostrophe, so the folded text has
      // a few more word starts than the text: each is checked here against the text itself
      if (i <= lastWord || (i > 0 && TextFolder.isWordChar(text.charAt(i - 1))) || !isAnchor(text, i, to)) {
        continue;
      }
      lastWord = i;
      int count = 0;
      leads[count++] = i;
      for (int w = i; count < 4; ) {
        w = previousWordStart(text, w);
        if (w < 0 || !isLeadWord(text, w, to)) {
          break;
        }
        leads[count++] = w;
      }
      for (int k = count - 1; k >= 0; k--) {
        if (starts.isEmpty() || starts.get(starts.size() - 1) < leads[k]) {
          starts.add(leads[k]);
        }
      }
    }
    return starts;
  }

  /** Whether the word starting at {@code i} can anchor a date expression. */
  private static boolean isAnchor(String text, int i, int to) {
    char c = text.charAt(i);
    return (c >= '0' && c <= '9')
        || (Character.isUpperCase(c) && DateVocabulary.startsMonthOrWeekday(text, i))
        || DateVocabulary.startsRelativeWord(text, i)
        || (RussianDateVocabulary.isCyrillic(c) && RussianDateVocabulary.isAnchorWord(text, i, to));
  }

  /** The start of the word before the one starting at {@code wordStart}, or -1. */
  private static int previousWordStart(String text, int wordStart) {
    int j = wordStart - 1;
    while (j >= 0 && !TextFolder.isWordChar(text.charAt(j))) {
      j--;
    }
    if (j < 0) {
      return -1;
    }
    while (j > 0 && TextFolder.isWordChar(text.charAt(j - 1))) {
      j--;
    }
    return j;
  }

  private static List<String> anchorPrefixes() {
    List<String> prefixes = new ArrayList<>();
    for (char d = '0'; d <= '9'; d++) {
      prefixes.add(d + "*");
    }
    for (String w : DateVocabulary.anchorPrefixes()) {
      prefixes.add(TextFolder.fold(w) + "*");
    }
    for (String w : RussianDateVocabulary.anchorWords()) {
      prefixes.add(w + "*");
    }
    return List.copyOf(prefixes);
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
