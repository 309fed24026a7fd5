package io.newsflow.ingest.support;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * A busy wire feed for window tests: items are numbered, item {@code n} is published {@code n} spacings
 * after a start time, and a document lists a window of them newest first, as such feeds do. Each item
 * carries its full text, so no page is fetched for it.
 */
public final class RollingFeed {

  private static final String[] TOPICS = {
      "Astana hosts CSTO defence ministers ahead of the autumn drills",
      "Caspian Pipeline Consortium reports loadings back at full rate",
      "Tokayev meets the SCO secretary-general on transit corridors",
      "Kyrgyz and Tajik border commissions agree on a new demarcation round",
      "EAEU customs union extends the grain export quota by a month",
  };

  private final String base;
  private final Instant start;
  private final Duration spacing;

  /** @param base the test web server's base URL, for item links */
  public RollingFeed(String base, Instant start, Duration spacing) {
    this.base = base;
    this.start = start;
    this.spacing = spacing;
  }

  public Instant publishedAt(int n) {
    return start.plus(spacing.multipliedBy(n));
  }

  /** An RSS 2.0 document listing items {@code from}..{@code to} (inclusive), newest first. */
  public String window(int from, int to) {
    StringBuilder xml = new StringBuilder("""
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
        <channel><title>Steppe Wire – rolling</title><link>%s/</link><description>every item as it is filed</description>
        """.formatted(base));
    for (int n = to; n >= from; n--) {
      xml.append(item(n, "wire-" + n, base + "/wire/" + n));
    }
    return xml.append("</channel></rss>\n").toString();
  }

  /** Items {@code from}..{@code to} without any dates, as some CMS exports list them. */
  public String undatedWindow(int from, int to) {
    return window(from, to).replaceAll("<pubDate>[^<]*</pubDate>", "");
  }

  /** The same items under new GUIDs and links, as after a site migration: new names, old dates. */
  public String renamedWindow(int from, int to) {
    StringBuilder xml = new StringBuilder("""
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
        <channel><title>Steppe Wire – rolling</title><link>%s/</link><description>moved</description>
        """.formatted(base));
    for (int n = to; n >= from; n--) {
      xml.append(item(n, "urn:steppe-wire:v2:" + n, base + "/news/2024/item-" + n + ".html"));
    }
    return xml.append("</channel></rss>\n").toString();
  }

  private String item(int n, String guid, String link) {
    String headline = TOPICS[n % TOPICS.length];
    String body = ("<p>ALMATY – Wire item %d. %s, officials said on the record, adding that the schedule agreed last week "
        + "still holds and that observers from neighbouring states were invited.</p><p>The statement, the %dth of the "
        + "series, repeated that no change to the existing arrangements was planned before the end of the quarter, and "
        + "that questions from correspondents would be answered at the regular briefing on Thursday.</p><p>Analysts in "
        + "Bishkek and Tashkent read the wording as a sign of continuity rather than of a new policy.</p><p>A spokesman for "
        + "the ministry declined to say whether the figures would be published in full, citing the practice of previous "
        + "years, when only a summary table was released after the meetings had ended.</p>")
        .formatted(n, headline, n);
    return """
        <item><title>%s (%d)</title><link>%s</link><guid isPermaLink="false">%s</guid><pubDate>%s</pubDate>
        <content:encoded><![CDATA[%s]]></content:encoded></item>
        """.formatted(headline, n, link, guid, DateTimeFormatter.RFC_1123_DATE_TIME.format(publishedAt(n).atOffset(ZoneOffset.UTC)), body);
  }
}
