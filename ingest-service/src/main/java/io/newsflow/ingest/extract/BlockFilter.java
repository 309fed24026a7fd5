package io.newsflow.ingest.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Drops paragraphs that survived the element-level cleaning but are furniture by their words: short
 * calls to share, subscribe or read more, cookie and ad-block notices, credits, and the byline or
 * headline repeated at the top of the body (they are metadata, already in their own fields).
 */
final class BlockFilter {

  private static final int SHORT = 160;
  private static final Pattern FURNITURE = Pattern.compile("(?iuU)^(?:"
      + "advertisement|advertising|ad|sponsored(?: content)?|reklama|реклама"
      + "|share(?: this| on| via|:)?.*|tweet|e-?mail|print|copy link|whatsapp|facebook|telegram"
      + "|follow (?:us|@).*|subscribe\\b.*|sign up\\b.*|join (?:our|us)\\b.*|get (?:our|the) .{0,40}newsletter.*"
      + "|(?:our|the|daily|weekly|free) .{0,30}newsletters?\\b.{0,60}|newsletters?\\s*:?"
      + "|read (?:more|next|also|the full)\\b.*|(?:see|also) (?:also|read)\\b.*|related(?: articles| stories| news| coverage| content)?\\s*:?.*"
      + "|recommended(?: for you)?\\s*:?|you (?:may|might) (?:also )?(?:like|enjoy)\\W*|more (?:from|stories|on this|news)\\b.*|most (?:read|popular|viewed)\\b.*|trending\\b.*"
      + "|\\d+ comments?|comments?\\s*(?:\\(\\d+\\))?\\s*:?|show comments.*|leave a (?:comment|reply).*|post a comment.*|join the (?:conversation|discussion).*"
      + "|(?:we|this (?:site|website)) uses? cookies.*|.{0,40}\\bcookies? (?:policy|settings|preferences|consent)\\b.*|by (?:continuing|using) (?:to use )?(?:this|our) (?:site|website).*"
      + "|.{0,40}ad ?-?blocker.*|please (?:disable|whitelist|enable|turn off).*|already a subscriber.*"
      + "|log ?in\\b.*|sign in\\b.*|register\\b.*|click here\\b.*|skip to (?:main )?content.*|back to top"
      + "|(?:copyright|©).*|all rights reserved.*|tags?\\s*:.*|topics?\\s*:.*|filed under\\b.*"
      + "|(?:published|updated|posted|last (?:updated|modified))\\b.{0,60}"
      + "|(?:photo|image|picture|video|graphic|illustration)s?\\s*(?:credit)?\\s*:.{0,80}"
      + "|(?:reuters|afp|ap|getty images|shutterstock|epa|tass|sputnik)(?:\\s*/.*)?"
      + "|(?:читайте|смотрите) (?:также|еще|ещё)\\b.*|подпис(?:ывайтесь|аться)\\b.*|поделиться.*|комментарии\\s*:?"
      + ")$");
  // headings that introduce a list of other stories: when only short lines follow, they are that list
  private static final Pattern RECIRCULATION_HEADING = Pattern.compile("(?iuU)^(?:you (?:may|might) (?:also )?(?:like|enjoy)"
      + "|related(?: articles| stories| news| coverage| content| posts)?|more (?:stories|news|from .{1,40}|on this(?: story| topic)?)"
      + "|(?:also|further) read(?:ing)?|read (?:more|next|also)|recommended(?: for you| stories)?|most (?:read|popular|viewed)"
      + "|trending(?: now)?|popular (?:now|stories)|what to read next|latest (?:news|stories)|читайте также|популярное)\\W*$");
  private static final Pattern BYLINE = Pattern.compile("(?iuU)^(?:by|from|автор:?)\\s+\\p{Lu}.{0,80}$");

  private BlockFilter() {}

  static List<String> filter(List<String> paragraphs, String title, List<String> authors) {
    paragraphs = withoutTrailingStoryList(paragraphs);
    List<String> out = new ArrayList<>(paragraphs.size());
    String normalisedTitle = title == null ? "" : normalise(title);
    int start = afterHeadline(paragraphs, normalisedTitle);
    for (int i = start; i < paragraphs.size(); i++) {
      String p = paragraphs.get(i);
      if (p.length() <= SHORT && isFurniture(p, normalisedTitle, authors, out.isEmpty())) {
        continue;
      }
      out.add(p);
    }
    return out;
  }

  private static List<String> withoutTrailingStoryList(List<String> paragraphs) {
    for (int i = 0; i < paragraphs.size(); i++) {
      if (paragraphs.get(i).length() <= 60 && RECIRCULATION_HEADING.matcher(paragraphs.get(i).strip()).matches()) {
        boolean onlyShortLinesFollow = true;
        for (int j = i + 1; j < paragraphs.size() && onlyShortLinesFollow; j++) {
          onlyShortLinesFollow = paragraphs.get(j).length() < 120;
        }
        if (onlyShortLinesFollow) {
          return paragraphs.subList(0, i);
        }
      }
    }
    return paragraphs;
  }

  // The headline and what precedes it near the top (kicker, section name, breadcrumb) are not body text.
  private static int afterHeadline(List<String> paragraphs, String title) {
    if (title.isEmpty()) {
      return 0;
    }
    for (int i = 0; i < Math.min(4, paragraphs.size()); i++) {
      String p = paragraphs.get(i);
      if (normalise(p).equals(title)) {
        return i + 1;
      }
      if (p.length() > 80) {
        return 0;
      }
    }
    return 0;
  }

  private static boolean isFurniture(String p, String title, List<String> authors, boolean atTop) {
    String n = normalise(p);
    if (n.isEmpty() || (atTop && n.equals(title))) {
      return true;
    }
    if (FURNITURE.matcher(p.strip()).matches()) {
      return true;
    }
    if (BYLINE.matcher(p.strip()).matches() && p.split("\\s+").length <= 12) {
      return true;
    }
    for (String author : authors) {
      String a = normalise(author);
      if (!a.isEmpty() && (n.equals(a) || (n.length() < 80 && n.startsWith(a) && !n.contains(". ")))) {
        return true;
      }
    }
    return false;
  }

  private static String normalise(String s) {
    return s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
  }
}
