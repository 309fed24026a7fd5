package io.newsflow.enrich.dedupe;

import java.util.Arrays;
import java.util.Set;

/** The words that say what an article is about: its title and lead, minus function words, as hashes. */
final class StoryKeywords {

  /** The lead is where news writing states the event; later paragraphs drift into background. */
  static final int LEAD_CHARACTERS = 600;
  static final int MAX_KEYWORDS = 40;

  private static final Set<String> STOPWORDS = Set.of(
      "that", "this", "with", "from", "have", "has", "been", "were", "will", "would", "could", "should",
      "their", "there", "they", "them", "than", "then", "which", "while", "when", "where", "what", "also",
      "into", "over", "after", "before", "about", "more", "most", "some", "such", "said", "says", "told",
      "year", "years", "week", "month", "news", "according", "other", "only", "last", "first", "just",
      "because", "between", "under", "during", "since", "these", "those", "being", "its", "your", "very",
      "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "reported", "report");

  private StoryKeywords() {}

  static long[] of(String title, String text) {
    long[] out = new long[MAX_KEYWORDS];
    int n = collect(title == null ? "" : title, title == null ? 0 : title.length(), out, 0);
    n = collect(text == null ? "" : text, text == null ? 0 : Math.min(text.length(), LEAD_CHARACTERS), out, n);
    long[] result = Arrays.copyOf(out, n);
    Arrays.sort(result);
    return result;
  }

  /** Adds the keyword hashes of {@code s[0, end)} to {@code out[n..]}; a hand loop, as it runs on every article. */
  private static int collect(String s, int end, long[] out, int n) {
    StringBuilder word = new StringBuilder(24);
    for (int i = 0; i <= end && n < out.length; i++) {
      char c = i < end ? s.charAt(i) : ' ';
      if (Character.isLetterOrDigit(c)) {
        word.append(Character.toLowerCase(c));
        continue;
      }
      if (word.length() >= 4) {
        String w = word.toString();
        if (!STOPWORDS.contains(w)) {
          long h = Hashing.mix(stem(w).hashCode() * 0x9E3779B97F4A7C15L);
          if (!contains(out, n, h)) {
            out[n++] = h;
          }
        }
      }
      word.setLength(0);
    }
    return n;
  }

  /** Shared keywords over the smaller set's size. Both arrays sorted. */
  static double overlap(long[] a, long[] b) {
    if (a.length == 0 || b.length == 0) {
      return 0;
    }
    return shared(a, b) / (double) Math.min(a.length, b.length);
  }

  static int shared(long[] a, long[] b) {
    int i = 0;
    int j = 0;
    int shared = 0;
    while (i < a.length && j < b.length) {
      if (a[i] == b[j]) {
        shared++;
        i++;
        j++;
      } else if (a[i] < b[j]) {
        i++;
      } else {
        j++;
      }
    }
    return shared;
  }

  /** A crude plural and inflection strip, enough for "drills" and "drill" to meet. */
  private static String stem(String w) {
    if (w.length() > 5 && w.endsWith("ing")) {
      return w.substring(0, w.length() - 3);
    }
    if (w.length() > 4 && w.endsWith("ed")) {
      return w.substring(0, w.length() - 2);
    }
    if (w.length() > 4 && w.endsWith("s") && !w.endsWith("ss")) {
      return w.substring(0, w.length() - 1);
    }
    return w;
  }

  private static boolean contains(long[] values, int n, long h) {
    for (int i = 0; i < n; i++) {
      if (values[i] == h) {
        return true;
      }
    }
    return false;
  }
}
