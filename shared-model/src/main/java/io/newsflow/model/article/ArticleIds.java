package io.newsflow.model.article;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;

/** Stable ids and content hashes, computed the same way by every service. */
public final class ArticleIds {

  private ArticleIds() {}

  /** The article id for a URL: the first 128 bits of SHA-256 of its canonical form, as hex. */
  public static String fromUrl(String url) {
    return sha256Hex(CanonicalUrl.normalise(url)).substring(0, 32);
  }

  /**
   * SHA-256 (hex) of the text after Unicode NFKC, lower-casing and collapsing every run of
   * non-letter, non-digit characters to one space, so that whitespace, punctuation and typography
   * differences between two copies of one text do not change the hash.
   */
  public static String contentHash(String text) {
    return sha256Hex(hashedForm(text));
  }

  /**
   * The text {@link #contentHash} hashes. A loop rather than {@code replaceAll("[^\\p{L}\\p{N}]+", " ")}, which it
   * equals character for character (ArticleIdsTest compares them): ingest and enrich hash every article, and the
   * regex was among the largest costs of both.
   */
  static String hashedForm(String text) {
    String folded = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    StringBuilder out = new StringBuilder(folded.length());
    boolean gap = false;
    for (int i = 0; i < folded.length(); ) {
      int cp = folded.codePointAt(i);
      i += Character.charCount(cp);
      if (isLetterOrNumber(cp)) {
        if (gap && !out.isEmpty()) {
          out.append(' ');
        }
        gap = false;
        out.appendCodePoint(cp);
      } else {
        gap = true;
      }
    }
    return out.toString();
  }

  private static boolean isLetterOrNumber(int cp) {
    if (cp < 0x80) {
      return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
    }
    return switch (Character.getType(cp)) {
      case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER, Character.MODIFIER_LETTER,
          Character.OTHER_LETTER, Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER, Character.OTHER_NUMBER -> true;
      default -> false;
    };
  }

  /** SHA-256 of the UTF-8 bytes of {@code value}, as lower-case hex. */
  public static String sha256Hex(String value) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
