package io.newsflow.ingest.feed;

import com.fasterxml.jackson.databind.JsonNode;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import io.newsflow.model.json.EventJson;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads RSS 0.9x/1.0/2.0 and Atom 0.3/1.0 with Rome and JSON Feed 1.x with Jackson into a
 * {@link ParsedFeed}. Links are resolved against the feed's final URL; dates end in UTC and are
 * flagged when they lie in the future or before the web existed.
 *
 * <p>The character set is decided by {@link FeedCharset} (byte-order mark, then HTTP charset, then XML
 * prolog, then UTF-8, leniently; the order is documented there). DOCTYPEs are refused outright, so no DTD is ever fetched and no entity
 * is ever expanded. A DOCTYPE that only names an external DTD (the old Netscape RSS 0.91 one) is
 * removed before parsing instead, so such feeds still parse; one with an internal subset, where
 * entities are declared, is refused.
 */
public final class FeedParser {

  static final String FUTURE_DATE = "FUTURE_DATE";
  static final String ANCIENT_DATE = "ANCIENT_DATE";
  private static final Instant EARLIEST_PLAUSIBLE = Instant.parse("1991-01-01T00:00:00Z");

  private final Clock clock;

  public FeedParser(Clock clock) {
    this.clock = clock;
  }

  /**
   * @param body        the raw bytes as fetched
   * @param contentType the HTTP Content-Type header, may be null
   * @param feedUrl     the URL the body came from (after redirects), base for relative links
   * @param zone        zone for dates without an offset
   * @throws FeedParseException when the body is not a readable feed
   */
  public ParsedFeed parse(byte[] body, String contentType, URI feedUrl, ZoneId zone) {
    if (looksLikeJson(body, contentType)) {
      return JsonFeedReader.read(body, feedUrl, this::dateFlags);
    }
    XmlFeed xml = readXml(body, contentType, feedUrl);
    SyndFeed feed = xml.synd();
    String base = feedUrl.toString();
    List<ParsedItem> items = new ArrayList<>();
    List<String> rawDates = null;
    for (int i = 0; i < feed.getEntries().size(); i++) {
      SyndEntry entry = feed.getEntries().get(i);
      Instant fallback = null;
      if (entry.getPublishedDate() == null && entry.getUpdatedDate() == null) {
        rawDates = rawDates == null ? ZonelessDates.rawItemDates(xml.xml()) : rawDates;
        fallback = i < rawDates.size() ? ZonelessDates.parse(rawDates.get(i), zone) : null;
      }
      items.add(toItem(entry, base, fallback));
    }
    return new ParsedFeed(feed.getFeedType(), HtmlText.line(feed.getTitle()), Links.resolve(base, feed.getLink()),
        blankToNull(feed.getLanguage()), ttl(feed), items);
  }

  private ParsedItem toItem(SyndEntry entry, String base, Instant zonelessDate) {
    String link = Links.resolve(base, entry.getLink());
    String guid = blankToNull(entry.getUri());
    if (link == null && guid != null && guid.startsWith("http")) {
      link = Links.resolve(base, guid);
    }
    String summary = entry.getDescription() == null ? null : blankToNull(entry.getDescription().getValue());
    String content = null;
    for (SyndContent c : entry.getContents()) {
      if (c.getValue() != null && !c.getValue().isBlank() && (content == null || c.getValue().length() > content.length())) {
        content = c.getValue();
      }
    }
    Set<String> authors = new LinkedHashSet<>();
    for (SyndPerson p : entry.getAuthors()) {
      if (p.getName() != null && !p.getName().isBlank()) {
        authors.add(p.getName().strip());
      }
    }
    if (authors.isEmpty() && entry.getAuthor() != null && !entry.getAuthor().isBlank()) {
      authors.add(entry.getAuthor().strip());
    }
    Instant published = entry.getPublishedDate() != null ? toInstant(entry.getPublishedDate()) : zonelessDate;
    Instant updated = toInstant(entry.getUpdatedDate());
    List<String> flags = dateFlags(published == null ? updated : published);
    return new ParsedItem(guid, link, HtmlText.line(entry.getTitle()), summary, content, List.copyOf(authors), published, updated, flags);
  }

  /** A Rome feed and the character set its bytes were decoded with. */
  record XmlFeed(SyndFeed synd, String encoding, String xml) {}

  /** Decodes and parses an XML feed with Rome, DOCTYPEs refused (see the class comment). */
  static XmlFeed readXml(byte[] body, String contentType, URI feedUrl) {
    FeedCharset.Decoded decoded = FeedCharset.decode(body, contentType);
    try {
      String xml = XmlRepairs.apply(withoutExternalDoctype(decoded.text()));
      try {
        return new XmlFeed(rome(false).build(new StringReader(xml)), decoded.charset(), xml);
      } catch (FeedException | RuntimeException strictFailure) {
        // Rome's healer (HTML entities, junk before the prolog) reads the text a character at a time and
        // was the largest cost of a poll; well-formed feeds, the usual case, do not need it
        return new XmlFeed(rome(true).build(new StringReader(xml)), decoded.charset(), xml);
      }
    } catch (FeedException | RuntimeException e) {
      throw new FeedParseException(feedUrl.toString(), rootMessage(e), e);
    }
  }

