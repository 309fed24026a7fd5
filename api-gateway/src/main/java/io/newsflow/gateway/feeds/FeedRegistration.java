package io.newsflow.gateway.feeds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsflow.gateway.http.InvalidParameterException;
import io.newsflow.model.json.EventJson;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a feed registration body (the shape of ingest-service's {@code POST /internal/v1/feeds})
 * and returns it re-encoded with only the known members, so nothing unexpected is forwarded.
 * Whether a host is allowed (private addresses, ...) stays ingest-service's decision.
 */
final class FeedRegistration {

  private static final Set<String> MEMBERS =
      Set.of("url", "title", "tags", "language", "timeZone", "minPollInterval", "maxPollInterval");
  private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})?");
  static final int MAX_URL = 2048;

  private FeedRegistration() {}

  static byte[] validate(byte[] body) {
    return validate(body, true);
  }

  /** A settings change ({@code PATCH}): the same members and checks, but no URL — a feed's URL never changes. */
  static byte[] validateUpdate(byte[] body) {
    return validate(body, false);
  }

  private static byte[] validate(byte[] body, boolean registration) {
    JsonNode root;
    try {
      root = body == null || body.length == 0 ? null : EventJson.mapper().readTree(body);
    } catch (IOException e) {
      throw new InvalidParameterException("body", "not valid JSON");
    }
    if (root == null || !root.isObject()) {
      throw new InvalidParameterException("body", "must be a JSON object like {\"url\": \"https://...\"}");
    }
    root.fieldNames().forEachRemaining(name -> {
      if (!MEMBERS.contains(name)) {
        throw new InvalidParameterException(name, "unknown member; allowed: " + MEMBERS);
      }
    });
    ObjectNode out = EventJson.mapper().createObjectNode();
    if (registration) {
      out.put("url", url(root.get("url")));
    } else if (root.has("url")) {
      throw new InvalidParameterException("url", "a feed's URL cannot change; register the new URL and remove the old feed");
    }
    copyText(root, out, "title", 300);
    if (root.hasNonNull("tags")) {
      out.set("tags", tags(root.get("tags")));
    }
    if (root.hasNonNull("language")) {
      String lang = text(root, "language", 20);
      if (!LANGUAGE.matcher(lang).matches()) {
        throw new InvalidParameterException("language", "not a language code like 'en': '" + lang + "'");
      }
      out.put("language", lang);
    }
    if (root.hasNonNull("timeZone")) {
      String zone = text(root, "timeZone", 64);
      try {
        ZoneId.of(zone);
      } catch (DateTimeException e) {
        throw new InvalidParameterException("timeZone", "not a time-zone id like Asia/Almaty: '" + zone + "'");
      }
      out.put("timeZone", zone);
    }
    Duration min = duration(root, out, "minPollInterval");
    Duration max = duration(root, out, "maxPollInterval");
    if (min != null && max != null && min.compareTo(max) > 0) {
      throw new InvalidParameterException("maxPollInterval", "must not be shorter than minPollInterval");
    }
    return EventJson.toBytes(out);
  }

  static String url(JsonNode node) {
    if (node == null || !node.isTextual() || node.asText().isBlank()) {
      throw new InvalidParameterException("url", "required: the feed's http(s) URL");
    }
    String url = node.asText().strip();
    if (url.length() > MAX_URL) {
      throw new InvalidParameterException("url", "at most " + MAX_URL + " characters");
    }
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
      if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
        throw new InvalidParameterException("url", "must be an absolute http or https URL: '" + shorten(url) + "'");
      }
    } catch (URISyntaxException e) {
      throw new InvalidParameterException("url", "not a valid URL: " + e.getReason());
    }
    return url;
  }

  private static ArrayNode tags(JsonNode node) {
    if (!node.isArray() || node.size() > 20) {
      throw new InvalidParameterException("tags", "must be an array of at most 20 strings");
    }
    ArrayNode tags = EventJson.mapper().createArrayNode();
    for (JsonNode tag : node) {
      if (!tag.isTextual() || tag.asText().isBlank() || tag.asText().length() > 50) {
        throw new InvalidParameterException("tags", "each tag must be a non-empty string of at most 50 characters");
      }
      tags.add(tag.asText().strip());
    }
    return tags;
  }

  private static Duration duration(JsonNode root, ObjectNode out, String name) {
    if (!root.hasNonNull(name)) {
      return null;
    }
    String text = text(root, name, 40);
    try {
      Duration d = Duration.parse(text);
      if (d.isNegative() || d.isZero()) {
        throw new InvalidParameterException(name, "must be positive");
      }
      out.put(name, text);
      return d;
    } catch (DateTimeParseException e) {
      throw new InvalidParameterException(name, "not an ISO-8601 duration like PT15M: '" + shorten(text) + "'");
    }
  }

  private static void copyText(JsonNode root, ObjectNode out, String name, int max) {
    if (root.hasNonNull(name)) {
      out.put(name, text(root, name, max));
    }
  }

  private static String text(JsonNode root, String name, int max) {
    JsonNode node = root.get(name);
    if (!node.isTextual()) {
      throw new InvalidParameterException(name, "must be a string");
    }
    String v = node.asText().strip();
    if (v.length() > max) {
      throw new InvalidParameterException(name, "at most " + max + " characters");
    }
    return v;
  }

  private static String shorten(String v) {
    return v.length() > 60 ? v.substring(0, 60) + "…" : v;
  }
}
