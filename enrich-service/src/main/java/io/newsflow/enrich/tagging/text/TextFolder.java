package io.newsflow.enrich.tagging.text;

import java.text.Normalizer;

/**
 * Folds text for matching: lower case, Latin diacritics removed, typographic quotes and dashes made
 * plain, ё as е. Every UTF-16 unit maps to exactly one unit, so an offset in the folded text is the
 * same offset in the original and spans need no translation table.
 */
public final class TextFolder {

  private static final char[] FOLD = buildTable();
  /** Character.isLetterOrDigit as a table: it is asked for every character of every article. */
  private static final boolean[] WORD = buildWordTable();

  private TextFolder() {}

  public static String fold(String text) {
    return new String(foldToChars(text));
  }

  /** {@link #fold(String)} as an array, for the automaton's search without a copy back out of a String. */
  public static char[] foldToChars(String text) {
    char[] out = new char[text.length()];
    for (int i = 0; i < out.length; i++) {
      out[i] = FOLD[text.charAt(i)];
    }
    return out;
  }

  public static char fold(char c) {
    return FOLD[c];
  }

  /** Letters and digits make words; everything else (space, punctuation, apostrophe, hyphen) separates them. */
  public static boolean isWordChar(char c) {
    return WORD[c];
  }

  private static boolean[] buildWordTable() {
    boolean[] table = new boolean[Character.MAX_VALUE + 1];
    for (int c = 0; c <= Character.MAX_VALUE; c++) {
      table[c] = Character.isLetterOrDigit(c);
    }
    return table;
  }

  private static char[] buildTable() {
    char[] table = new char[Character.MAX_VALUE + 1];
    for (int c = 0; c <= Character.MAX_VALUE; c++) {
      table[c] = foldOne((char) c);
    }
    return table;
  }

  private static char foldOne(char c) {
    switch (c) {
      case '\u2018', '\u2019', '\u02BC', '\u02B9', '`', '\u00B4' -> { return '\''; }
      case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2212' -> { return '-'; }
      case '\u00A0', '\u2009', '\u202F' -> { return ' '; }
      case '\u0401', '\u0451' -> { return '\u0435'; }
      // dotted capital I lower-cases to two units in Java's full mapping; keep one unit
      case '\u0130', '\u0131' -> { return 'i'; }
      default -> { }
    }
    if (Character.isSurrogate(c)) {
      return c;
    }
    char lower = Character.toLowerCase(c);
    if (lower < 0x00C0 || lower > 0x024F) {
      return lower;
    }
    // strip combining marks from Latin letters only: Cyrillic and Kazakh letters (қ, ә, ө) stay distinct
    String decomposed = Normalizer.normalize(String.valueOf(lower), Normalizer.Form.NFD);
    char base = decomposed.charAt(0);
    return base < 0x80 ? base : lower;
  }
}
