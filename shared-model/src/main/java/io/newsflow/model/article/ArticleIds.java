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
    String normalised = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKC)
        .toLowerCase(Locale.ROOT)
        .replaceAll("[^\\p{L}\\p{N}]+", " ")
        .strip();
    return sha256Hex(normalised);
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
