package io.newsflow.ingest.http;

import java.net.URI;
import java.util.Map;

/**
 * A completed fetch: 2xx with its decoded body, or 304 with an empty body.
 *
 * @param finalUrl the URL after redirects
 * @param status   200..299 or 304
 * @param headers  response headers, names lower-cased, first value of each
 * @param body     decoded (decompressed) body, never larger than the configured cap
 */
public record FetchedResponse(URI finalUrl, int status, Map<String, String> headers, byte[] body) {

  public boolean isNotModified() {
    return status == 304;
  }

  public String header(String name) {
    return headers.get(name.toLowerCase(java.util.Locale.ROOT));
  }
}
