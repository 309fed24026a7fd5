package io.newsflow.store.timeline;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A position on a timeline: the time and id of the last item returned. Pages continue strictly after it
 * in (time, id) descending order, so articles arriving meanwhile neither repeat nor shift the next page.
 */
public record TimelineCursor(long t, String id) {

  public String encode() {
    return Base64.getUrlEncoder().withoutPadding().encodeToString((t + ":" + id).getBytes(StandardCharsets.UTF_8));
  }

  /** @throws IllegalArgumentException when the text is not a cursor this service issued */
  public static TimelineCursor decode(String text) {
    try {
      String raw = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
      int colon = raw.indexOf(':');
      String id = raw.substring(colon + 1);
      if (colon < 1 || id.isEmpty() || id.length() > 128) {
        throw new IllegalArgumentException("malformed");
      }
      return new TimelineCursor(Long.parseLong(raw.substring(0, colon)), id);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("cursor is not one this service issued: " + text, e);
    }
  }

  /** Whether an item at (t, id) comes after this position in newest-first order. */
  boolean isBefore(long itemT, String itemId) {
    return itemT < t || (itemT == t && itemId.compareTo(id) < 0);
  }
}
