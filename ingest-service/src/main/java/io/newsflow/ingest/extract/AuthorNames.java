package io.newsflow.ingest.extract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Turns byline strings ("By Aigerim Toleukhanova and Joanna Lillis") into separate names. */
final class AuthorNames {

  private static final Pattern PREFIX = Pattern.compile(
      "(?iu)^(?:(?:written|reported|posted|story|text|words|photos?)\\s+)?(?:by|from|автор|авторы|author)\\s*[:\\-]?\\s+");
  private static final Pattern SPLIT = Pattern.compile("(?iu)\\s+(?:and|&|und|et|и)\\s+|\\s*[,;|/]\\s*");
  private static final int MAX_AUTHORS = 10;

  private AuthorNames() {}

  static List<String> clean(List<String> raw) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String r : raw) {
      if (r == null || r.contains("://") || r.strip().startsWith("www.")) {
        continue; // a profile link, not a name (splitting it on "/" would make "names" of its parts)
      }
      String s = PREFIX.matcher(r.strip().replaceAll("\\s+", " ")).replaceFirst("");
      for (String name : SPLIT.split(s)) {
        String n = name.strip();
        if (isName(n)) {
          out.putIfAbsent(n.toLowerCase(Locale.ROOT), n);
        }
      }
    }
    return new ArrayList<>(out.values()).subList(0, Math.min(out.size(), MAX_AUTHORS));
  }

  // Rejects what author fields carry besides names: profile URLs, handles, dates, job titles.
  private static boolean isName(String n) {
    if (n.length() < 2 || n.length() > 60 || n.contains("://") || n.startsWith("@") || n.startsWith("www.")) {
      return false;
    }
    if (n.chars().anyMatch(Character::isDigit)) {
      return false;
    }
    int words = n.split("\\s+").length;
    return words <= 5 && Character.isLetter(n.codePointAt(0));
  }
}
