package io.newsflow.enrich.event;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "The next year" and "the previous year" count from a year the text has just named ("published in 1909 ...
 * The next year, Waite ..."), not from the publication; "the last year" is the past twelve months, no calendar
 * year at all. Without "the" ("next year", "last year") the publication is the anchor, as before.
 */
final class AnaphoricYear {

  private static final Pattern RELATIVE = Pattern.compile("(?i)(last|this|next|previous) (year|month)");
  private static final Pattern YEAR = Pattern.compile("(?<![\\w-])(?:19|20)\\d{2}(?![\\w-])");
  /** How far back a named year still anchors: about two sentences. */
  private static final int LOOK_BACK = 300;

  private AnaphoricYear() {}

  /** Whether the relative expression at {@code start} follows "the". */
  static boolean afterThe(String text, int from, int start, String expression) {
    return RELATIVE.matcher(expression).matches() && start - 4 >= from
        && text.regionMatches(true, start - 4, "the ", 0, 4)
        && (start - 4 == from || !Character.isLetterOrDigit(text.charAt(start - 5)));
  }

  /**
   * The year such an expression names, or null when it names none: "the last year" and months, or no year
   * written shortly before to count from.
   */
  static Integer year(String text, int from, int start, String expression) {
    Matcher relative = RELATIVE.matcher(expression);
    if (!relative.matches() || !relative.group(2).equalsIgnoreCase("year")) {
      return null;
    }
    int delta = switch (relative.group(1).toLowerCase(Locale.ROOT)) {
      case "next" -> 1;
      case "previous" -> -1;
      default -> 0;
    };
    if (delta == 0) {
      return null;
    }
    Matcher year = YEAR.matcher(text).region(Math.max(from, start - LOOK_BACK), start);
    Integer last = null;
    while (year.find()) {
      last = Integer.parseInt(year.group());
    }
    return last == null ? null : last + delta;
  }
}