  private static SyndFeedInput rome(boolean healer) {
    SyndFeedInput input = new SyndFeedInput();
    input.setAllowDoctypes(false);
    input.setXmlHealerOn(healer);
    input.setPreserveWireFeed(true); // for RSS <ttl>
    return input;
  }

  List<String> dateFlags(Instant date) {
    if (date == null) {
      return List.of();
    }
    Instant now = clock.instant();
    if (date.isAfter(now.plusSeconds(24 * 3600))) {
      return List.of(FUTURE_DATE);
    }
    if (date.isBefore(EARLIEST_PLAUSIBLE)) {
      return List.of(ANCIENT_DATE);
    }
    return List.of();
  }

  private static final java.util.regex.Pattern EXTERNAL_DOCTYPE = java.util.regex.Pattern.compile(
      "<!DOCTYPE\\s+[\\w:.-]+(?:\\s+(?:PUBLIC|SYSTEM)(?:\\s+(?:\"[^\"]*\"|'[^']*')){1,2})?\\s*>",
      java.util.regex.Pattern.CASE_INSENSITIVE);

  static String withoutExternalDoctype(String xml) {
    int head = Math.min(xml.length(), 4096);
    java.util.regex.Matcher m = EXTERNAL_DOCTYPE.matcher(xml).region(0, head);
    return m.find() ? xml.substring(0, m.start()) + xml.substring(m.end()) : xml;
  }

  private static Integer ttl(SyndFeed feed) {
    if (feed.originalWireFeed() instanceof com.rometools.rome.feed.rss.Channel channel && channel.getTtl() > 0) {
      return channel.getTtl();
    }
    return null;
  }

  private static boolean looksLikeJson(byte[] body, String contentType) {
    if (contentType != null && contentType.toLowerCase(Locale.ROOT).contains("json")) {
      return true;
    }
    for (byte b : body) {
      if (b == ' ' || b == '\n' || b == '\r' || b == '\t') {
        continue;
      }
      return b == '{';
    }
    return false;
  }

  private static Instant toInstant(Date date) {
    return date == null ? null : date.toInstant();
  }

  static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }

  /** Reads JSON Feed 1.0/1.1 (https://jsonfeed.org/version/1.1). */
  static final class JsonFeedReader {

    private JsonFeedReader() {}

    static ParsedFeed read(byte[] body, URI feedUrl, java.util.function.Function<Instant, List<String>> flagsFor) {
      JsonNode root;
      try {
        root = EventJson.mapper().readTree(body);
      } catch (IOException e) {
        throw new FeedParseException(feedUrl.toString(), "invalid JSON: " + e.getMessage(), e);
      }
      if (root == null || !root.isObject() || !root.path("version").asText("").startsWith("https://jsonfeed.org/version/")) {
        throw new FeedParseException(feedUrl.toString(), "not a JSON Feed (no jsonfeed.org version)", null);
      }
      String base = feedUrl.toString();
      List<ParsedItem> items = new ArrayList<>();
      for (JsonNode item : root.path("items")) {
        String link = Links.resolve(base, text(item, "url"));
        String guid = text(item, "id");
        String content = text(item, "content_html");
        if (content == null && text(item, "content_text") != null) {
          content = "<p>" + org.jsoup.nodes.Entities.escape(text(item, "content_text")).replace("\n\n", "</p><p>") + "</p>";
        }
        List<String> authors = new ArrayList<>();
        for (JsonNode a : item.path("authors")) {
          if (text(a, "name") != null) {
            authors.add(text(a, "name"));
          }
        }
        if (authors.isEmpty() && text(item.path("author"), "name") != null) {
          authors.add(text(item.path("author"), "name"));
        }
        Instant published = date(text(item, "date_published"));
        Instant updated = date(text(item, "date_modified"));
        items.add(new ParsedItem(guid, link, HtmlText.line(text(item, "title")), text(item, "summary"), content, authors,
            published, updated, flagsFor.apply(published == null ? updated : published)));
      }
      return new ParsedFeed("json_feed", text(root, "title"), Links.resolve(base, text(root, "home_page_url")),
          text(root, "language"), null, items);
    }

    private static String text(JsonNode node, String field) {
      JsonNode v = node.get(field);
      return v == null || v.isNull() ? null : blankToNull(v.asText());
    }

    private static Instant date(String rfc3339) {
      if (rfc3339 == null) {
        return null;
      }
      try {
        return java.time.OffsetDateTime.parse(rfc3339).toInstant();
      } catch (java.time.format.DateTimeParseException e) {
        return null;
      }
    }
  }
}
