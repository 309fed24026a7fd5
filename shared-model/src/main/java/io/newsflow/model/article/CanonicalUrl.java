package io.newsflow.model.article;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Normalises article URLs so that one article has one URL whatever tracking decorations a feed or
 * share button added: lower-case scheme and host, default port and fragment dropped, tracking
 * parameters removed, remaining query parameters sorted.
 */
public final class CanonicalUrl {

  private static final Set<String> TRACKING_PARAMETERS = Set.of(
      "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "mc_cid", "mc_eid",
      "_ga", "_gl", "igshid", "ocid", "cmpid", "ito", "ns_mchannel", "ns_source", "ns_campaign",
      "ns_linkname", "ns_fee", "sr_share", "at_medium", "at_campaign", "ref_src");

  private CanonicalUrl() {}

  /**
   * @throws IllegalArgumentException when the text is not an absolute http(s) URL
   */
  public static String normalise(String url) {
    URI uri;
    try {
      uri = new URI(url.strip());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not a URL: " + url, e);
    }
    String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!"http".equals(scheme) && !"https".equals(scheme)) {
      throw new IllegalArgumentException("not an absolute http(s) URL: " + url);
    }
    String host = uri.getHost();
    if (host == null) {
      throw new IllegalArgumentException("URL has no host: " + url);
    }
    host = host.toLowerCase(Locale.ROOT);
    if (host.endsWith(".")) {
      host = host.substring(0, host.length() - 1);
    }
    int port = uri.getPort();
    boolean defaultPort = port == -1 || ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    String query = cleanQuery(uri.getRawQuery());
    StringBuilder out = new StringBuilder(scheme).append("://").append(host);
    if (!defaultPort) {
      out.append(':').append(port);
    }
    out.append(path);
    if (!query.isEmpty()) {
      out.append('?').append(query);
    }
    return out.toString();
  }

  private static String cleanQuery(String rawQuery) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return "";
    }
    List<String> kept = new ArrayList<>();
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      String name = pair.split("=", 2)[0].toLowerCase(Locale.ROOT);
      if (name.startsWith("utm_") || TRACKING_PARAMETERS.contains(name)) {
        continue;
      }
      kept.add(pair);
    }
    kept.sort(null);
    return String.join("&", kept);
  }
}
