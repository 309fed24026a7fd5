package io.newsflow.ingest.feed;

import java.net.URI;
import java.net.URISyntaxException;

/** Resolves the links feeds give, which are often relative, padded or half-escaped. */
final class Links {

  private Links() {}

  /** The absolute http(s) URL for {@code href} against {@code base}, or null when it cannot be one. */
  static String resolve(String base, String href) {
    if (href == null || href.isBlank()) {
      return null;
    }
    String cleaned = href.strip().replace(" ", "%20");
    try {
      URI resolved = base == null ? new URI(cleaned) : new URI(base).resolve(new URI(cleaned));
      String scheme = resolved.getScheme();
      if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https")) || resolved.getHost() == null) {
        return null;
      }
      return resolved.toString();
    } catch (URISyntaxException | IllegalArgumentException e) {
      return null;
    }
  }
}
