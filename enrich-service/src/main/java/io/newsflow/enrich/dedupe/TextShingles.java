package io.newsflow.enrich.dedupe;

import java.util.Arrays;

/**
 * Word shingles of a text as 64-bit hashes. Words are runs of letters and digits, lower-cased, so
 * punctuation, typography and whitespace differences between two copies of one text do not matter.
 * Hand-written rather than a regex split because it runs on every article and allocates only the
 * result array.
 */
final class TextShingles {

  /** Words per shingle: long enough that two different articles on one topic share few shingles. */
  static final int WIDTH = 4;

  /**
   * For every UTF-16 unit that is not a surrogate: {@code Character.toLowerCase} of it when it is a
   * letter or digit, else -1. The two calls per character were a third of the fingerprint's cost;
   * the hashes stay exactly those of the per-code-point calls, so stored signatures keep matching.
   */
  private static final int[] LOWER_WORD_CHAR = new int[Character.MAX_VALUE + 1];

  static {
    for (int c = 0; c <= Character.MAX_VALUE; c++) {
      LOWER_WORD_CHAR[c] = Character.isLetterOrDigit(c) ? Character.toLowerCase(c) : -1;
    }
  }

  private TextShingles() {}

  /** Hashes of every word shingle; a text shorter than {@link #WIDTH} words gives one shingle of all its words. */
  static long[] of(String text) {
    long[] words = wordHashes(text);
    if (words.length == 0) {
      return new long[0];
    }
    int count = Math.max(1, words.length - WIDTH + 1);
    long[] shingles = new long[count];
    for (int i = 0; i < count; i++) {
      long h = 0x9E3779B97F4A7C15L;
      int end = Math.min(words.length, i + WIDTH);
      for (int j = i; j < end; j++) {
        h = Hashing.mix(h * 31 + words[j]);
      }
      shingles[i] = h;
    }
    return shingles;
  }

  static long[] wordHashes(String text) {
    if (text == null || text.isEmpty()) {
      return new long[0];
    }
    long[] words = new long[Math.max(16, text.length() / 5)];
    int n = 0;
    long h = Hashing.FNV_OFFSET;
    boolean inWord = false;
    for (int i = 0, length = text.length(); i < length; ) {
      char c = text.charAt(i);
      int lower;
      if (Character.isSurrogate(c)) {
        int cp = text.codePointAt(i);
        i += Character.charCount(cp);
        lower = Character.isLetterOrDigit(cp) ? Character.toLowerCase(cp) : -1;
      } else {
        i++;
        lower = LOWER_WORD_CHAR[c];
      }
      if (lower >= 0) {
        h = (h ^ lower) * Hashing.FNV_PRIME;
        inWord = true;
      } else if (inWord) {
        if (n == words.length) {
          words = Arrays.copyOf(words, n * 2);
        }
        words[n++] = Hashing.mix(h);
        h = Hashing.FNV_OFFSET;
        inWord = false;
      }
    }
    if (inWord) {
      if (n == words.length) {
        words = Arrays.copyOf(words, n + 1);
      }
      words[n++] = Hashing.mix(h);
    }
    return Arrays.copyOf(words, n);
  }
}
