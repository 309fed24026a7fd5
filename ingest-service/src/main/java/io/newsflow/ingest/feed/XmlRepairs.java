package io.newsflow.ingest.feed;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Repairs, on the decoded text and before Rome sees it, the mistakes real feeds make that would
 * otherwise cost the whole feed. Each repair is narrow: it changes nothing in a feed without that mistake.
 */
final class XmlRepairs {

  private static final Pattern RSS_OPEN = Pattern.compile("<rss(\\s[^>]*)?>");
  // Radio UserLand's feeds put RSS 2.0 in a default namespace that Rome does not know
  private static final Pattern RSS_DEFAULT_NAMESPACE = Pattern.compile("(<rss\\b[^>]*?)\\s+xmlns\\s*=\\s*([\"'])http://backend\\.userland\\.com/rss2?\\2");
  // windows-1252 quotes and dashes written as character references to C1 controls (&#146; for ’)
  private static final Pattern C1_REFERENCE = Pattern.compile("&#(?:(12[89]|1[3-5]\\d)|[xX]0*([89][0-9a-fA-F]));");
  // Atom 0.3 base64 content with line breaks, on which Rome's decoder throws and loses the whole feed
  private static final Pattern BASE64_ELEMENT = Pattern.compile("(<([\\w:.-]+)\\b[^>]*\\smode\\s*=\\s*[\"']base64[\"'][^>]*>)([^<]*)(</\\2\\s*>)");

  // Rome knows RSS versions by exact string and refuses "2.01", "2.0.1" or "2.1", all read as 2.0 by real readers
  private static final Pattern RSS_VERSION = Pattern.compile("(<rss\\b[^>]*?\\sversion\\s*=\\s*[\"'])\\s*(2\\.[^\"']*)([\"'])");

  private XmlRepairs() {}

  static String apply(String xml) {
    String out = withChannel(xml);
    // the two <rss> repairs look at the root's open tag only; matching them over a whole feed of full-text
    // items cost more than parsing it
    int first = out.indexOf("<rss");
    Matcher open = first < 0 ? null : RSS_OPEN.matcher(out);
    if (open != null && open.find(first)) {
      int rss = open.start();
      int tagEnd = open.end() - 1;
      String tag = open.group();
      String repaired = RSS_DEFAULT_NAMESPACE.matcher(tag).replaceFirst("$1");
      Matcher version = RSS_VERSION.matcher(repaired);
      if (version.find() && !version.group(2).equals("2.0")) {
        repaired = repaired.substring(0, version.start(2)) + "2.0" + repaired.substring(version.end(2));
      }
      if (!repaired.equals(tag)) {
        out = out.substring(0, rss) + repaired + out.substring(tagEnd + 1);
      }
    }
    if (hasC1Reference(out)) {
      out = C1_REFERENCE.matcher(out).replaceAll(XmlRepairs::windows1252Character);
    }
    if (out.contains("base64")) {
      out = BASE64_ELEMENT.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + m.group(3).replaceAll("\\s+", "") + m.group(4)));
    }
    return out;
  }

  /** A cheap pre-check for {@link #C1_REFERENCE}: a numeric reference starting 1 (decimal) or x8 / x9 (hex). */
  private static boolean hasC1Reference(String xml) {
    for (int at = xml.indexOf("&#"); at >= 0 && at + 2 < xml.length(); at = xml.indexOf("&#", at + 2)) {
      char c = xml.charAt(at + 2);
      if (c == '1' || c == 'x' || c == 'X') {
        return true;
      }
    }
    return false;
  }

  /** Wraps the items of an {@code <rss>} without {@code <channel>} in one; Rome fails on such documents. */
  static String withChannel(String xml) {
    Matcher open = RSS_OPEN.matcher(xml);
    if (xml.contains("<channel") || !open.find()) {
      return xml;
    }
    int close = xml.lastIndexOf("</rss>");
    if (close < open.end()) {
      return xml;
    }
    return xml.substring(0, open.end()) + "<channel>" + xml.substring(open.end(), close) + "</channel>" + xml.substring(close);
  }

  private static String windows1252Character(java.util.regex.MatchResult m) {
    int code = m.group(1) != null ? Integer.parseInt(m.group(1)) : Integer.parseInt(m.group(2), 16);
    String mapped = FeedCharset.C1Controls.asWindows1252(String.valueOf((char) code));
    return mapped.isEmpty() ? "" : Matcher.quoteReplacement(mapped);
  }
}
