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

  private static final long SHINGLE_SEED = 0x9E3779B97F4A7C15L;

  /**
   * Hashes of every word shingle; a text shorter than {@link #WIDTH} words gives one shingle of all its
   * words. The definition {@link #addShingles} follows (tests hold the two together).
   */
  static long[] of(String text) {
    long[] words = wordHashes(text);
    if (words.length == 0) {
      return new long[0];
    }
    int count = Math.max(1, words.length - WIDTH + 1);
    long[] shingles = new long[count];
    for (int i = 0; i < count; i++) {
      long h = SHINGLE_SEED;
      int end = Math.min(words.length, i + WIDTH);
      for (int j = i; j < end; j++) {
        h = Hashing.mix(h * 31 + words[j]);
      }
      shingles[i] = h;
    }
    return shingles;
  }

  /**
   * Adds the hashes {@link #of} gives, in the same order, to {@code bins}, keeping only the last
   * {@link #WIDTH} word hashes instead of arrays of all words and shingles.
   */
  static void addShingles(String text, MinHasher.Bins bins) {
    if (text == null || text.isEmpty()) {
      return;
    }
    // the three words before the current one, w3 the latest
    long w1 = 0;
    long w2 = 0;
    long w3 = 0;
    int words = 0;
    long h = Hashing.FNV_OFFSET;
    boolean inWord = false;
    for (int i = 0, length = text.length(); i <= length; ) {
      int lower;
      if (i == length) {
        i++;
        lower = -1; // the end of the text ends its last word
      } else {
        lower = lowerWordCharAt(text, i);
        i += charsAt(text, i);
      }
      if (lower >= 0) {
        h = (h ^ lower) * Hashing.FNV_PRIME;
        inWord = true;
      } else if (inWord) {
        long word = Hashing.mix(h);
        if (words >= WIDTH - 1) {
          bins.add(Hashing.mix(Hashing.mix(Hashing.mix(Hashing.mix(SHINGLE_SEED * 31 + w1) * 31 + w2) * 31 + w3) * 31 + word));
        }
        w1 = w2;
        w2 = w3;
        w3 = word;
        words++;
        h = Hashing.FNV_OFFSET;
        inWord = false;
      }
    }
    if (words > 0 && words < WIDTH) {
      long shingle = SHINGLE_SEED;
      if (words == 3) {
        shingle = Hashing.mix(shingle * 31 + w1);
      }
      if (words >= 2) {
        shingle = Hashing.mix(shingle * 31 + w2);
      }
      bins.add(Hashing.mix(shingle * 31 + w3));
    }
  }

  /** The word character at {@code i} lower-cased, or -1 where a word ends (anything but a letter or digit). */
  private static int lowerWordCharAt(String text, int i) {
    char c = text.charAt(i);
    if (!Character.isSurrogate(c)) {
      return LOWER_WORD_CHAR[c];
    }
    int cp = text.codePointAt(i);
    return Character.isLetterOrDigit(cp) ? Character.toLowerCase(cp) : -1;
  }

  /** How many chars the code point at {@code i} takes (a lone surrogate counts as one). */
  private static int charsAt(String text, int i) {
    return Character.isSurrogate(text.charAt(i)) ? Character.charCount(text.codePointAt(i)) : 1;
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
      int lower = lowerWordCharAt(text, i);
      i += charsAt(text, i);
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
