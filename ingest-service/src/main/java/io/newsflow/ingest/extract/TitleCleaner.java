package io.newsflow.ingest.extract;

import java.util.regex.Pattern;

/** Strips the site name that {@code <title>} usually carries ("Headline | Site", "Site - Headline"). */
final class TitleCleaner {

  private static final Pattern SEPARATORS = Pattern.compile("\\s+(?:[|\\-–—»·:/\\\\]|::|//)\\s+");

  private TitleCleaner() {}

  static String clean(String title, String h1) {
    if (title == null || title.isBlank()) {
      return null;
    }
    String t = title.strip().replaceAll("\\s+", " ");
    String[] parts = SEPARATORS.split(t);
    if (parts.length < 2) {
      return t;
    }
    if (h1 != null) {
      for (String part : parts) {
        if (part.strip().equalsIgnoreCase(h1.strip())) {
          return part.strip();
        }
      }
    }
    // The headline is the longest part; the site name is short. A short first part that is not
    // the longest is a site prefix ("Reuters - ...").
    String longest = parts[0];
    for (String part : parts) {
      if (part.length() > longest.length()) {
        longest = part;
      }
    }
    return words(longest) >= 3 ? longest.strip() : t;
  }

  private static int words(String s) {
    return s.strip().isEmpty() ? 0 : s.strip().split("\\s+").length;
  }
}
